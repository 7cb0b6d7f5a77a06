import { readCaseOperation } from '@/lib/api/case-resource';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/cases/{receipt}: one of the representative's clients' cases with its history. */
export const GET = routeOf(readCaseOperation);

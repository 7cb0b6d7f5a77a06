import { listCasesOperation } from '@/lib/api/case-list';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/cases: the representative's clients' cases, a page at a time. */
export const GET = routeOf(listCasesOperation);

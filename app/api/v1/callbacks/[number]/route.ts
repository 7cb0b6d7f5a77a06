import { readCallbackOperation } from '@/lib/api/callbacks-api';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/callbacks/{number}: where a callback the representative asked for stands. */
export const GET = routeOf(readCallbackOperation);

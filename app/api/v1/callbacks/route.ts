import { createCallbackOperation } from '@/lib/api/callbacks-api';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/callbacks: ask the Contact Center to call, about a client's case or none. */
export const POST = routeOf(createCallbackOperation);

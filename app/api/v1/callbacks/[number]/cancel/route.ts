import { cancelCallbackOperation } from '@/lib/api/callbacks-api';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/callbacks/{number}/cancel: cancel it while no officer has started it. */
export const POST = routeOf(cancelCallbackOperation);

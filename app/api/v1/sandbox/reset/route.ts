import { routeOf } from '@/lib/api/endpoint';
import { resetSandboxOperation } from '@/lib/api/sandbox-operations';

/** POST /api/v1/sandbox/reset: this sandbox client's data set, back as it was at the start. */
export const POST = routeOf(resetSandboxOperation);

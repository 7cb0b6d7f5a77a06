import { routeOf } from '@/lib/api/endpoint';
import { sandboxScenariosOperation } from '@/lib/api/sandbox-operations';

/** GET /api/v1/sandbox/scenarios: this sandbox client's test receipt numbers and codes, with what each produces. */
export const GET = routeOf(sandboxScenariosOperation);

import { ascListOperation } from '@/lib/api/biometrics-api';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/ascs?zip=: the Application Support Centers nearest a ZIP code. */
export const GET = routeOf(ascListOperation);

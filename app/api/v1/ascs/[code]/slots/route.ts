import { ascSlotsOperation } from '@/lib/api/biometrics-api';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/ascs/{code}/slots?week=: a centre's open times, a week at a time. */
export const GET = routeOf(ascSlotsOperation);

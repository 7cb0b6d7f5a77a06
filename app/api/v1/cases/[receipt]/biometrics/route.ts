import { biometricsOperation } from '@/lib/api/biometrics-api';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/cases/{receipt}/biometrics: the appointment, and whether it may be rescheduled online. */
export const GET = routeOf(biometricsOperation);

import { readAppointmentRequestOperation } from '@/lib/api/appointment-requests-api';
import { routeOf } from '@/lib/api/endpoint';

/** GET /api/v1/appointment-requests/{reference}: a request made by the representative, with its timeline and appointment. */
export const GET = routeOf(readAppointmentRequestOperation);

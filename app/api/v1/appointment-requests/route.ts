import { createAppointmentRequestOperation } from '@/lib/api/appointment-requests-api';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/appointment-requests: ask for an in-person appointment about a client's case. */
export const POST = routeOf(createAppointmentRequestOperation);

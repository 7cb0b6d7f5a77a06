import { cancelAppointmentRequestOperation } from '@/lib/api/appointment-requests-api';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/appointment-requests/{reference}/cancel: cancel it while it is open (or its appointment ahead). */
export const POST = routeOf(cancelAppointmentRequestOperation);

import { rescheduleOperation } from '@/lib/api/biometrics-api';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/cases/{receipt}/biometrics/reschedule: move the appointment to an open time, with good cause. */
export const POST = routeOf(rescheduleOperation);

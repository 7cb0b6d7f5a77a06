import { isoDateInZone } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

/** The agency's calendar day: what "today" means for processing times (status dates are posted in it too). */
export const agencyToday = (clock: Clock) => isoDateInZone(clock.now(), AGENCY_TIME_ZONE);

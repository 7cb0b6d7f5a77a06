/**
 * How case pages write dates and times. Status dates are calendar days as the agency posts them
 * (its headquarters' day); appointment times are in the office's own time zone, with its
 * abbreviation (MST, EDT, HST …), since that is where the person has to be.
 */
import type { createFormatter } from 'next-intl';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Formatter = ReturnType<typeof createFormatter>;

/** 'en-CA' writes dates as YYYY-MM-DD: the machine-readable day of a status, for <time dateTime>. Made once. */
const agencyDay = new Intl.DateTimeFormat('en-CA', { timeZone: AGENCY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The agency's calendar day of a status, as YYYY-MM-DD. */
export function statusDay(at: Date): string {
  return agencyDay.format(at);
}

export function statusDate(format: Formatter, at: Date): string {
  return format.dateTime(at, { dateStyle: 'long', timeZone: AGENCY_TIME_ZONE });
}

/** A calendar date stored as YYYY-MM-DD, written out without moving it across zones. */
export function calendarDate(format: Formatter, isoDate: string): string {
  return format.dateTime(new Date(`${isoDate}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
}

export function appointmentDate(format: Formatter, at: Date, timeZone: string): string {
  return format.dateTime(at, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone });
}

export function appointmentTime(format: Formatter, at: Date, timeZone: string): string {
  return format.dateTime(at, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
}

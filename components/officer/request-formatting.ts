/**
 * How the officers' request pages write times. Due times and appointments are in the office's time
 * zone with its abbreviation (MST, EDT, HST …): that is where the appointment happens and whose
 * business days count. Formatters are made once per language and zone and kept: a queue page writes
 * dozens of times, and building an Intl formatter costs more than using one.
 */
import { DAY, HOUR, MINUTE } from '@/lib/clock';
import type { AppointmentRequestStatus } from '@/db/columns';
import { FORMAT_LOCALES, isLocale } from '@/lib/i18n/routing';

/** The portal's language as the conventions its dates are written in (US Spanish for Spanish). */
const conventions = (locale: string) => (isLocale(locale) ? FORMAT_LOCALES[locale] : locale);

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(locale: string, timeZone: string, kind: 'moment' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'moment'
        ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }
        : kind === 'date'
          ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }
          : { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' };
    format = new Intl.DateTimeFormat(conventions(locale), options);
    formats.set(key, format);
  }
  return format;
}

/** A moment in a zone, e.g. "Dec 7, 2026, 9:00 AM MST". */
export const momentIn = (locale: string, at: Date, timeZone: string) => formatIn(locale, timeZone, 'moment').format(at);
/** An appointment's day in the office's zone, e.g. "Monday, December 7, 2026". */
export const dayIn = (locale: string, at: Date, timeZone: string) => formatIn(locale, timeZone, 'date').format(at);
/** An appointment's time in the office's zone, e.g. "9:00 AM MST". */
export const timeIn = (locale: string, at: Date, timeZone: string) => formatIn(locale, timeZone, 'time').format(at);

/** A calendar date stored as YYYY-MM-DD (a preferred or travel date), written out without moving it across zones. */
export const calendarDay = (locale: string, isoDate: string) => formatIn(locale, 'UTC', 'date').format(new Date(`${isoDate}T12:00:00Z`));

/** A wall-clock time "HH:MM" as the language writes it ("9:30 AM", "9:30 a. m."), no zone. */
export function wallClock(locale: string, time: string): string {
  return new Intl.DateTimeFormat(conventions(locale), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(`1970-01-01T${time}:00Z`));
}

/** A zone's generic short name ("MST", "PT", "HST"): right whatever the date, unlike "PST"/"PDT". */
export function zoneName(locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let name = zoneNames.get(key);
  if (name === undefined) {
    const part = new Intl.DateTimeFormat(conventions(locale), { timeZone, timeZoneName: 'shortGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    name = part?.value ?? timeZone;
    zoneNames.set(key, name);
  }
  return name;
}
const zoneNames = new Map<string, string>();

/** How old a request is, in the largest whole unit that fits: minutes under an hour, hours under two days, then days. */
export function age(createdAt: Date, now: Date): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const elapsed = Math.max(0, now.getTime() - createdAt.getTime());
  if (elapsed < HOUR) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < 2 * DAY) return { unit: 'hours', count: Math.floor(elapsed / HOUR) };
  return { unit: 'days', count: Math.floor(elapsed / DAY) };
}

const UNDECIDED: readonly AppointmentRequestStatus[] = ['submitted', 'in_review', 'more_info_needed'];

/** Whether an undecided request is past its due time, or due within a day; decided ones are neither. */
export function urgency(status: AppointmentRequestStatus, dueAt: Date, now: Date): 'overdue' | 'dueSoon' | null {
  if (!UNDECIDED.includes(status)) return null;
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  if (left < DAY) return 'dueSoon';
  return null;
}

/**
 * When a request is due for a decision (spec §5): urgent requests (emergency advance parole) 72 hours
 * after they were submitted; the others after 30 business days, weekends and federal holidays not
 * counted, at the same time of day in the field office's time zone. A request made on a weekend or a
 * holiday starts counting on the next business day.
 */
import { TZDate } from '@date-fns/tz';
import { HOUR } from '@/lib/clock';
import { isFederalHoliday } from '@/lib/calendar/federal-holidays';
import { addDays, isoDateInZone, isWeekend } from '@/lib/calendar/iso-date';

export const URGENT_DUE_MS = 72 * HOUR;
export const BUSINESS_DAYS_DUE = 30;

export const isBusinessDay = (isoDate: string): boolean => !isWeekend(isoDate) && !isFederalHoliday(isoDate);

/** The date `count` business days after `isoDate` (which itself does not count). */
export function addBusinessDays(isoDate: string, count: number): string {
  let date = isoDate;
  for (let counted = 0; counted < count; ) {
    date = addDays(date, 1);
    if (isBusinessDay(date)) counted++;
  }
  return date;
}

export function requestDueAt(submittedAt: Date, urgent: boolean, timeZone: string): Date {
  if (urgent) return new Date(submittedAt.getTime() + URGENT_DUE_MS);
  const local = new TZDate(submittedAt.getTime(), timeZone);
  const [year, month, day] = addBusinessDays(isoDateInZone(submittedAt, timeZone), BUSINESS_DAYS_DUE).split('-').map(Number);
  // The same wall-clock time on the due date: across a daylight-saving change the offset differs.
  const due = new TZDate(year, month - 1, day, local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds(), timeZone);
  return new Date(due.getTime());
}

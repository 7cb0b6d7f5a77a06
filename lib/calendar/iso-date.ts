/**
 * Calendar dates without a time (a receipt date, a decision date) as ISO `YYYY-MM-DD` text, and as
 * whole days since 1970-01-01 for arithmetic. Plain integer arithmetic rather than Date objects,
 * because the historical data set turns millions of these back and forth.
 */
import { TZDate } from '@date-fns/tz';

const MS_PER_DAY = 86_400_000;

export function epochDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / MS_PER_DAY;
}

export function isoDateOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar date of an instant as seen in UTC. */
export function isoDateUtc(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The calendar date of an instant as seen in an IANA time zone, e.g. an office's. */
export function isoDateInZone(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

export function addDays(isoDate: string, days: number): string {
  return isoDateOfEpochDay(epochDay(isoDate) + days);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function dayOfWeek(isoDate: string): number {
  return (((epochDay(isoDate) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(isoDate: string): boolean {
  const day = dayOfWeek(isoDate);
  return day === 0 || day === 6;
}

/** A real calendar date written as YYYY-MM-DD (so 2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return isoDateOfEpochDay(epochDay(text)) === text;
}

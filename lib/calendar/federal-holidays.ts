/**
 * The eleven U.S. federal holidays (5 U.S.C. 6103) as offices observe them: a holiday on a Saturday
 * is observed the Friday before, one on a Sunday the Monday after. Offices and Application Support
 * Centers are closed on these days, so no appointments are offered on them.
 */
import { addDays, dayOfWeek, isoDateOfEpochDay, epochDay } from './iso-date';

const pad = (n: number) => String(n).padStart(2, '0');

/** The nth given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = `${year}-${pad(month)}-01`;
    const offset = (weekday - dayOfWeek(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = isoDateOfEpochDay(epochDay(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`) - 1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

function observed(isoDate: string): string {
  const day = dayOfWeek(isoDate);
  if (day === 6) return addDays(isoDate, -1);
  if (day === 0) return addDays(isoDate, 1);
  return isoDate;
}

/** The observed federal holidays of a calendar year, YYYY-MM-DD, in date order. */
export function federalHolidays(year: number): string[] {
  const fixed = (month: number, day: number) => observed(`${year}-${pad(month)}-${pad(day)}`);
  return [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    fixed(6, 19), // Juneteenth National Independence Day
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    fixed(12, 25), // Christmas Day
  ].sort();
}

const cache = new Map<number, Set<string>>();

export function isFederalHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  // New Year's Day on a Saturday is observed on December 31 of the year before.
  for (const y of [year, year + 1]) {
    let days = cache.get(y);
    if (!days) {
      days = new Set(federalHolidays(y));
      cache.set(y, days);
    }
    if (days.has(isoDate)) return true;
  }
  return false;
}

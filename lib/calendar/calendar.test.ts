import { describe, expect, it } from 'vitest';
import { federalHolidays, isFederalHoliday } from './federal-holidays';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year';
import { addDays, dayOfWeek, epochDay, isoDateInZone, isoDateOfEpochDay, isWeekend } from './iso-date';

describe('ISO calendar dates', () => {
  it('round-trips through day numbers, across leap days', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(isoDateOfEpochDay(epochDay('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('reads the date of an instant in a time zone', () => {
    const instant = new Date('2026-11-22T04:50:00Z');
    expect(isoDateInZone(instant, 'America/New_York')).toBe('2026-11-21');
    expect(isoDateInZone(instant, 'Pacific/Honolulu')).toBe('2026-11-21');
    expect(isoDateInZone(instant, 'UTC')).toBe('2026-11-22');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0); // a Sunday
    expect(isWeekend('2026-11-21')).toBe(true);
    expect(isWeekend('2026-11-23')).toBe(false);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });
});

describe('federal fiscal year', () => {
  it('starts on October 1 and is named after the year it ends in', () => {
    expect(fiscalYearOf('2023-09-30')).toBe(2023);
    expect(fiscalYearOf('2023-10-01')).toBe(2024);
    expect(fiscalYearOf('2024-09-30')).toBe(2024);
    expect(fiscalYearRange(2024)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  });
});

describe('federal holidays', () => {
  it('lists the observed holidays of 2026', () => {
    expect(federalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03', // July 4 is a Saturday
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves a Sunday holiday to Monday and a Saturday New Year to the Friday before', () => {
    expect(isFederalHoliday('2027-12-24')).toBe(true); // Christmas 2027 is a Saturday
    expect(isFederalHoliday('2027-12-31')).toBe(true); // so is New Year's Day 2028
    expect(isFederalHoliday('2028-06-19')).toBe(true); // a Monday: observed that day
    expect(isFederalHoliday('2028-06-20')).toBe(false);
    expect(isFederalHoliday('2022-06-20')).toBe(true); // June 19, 2022 was a Sunday
    expect(isFederalHoliday('2026-11-27')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { age, momentIn, timeIn, urgency, zoneName } from './request-formatting';

const now = new Date('2026-12-03T17:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms);
const after = (ms: number) => new Date(now.getTime() + ms);
const HOUR = 3_600_000;

describe('how the officers’ request pages write times', () => {
  it('says a request’s age in minutes, then hours, then days', () => {
    expect(age(before(5 * 60_000), now)).toEqual({ unit: 'minutes', count: 5 });
    expect(age(before(5 * HOUR), now)).toEqual({ unit: 'hours', count: 5 });
    expect(age(before(47 * HOUR), now)).toEqual({ unit: 'hours', count: 47 });
    expect(age(before(3 * 24 * HOUR + HOUR), now)).toEqual({ unit: 'days', count: 3 });
  });

  it('marks undecided requests overdue or due within a day, and decided ones never', () => {
    expect(urgency('submitted', before(1), now)).toBe('overdue');
    expect(urgency('in_review', after(23 * HOUR), now)).toBe('dueSoon');
    expect(urgency('more_info_needed', after(25 * HOUR), now)).toBeNull();
    expect(urgency('appointment_scheduled', before(HOUR), now)).toBeNull();
  });

  it('writes due times and appointments in the office’s zone with its abbreviation', () => {
    expect(momentIn('en', new Date('2026-12-07T16:00:00Z'), 'America/Phoenix')).toBe('Dec 7, 2026, 9:00 AM MST');
    expect(timeIn('en', new Date('2027-07-07T15:00:00Z'), 'America/Denver')).toBe('9:00 AM MDT');
    expect(zoneName('en', 'America/Los_Angeles')).toBe('PT');
  });
});

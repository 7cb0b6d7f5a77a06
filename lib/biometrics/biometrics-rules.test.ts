import { describe, expect, it } from 'vitest';
import { HOUR } from '@/lib/clock';
import { milesBetween, normaliseZip } from './asc-search';
import { rescheduleBlock } from './eligibility';
import { startOfLocalDay } from './slots';
import { ZIP_LOCATIONS } from './zip-locations';

const now = new Date('2026-12-03T15:00:00Z');
const pending = { formType: 'I-485', state: 'pending' as const, biometricsRequired: true };
const inHours = (hours: number, rescheduleCount = 0) => ({ startsAt: new Date(now.getTime() + hours * HOUR), rescheduleCount });

describe('who may reschedule a biometrics appointment online', () => {
  it('allows a pending case that needs biometrics, more than 12 hours ahead, rescheduled fewer than twice', () => {
    expect(rescheduleBlock(pending, inHours(12.01), now)).toBeNull();
    expect(rescheduleBlock(pending, inHours(48, 1), now)).toBeNull();
  });

  it('names the first rule that stops it', () => {
    expect(rescheduleBlock({ ...pending, biometricsRequired: false }, inHours(48), now)).toBe('no_biometrics');
    expect(rescheduleBlock({ ...pending, state: 'approved' }, inHours(48), now)).toBe('not_pending');
    for (const formType of ['I-600', 'I-600A', 'I-800', 'I-800A']) expect(rescheduleBlock({ ...pending, formType }, inHours(48), now)).toBe('excluded_form');
    expect(rescheduleBlock(pending, null, now)).toBe('no_appointment');
    expect(rescheduleBlock(pending, inHours(12), now)).toBe('too_late');
    expect(rescheduleBlock(pending, inHours(-1), now)).toBe('too_late');
    expect(rescheduleBlock(pending, inHours(48, 2), now)).toBe('twice_rescheduled');
  });
});

describe('centres near a ZIP code', () => {
  it('reads ZIP codes as people type them', () => {
    expect(normaliseZip(' 85004 ')).toBe('85004');
    expect(normaliseZip('85004-1234')).toBe('85004');
    expect(normaliseZip('8500')).toBeNull();
    expect(normaliseZip('abcde')).toBeNull();
  });

  it('measures great-circle miles', () => {
    // Phoenix to Tucson is about 105 miles as the crow flies.
    expect(milesBetween(ZIP_LOCATIONS['85004'], ZIP_LOCATIONS['85701'])).toBeGreaterThan(100);
    expect(milesBetween(ZIP_LOCATIONS['85004'], ZIP_LOCATIONS['85701'])).toBeLessThan(115);
    expect(milesBetween(ZIP_LOCATIONS['85004'], ZIP_LOCATIONS['85004'])).toBe(0);
  });
});

describe("a centre's calendar day", () => {
  it('starts at local midnight, across both daylight-saving changes and where there are none', () => {
    // New York: 23 hours on the spring change, 25 on the fall one.
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // Arizona, Hawaii and Puerto Rico keep one offset all year.
    for (const date of ['2026-03-09', '2026-11-02']) {
      expect(startOfLocalDay(date, 'America/Phoenix').toISOString()).toBe(`${date}T07:00:00.000Z`);
      expect(startOfLocalDay(date, 'Pacific/Honolulu').toISOString()).toBe(`${date}T10:00:00.000Z`);
      expect(startOfLocalDay(date, 'America/Puerto_Rico').toISOString()).toBe(`${date}T04:00:00.000Z`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { localInstant, openingDays, planSlots } from './biometric-slots';
import { createRandom } from './random';

describe('biometrics slots', () => {
  it('follow daylight-saving time where it is observed', () => {
    expect(localInstant('2026-10-30', 8 * 60, 'America/New_York').toISOString()).toBe('2026-10-30T12:00:00.000Z');
    expect(localInstant('2026-11-02', 8 * 60, 'America/New_York').toISOString()).toBe('2026-11-02T13:00:00.000Z');
    expect(localInstant('2027-03-12', 8 * 60, 'America/Chicago').toISOString()).toBe('2027-03-12T14:00:00.000Z');
    expect(localInstant('2027-03-15', 8 * 60, 'America/Chicago').toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('stay put in Arizona, Hawaii and Puerto Rico, which do not observe it', () => {
    for (const day of ['2026-10-30', '2026-11-02', '2027-03-15', '2027-07-01']) {
      expect(localInstant(day, 8 * 60, 'America/Phoenix').toISOString()).toBe(`${day}T15:00:00.000Z`);
      expect(localInstant(day, 8 * 60, 'Pacific/Honolulu').toISOString()).toBe(`${day}T18:00:00.000Z`);
      expect(localInstant(day, 8 * 60, 'America/Puerto_Rico').toISOString()).toBe(`${day}T12:00:00.000Z`);
    }
  });

  it('are offered on weekdays that are not federal holidays, from tomorrow (local) for 90 days', () => {
    // Sunday evening in Honolulu is already Monday in UTC.
    const now = new Date('2026-11-23T06:00:00Z');
    const days = openingDays(now, 'Pacific/Honolulu', 90);
    expect(days[0]).toBe('2026-11-23');
    expect(days).not.toContain('2026-11-26'); // Thanksgiving
    expect(days).not.toContain('2026-12-25');
    expect(days).not.toContain('2026-11-28');
    expect(days.at(-1)! <= '2027-02-20').toBe(true);
    expect(openingDays(now, 'America/New_York', 90)[0]).toBe('2026-11-24');
  });

  it('run every half hour from 8:00 to 16:00 local with 2 to 6 seats', () => {
    const slots = planSlots(new Date('2026-11-22T12:00:00Z'), 'America/Phoenix', 6, createRandom(1), { days: 3 });
    const first = slots.filter((s) => s.localDate === slots[0].localDate);
    expect(first).toHaveLength(16);
    expect(first[0].localTime).toBe('08:00');
    expect(first.at(-1)!.localTime).toBe('15:30');
    expect(first.at(-1)!.endsAt.toISOString()).toBe(`${slots[0].localDate}T23:00:00.000Z`);
    for (const slot of slots) {
      expect(slot.capacity).toBeGreaterThanOrEqual(2);
      expect(slot.capacity).toBeLessThanOrEqual(6);
      expect(slot.endsAt.getTime() - slot.startsAt.getTime()).toBe(30 * 60_000);
    }
  });
});

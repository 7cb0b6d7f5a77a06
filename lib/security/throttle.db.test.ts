import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { blockedUntil, clearAttempts, recordFailure, reserveAttempt, type ThrottleRule } from './throttle';

const lockout: ThrottleRule = { kind: 'in_a_row', limit: 5, periodMs: 20 * MINUTE };
const hourly: ThrottleRule = { kind: 'window', limit: 10, periodMs: HOUR };

async function failOnce(key: string, rule: ThrottleRule, clock = fixedClock('2026-03-01T12:00:00Z')) {
  const db = getDb();
  const reservation = await reserveAttempt(db, clock, key, rule);
  if (!reservation.ok) return { judged: false, blockedUntil: reservation.blockedUntil };
  const until = await recordFailure(db, clock, key, rule, reservation);
  return { judged: true, blockedUntil: until };
}

describe('throttles', () => {
  it('blocks after 5 failures in a row for 20 minutes, then allows again', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await failOnce('t:a', lockout, clock));
    expect(results.map((r) => r.judged)).toEqual([true, true, true, true, true, false]);
    expect(results[4].blockedUntil?.toISOString()).toBe('2026-03-01T12:20:00.000Z');
    expect((await blockedUntil(getDb(), clock, 't:a'))?.toISOString()).toBe('2026-03-01T12:20:00.000Z');
    clock.advance(20 * MINUTE);
    expect((await failOnce('t:a', lockout, clock)).judged).toBe(true);
  });

  it('starts the count again after a success', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    for (let i = 0; i < 4; i++) await failOnce('t:b', lockout, clock);
    const ok = await reserveAttempt(getDb(), clock, 't:b', lockout);
    expect(ok.ok).toBe(true);
    await clearAttempts(getDb(), clock, 't:b');
    for (let i = 0; i < 4; i++) expect((await failOnce('t:b', lockout, clock)).judged).toBe(true);
  });

  it('pauses a window rule for the rest of the window', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    for (let i = 0; i < 10; i++) {
      expect((await failOnce('t:c', hourly, clock)).judged).toBe(true);
      clock.advance(MINUTE);
    }
    const refused = await failOnce('t:c', hourly, clock);
    expect(refused.judged).toBe(false);
    expect(refused.blockedUntil?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    clock.set('2026-03-01T13:00:00Z');
    expect((await failOnce('t:c', hourly, clock)).judged).toBe(true);
  });

  it('never judges more than the limit when 40 attempts race', async () => {
    const clock = fixedClock('2026-03-01T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 40 }, () => failOnce('t:race', lockout, clock)));
    expect(results.filter((r) => r.judged)).toHaveLength(5);
    expect(results.filter((r) => !r.judged).every((r) => r.blockedUntil && r.blockedUntil > clock.now())).toBe(true);
  });
});

/**
 * How many texts the portal sends, whatever asks for them (sign-in codes, resends, phone
 * confirmations, notices): each text is counted against its account and against its number, per
 * hour and per day, in the throttles table, and reserved before it is queued, so parallel requests
 * cannot send more than the limits. A text costs the agency money and lands on someone's phone:
 * without limits, anyone could make the portal text any number again and again.
 */
import type { DbOrTx } from '@/db/client';
import { DAY, HOUR, type Clock } from '@/lib/clock';
import { releaseAttempt, reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';

export const TEXTS_PER_HOUR: ThrottleRule = { kind: 'window', limit: 5, periodMs: HOUR };
export const TEXTS_PER_DAY: ThrottleRule = { kind: 'window', limit: 10, periodMs: DAY };

export type TextReservation = { ok: true } | { ok: false; until: Date };

/**
 * Reserves one text to `phone` (E.164) for the account `accountId`. Refused when any of the four
 * counters is spent, with the time it opens again; counters reserved before the refusal are given
 * back, so a refused text costs nothing.
 */
export async function reserveText(db: DbOrTx, clock: Clock, to: { accountId: number; phone: string }): Promise<TextReservation> {
  // Daily counters first: when one is spent, its (later) end is the time to tell.
  const counters: [string, ThrottleRule][] = [
    [`text:account:${to.accountId}:day`, TEXTS_PER_DAY],
    [`text:number:${to.phone}:day`, TEXTS_PER_DAY],
    [`text:account:${to.accountId}:hour`, TEXTS_PER_HOUR],
    [`text:number:${to.phone}:hour`, TEXTS_PER_HOUR],
  ];
  const reserved: string[] = [];
  for (const [key, rule] of counters) {
    const reservation = await reserveAttempt(db, clock, key, rule);
    if (!reservation.ok) {
      for (const done of reserved) await releaseAttempt(db, done);
      return { ok: false, until: reservation.blockedUntil };
    }
    reserved.push(key);
  }
  return { ok: true };
}

/**
 * How many texts the portal sends, whatever asks for them (sign-in codes, resends, phone
 * confirmations, notices): each text is counted against its account and against its number, per
 * hour and per day, in the throttles table, and reserved before it is queued, so parallel requests
 * cannot send more than the limits. A text costs the agency money and lands on someone's phone:
 * without limits, anyone could make the portal text any number again and again.
 */
import type { DbOrTx } from '@/db/client';
import { DAY, HOUR, type Clock } from '@/lib/clock';
import { eq } from 'drizzle-orm';
import { smsOptOuts, throttles } from '@/db/schema';
import { releaseAttempt, reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';

export const TEXTS_PER_HOUR: ThrottleRule = { kind: 'window', limit: 5, periodMs: HOUR };
export const TEXTS_PER_DAY: ThrottleRule = { kind: 'window', limit: 10, periodMs: DAY };

export interface TextTo {
  accountId: number;
  /** E.164. */
  phone: string;
}

/** Daily counters first: when one is spent, its (later) end is the time to tell. */
function textCounters(to: TextTo): [string, ThrottleRule][] {
  return [
    [`text:account:${to.accountId}:day`, TEXTS_PER_DAY],
    [`text:number:${to.phone}:day`, TEXTS_PER_DAY],
    [`text:account:${to.accountId}:hour`, TEXTS_PER_HOUR],
    [`text:number:${to.phone}:hour`, TEXTS_PER_HOUR],
  ];
}

/**
 * When texting this number for this account is paused by a spent limit, the time it opens again;
 * null when a text may be sent. For forms, before they begin something that texts: the reservation
 * at sending is still what holds the limit.
 */
export async function textPausedUntil(db: DbOrTx, clock: Clock, to: TextTo): Promise<Date | null> {
  const now = clock.now();
  let latest: Date | null = null;
  for (const [key, rule] of textCounters(to)) {
    const [row] = await db.select().from(throttles).where(eq(throttles.key, key));
    if (!row) continue;
    const windowEnd = new Date(row.windowStartedAt.getTime() + rule.periodMs);
    const until = row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : row.count >= rule.limit && windowEnd > now ? windowEnd : null;
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/** Refused: a limit is spent until `until`, or the number answered STOP (no text until it answers START). */
export type TextReservation = { ok: true } | { ok: false; until: Date } | { ok: false; optedOut: true };

/**
 * Reserves one text to `phone` (E.164) for the account `accountId`. Refused when any of the four
 * counters is spent, with the time it opens again; counters reserved before the refusal are given
 * back, so a refused text costs nothing.
 */
export async function reserveText(db: DbOrTx, clock: Clock, to: TextTo): Promise<TextReservation> {
  const [optedOut] = await db.select({ id: smsOptOuts.id }).from(smsOptOuts).where(eq(smsOptOuts.phone, to.phone));
  if (optedOut) return { ok: false, optedOut: true };
  const counters = textCounters(to);
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

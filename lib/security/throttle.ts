/**
 * Attempt counters in the database, shared by every app server and updated by single conditional
 * statements so parallel attempts can never slip past a limit, on SQLite and Postgres alike.
 *
 * An attempt is reserved before it is judged: `reserveAttempt` counts it and refuses once the limit
 * is reached, so however many requests race, at most `limit` guesses are ever evaluated in a window.
 * A success can give the attempt back (`clearAttempts`) where the rule counts failures "in a row".
 */
import { and, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { throttles } from '@/db/schema';
import type { Clock } from '@/lib/clock';

export interface ThrottleRule {
  /** Attempts allowed before the key is blocked. */
  limit: number;
  /**
   * 'in_a_row': failures since the last success; reaching the limit blocks for `blockMs`.
   * 'window': attempts in a window that opens at the first one; reaching the limit blocks for the rest of it.
   */
  kind: 'in_a_row' | 'window';
  /** For 'window': the window's length. For 'in_a_row': how long the block lasts. */
  periodMs: number;
}

export type Reservation =
  | { ok: true; count: number; /** true when this attempt used the last one allowed */ last: boolean }
  | { ok: false; blockedUntil: Date };

export async function reserveAttempt(db: DbOrTx, clock: Clock, key: string, rule: ThrottleRule): Promise<Reservation> {
  const now = clock.now();
  // A window rule starts afresh once its window has passed; an in-a-row rule only restarts on success or block.
  const fresh = rule.kind === 'window' ? lte(throttles.windowStartedAt, new Date(now.getTime() - rule.periodMs)) : sql`1 = 0`;
  const notBlocked = or(isNull(throttles.blockedUntil), lte(throttles.blockedUntil, now));
  // One statement: a new key starts at 1; an existing one counts on unless blocked or at its limit
  // (then nothing changes and no row comes back).
  const [row] = await db
    .insert(throttles)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`CASE WHEN ${fresh} THEN 1 ELSE ${throttles.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${fresh} THEN ${sql.param(now, throttles.windowStartedAt)} ELSE ${throttles.windowStartedAt} END`,
        blockedUntil: null,
      },
      setWhere: and(notBlocked, or(fresh, lt(throttles.count, rule.limit))),
    })
    .returning({ count: throttles.count, windowStartedAt: throttles.windowStartedAt });

  if (row) return { ok: true, count: row.count, last: row.count >= rule.limit };
  return { ok: false, blockedUntil: await blockKey(db, clock, key, rule) };
}

/**
 * Records that the reserved attempt failed. When it was the last allowed one, the key is blocked
 * and the time the block ends is returned.
 */
export async function recordFailure(db: DbOrTx, clock: Clock, key: string, rule: ThrottleRule, reservation: Reservation): Promise<Date | null> {
  if (!reservation.ok || !reservation.last) return null;
  return blockKey(db, clock, key, rule);
}

/** A success ends a run of failures ('in_a_row' rules) and gives the reserved attempt back. */
export async function clearAttempts(db: DbOrTx, clock: Clock, key: string): Promise<void> {
  await db
    .update(throttles)
    .set({ count: 0, windowStartedAt: clock.now() })
    .where(and(eq(throttles.key, key), or(isNull(throttles.blockedUntil), lte(throttles.blockedUntil, clock.now()))));
}

/** Gives back one reserved attempt that turned out not to be a guess (e.g. a malformed request). */
export async function releaseAttempt(db: DbOrTx, key: string): Promise<void> {
  await db.update(throttles).set({ count: sql`${throttles.count} - 1` }).where(and(eq(throttles.key, key), gt(throttles.count, 0)));
}

export async function blockedUntil(db: DbOrTx, clock: Clock, key: string): Promise<Date | null> {
  const [row] = await db.select({ until: throttles.blockedUntil }).from(throttles).where(eq(throttles.key, key));
  return row?.until && row.until > clock.now() ? row.until : null;
}

async function blockKey(db: DbOrTx, clock: Clock, key: string, rule: ThrottleRule): Promise<Date> {
  const now = clock.now();
  const [current] = await db.select().from(throttles).where(eq(throttles.key, key));
  if (current?.blockedUntil && current.blockedUntil > now) return current.blockedUntil;
  const until =
    rule.kind === 'window' && current
      ? new Date(current.windowStartedAt.getTime() + rule.periodMs)
      : new Date(now.getTime() + rule.periodMs);
  // Only the first to block sets the time; a later one keeps it (no extending the block by racing).
  await db
    .update(throttles)
    .set({ blockedUntil: until, count: rule.kind === 'in_a_row' ? 0 : sql`${throttles.count}` })
    .where(and(eq(throttles.key, key), or(isNull(throttles.blockedUntil), lte(throttles.blockedUntil, now))));
  const [after] = await db.select({ until: throttles.blockedUntil }).from(throttles).where(eq(throttles.key, key));
  return after?.until ?? until;
}

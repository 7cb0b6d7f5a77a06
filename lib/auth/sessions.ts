/**
 * Server-side sessions (NIST SP 800-63B AAL2): 30 minutes without activity or 12 hours after sign-in
 * end a session, whichever comes first. The browser holds only a random token (inside next-auth's
 * encrypted cookie); the database holds its keyed hash and is the source of truth, so signing out,
 * "sign out everywhere" and a password change take effect on every app server at once.
 *
 * A session is "pending" from the right password until the second step succeeds; only then does
 * it carry `secondFactorAt` and reach pages.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessions, users, type User } from '@/db/schema';
import { HOUR, MINUTE, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { recordAudit } from '@/lib/audit/record-audit';

export const IDLE_TIMEOUT_MS = 30 * MINUTE;
export const ABSOLUTE_TIMEOUT_MS = 12 * HOUR;
export const PENDING_TIMEOUT_MS = 15 * MINUTE;
/** Activity is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 30_000;

/** 'renewed': a pending session replaced by a fresh one after a completed step of signing up. */
export type EndReason = 'sign_out' | 'sign_out_everywhere' | 'password_changed' | 'second_factor_changed' | 'idle' | 'absolute' | 'disabled' | 'renewed' | 'password_reset';

const hashToken = (token: string) => keyedHash('session', token);
const newToken = () => randomBytes(32).toString('base64url');

export async function startSession(db: DbOrTx, clock: Clock, userId: number, userAgent: string | null): Promise<string> {
  const now = clock.now();
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + PENDING_TIMEOUT_MS),
    userAgent: userAgent?.slice(0, 200) ?? null,
  });
  return token;
}

/**
 * The second step succeeded: the session becomes a full one, 12 hours from now at most, under a new
 * token. The pending token was held through the password step and may have been seen there, so it
 * stops working here; one conditional update swaps the keyed hash, so of two completions only one
 * gets a token. Returns the new token, or null when the pending session had ended or expired.
 */
export async function completeSecondFactor(db: DbOrTx, clock: Clock, pendingToken: string): Promise<string | null> {
  const now = clock.now();
  const token = newToken();
  const done = await db
    .update(sessions)
    .set({ tokenHash: hashToken(token), secondFactorAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS) })
    .where(and(eq(sessions.tokenHash, hashToken(pendingToken)), isNull(sessions.secondFactorAt), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .returning({ id: sessions.id });
  return done.length === 1 ? token : null;
}

export type SessionCheck =
  | { status: 'active'; user: User; sessionId: number; idleExpiresAt: Date; absoluteExpiresAt: Date }
  | { status: 'pending'; user: User; sessionId: number }
  | { status: 'expired'; reason: 'idle' | 'absolute' }
  | { status: 'none' };

/**
 * Looks the session up and, when it is active, records the activity. An idle or absolute expiry
 * ends the session for good (a later request cannot revive it) and says which one it was.
 */
export async function checkSession(db: DbOrTx, clock: Clock, token: string | undefined | null, options: { touch?: boolean } = {}): Promise<SessionCheck> {
  if (!token) return { status: 'none' };
  const now = clock.now();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)));
  if (!row || row.session.endedAt || row.user.disabledAt) return { status: 'none' };
  const { session, user } = row;
  if (!session.secondFactorAt) {
    return session.expiresAt > now ? { status: 'pending', user, sessionId: session.id } : { status: 'none' };
  }
  const reason = session.expiresAt <= now ? 'absolute' : now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS ? 'idle' : null;
  if (reason) {
    // Recorded once: when two requests notice the expiry together, only the one that ends it audits.
    if (await endSessionById(db, clock, session.id, reason)) {
      await recordAudit(db, clock, {
        actor: { id: user.id, role: user.role },
        action: 'session.end',
        objectType: 'session',
        objectId: session.id,
        outcome: 'success',
        detail: { reason },
      });
    }
    return { status: 'expired', reason };
  }
  let lastSeenAt = session.lastSeenAt;
  if (options.touch !== false && now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, session.id), lt(sessions.lastSeenAt, now)));
    lastSeenAt = now;
  }
  return {
    status: 'active',
    user,
    sessionId: session.id,
    idleExpiresAt: new Date(Math.min(lastSeenAt.getTime() + IDLE_TIMEOUT_MS, session.expiresAt.getTime())),
    absoluteExpiresAt: session.expiresAt,
  };
}

/** "Stay signed in": activity now, even if the last write was moments ago. */
export async function extendSession(db: DbOrTx, clock: Clock, sessionId: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: clock.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endSessionByToken(db: DbOrTx, clock: Clock, token: string, reason: EndReason): Promise<number | null> {
  const [ended] = await db
    .update(sessions)
    .set({ endedAt: clock.now(), endedReason: reason })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId });
  return ended?.userId ?? null;
}

export async function endSessionById(db: DbOrTx, clock: Clock, sessionId: number, reason: EndReason): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: clock.now(), endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length === 1;
}

/** Ends every session of the user except `keepSessionId` (all of them when it is null). Returns how many ended. */
export async function endOtherSessions(db: DbOrTx, clock: Clock, userId: number, keepSessionId: number | null, reason: EndReason): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: clock.now(), endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId == null ? undefined : ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}

export async function activeSessions(db: DbOrTx, clock: Clock, userId: number) {
  const now = clock.now();
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, secondFactorAt: sessions.secondFactorAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)));
  return rows.filter((s) => s.secondFactorAt && now.getTime() - s.lastSeenAt.getTime() < IDLE_TIMEOUT_MS);
}

/**
 * Ending and extending a signed-in session on the person's request or when its time runs out, each
 * recorded in the audit log. The expiry rules themselves are in sessions.ts.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { sessionTimeLeft, type SessionTimeLeft } from './session-timing';
import { checkSession, endSessionByToken, extendSession, type EndReason } from './sessions';

/**
 * Below this much time left, a browser asking to end a timed-out session is taken at its word. It
 * keeps a browser whose clock runs a few seconds fast from being refused and asking again.
 */
export const TIMEOUT_GRACE_MS = 5_000;

/** Ends the session behind `token` (sign out, or time out seen by the browser). True when it was still open. */
export async function endSignedInSession(
  db: DbOrTx,
  clock: Clock,
  input: { token: string; reason: Extract<EndReason, 'sign_out' | 'idle' | 'absolute'>; requestId?: string | null },
): Promise<boolean> {
  const userId = await endSessionByToken(db, clock, input.token, input.reason);
  if (userId == null) return false;
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  await recordAudit(db, clock, {
    actor: { id: userId, role: user?.role ?? null },
    action: 'session.end',
    objectType: 'account',
    objectId: userId,
    outcome: 'success',
    detail: { reason: input.reason },
    requestId: input.requestId,
  });
  return true;
}

export type SessionTimeState = { status: 'active'; timeLeft: SessionTimeLeft } | { status: 'ended'; reason: 'idle' | 'absolute' | null };

/** How long the session has left, without counting the question as activity. */
export async function sessionTimeState(db: DbOrTx, clock: Clock, token: string | undefined | null): Promise<SessionTimeState> {
  const check = await checkSession(db, clock, token, { touch: false });
  if (check.status === 'active') return { status: 'active', timeLeft: sessionTimeLeft(check, clock.now()) };
  return { status: 'ended', reason: check.status === 'expired' ? check.reason : null };
}

/** "Stay signed in": counts as activity now and returns the new time left. */
export async function staySignedIn(
  db: DbOrTx,
  clock: Clock,
  input: { token: string | undefined | null; requestId?: string | null },
): Promise<SessionTimeState> {
  const check = await checkSession(db, clock, input.token, { touch: false });
  if (check.status !== 'active') return { status: 'ended', reason: check.status === 'expired' ? check.reason : null };
  await extendSession(db, clock, check.sessionId);
  await recordAudit(db, clock, {
    actor: { id: check.user.id, role: check.user.role },
    action: 'session.extend',
    objectType: 'account',
    objectId: check.user.id,
    outcome: 'success',
    requestId: input.requestId,
  });
  const after = await checkSession(db, clock, input.token, { touch: false });
  if (after.status !== 'active') return { status: 'ended', reason: after.status === 'expired' ? after.reason : null };
  return { status: 'active', timeLeft: sessionTimeLeft(after, clock.now()) };
}

/**
 * The browser's countdown reached zero. The database decides: a session with time left (activity in
 * another tab) stays and its time left is returned; one at its end is ended and recorded.
 */
export async function endSessionIfTimedOut(
  db: DbOrTx,
  clock: Clock,
  input: { token: string | undefined | null; requestId?: string | null },
): Promise<SessionTimeState> {
  const state = await sessionTimeState(db, clock, input.token);
  if (state.status === 'ended' || !input.token) return state;
  if (state.timeLeft.idleMs > TIMEOUT_GRACE_MS) return state;
  const reason = state.timeLeft.endsBy;
  await endSignedInSession(db, clock, { token: input.token, reason, requestId: input.requestId });
  return { status: 'ended', reason };
}

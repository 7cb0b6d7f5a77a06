/**
 * "Forgot your password?" (spec §2): a reset link by email, then the account's second step, then a
 * new password under the sign-up rules, which ends every session and tells the owner.
 *
 * - Asking answers the same whether or not the address has an account; at most 3 requests an hour
 *   per address (counted whether or not it has one), so the form cannot flood a mailbox.
 * - The link's token is 32 random bytes, stored only as a keyed hash (one_time_codes, purpose
 *   'password_reset'), valid 1 hour; a newer link retires the older ones. It is used up by one
 *   conditional update when the new password is set, so it works exactly once.
 * - Proving the second step yields a proof: another random token, held only by the browser that
 *   proved it (in the reset's httpOnly cookie) and stored as a keyed hash ('password_reset_proof').
 *   Setting the password uses it up, so the link alone, without the second step, sets nothing.
 * - The second step is the account's own (emailed or texted code, authenticator app) or a backup
 *   code, under the 10-wrong-codes lockout. It does not count on the 100-in-a-row cap: the reset is
 *   how an account over the cap gets back in, and the reset clears the cap.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import type { Language } from '@/db/columns';
import { oneTimeCodes, throttles, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { HOUR, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { notificationConfig } from '@/lib/notifications/config';
import { reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { sendSecurityNotice } from './account-settings';
import { hashPassword } from './password';
import { passwordProblem, type PasswordProblem } from './password-policy';
import { sendSecondStepCode } from './send-codes';
import { endOtherSessions } from './sessions';
import { RESEND_LIMIT, resendKey } from './sign-in-flow';
import { checkUserCode, codeCapKey, codeKey, normaliseEmail, passwordKey } from './sign-in';

export const PASSWORD_RESET_VALID_HOURS = 1;
const VALID_MS = PASSWORD_RESET_VALID_HOURS * HOUR;
export const RESET_REQUEST_LIMIT: ThrottleRule = { kind: 'window', limit: 3, periodMs: HOUR };
const requestKey = (email: string) => `password-reset:${keyedHash('email', normaliseEmail(email))}`;
const tokenHash = (token: string) => keyedHash('password-reset', token);
const proofHash = (proof: string) => keyedHash('password-reset-proof', proof);

/** Where the link takes the person: the portal's public address, in the language of the account. */
export function passwordResetLink(token: string, language: Language, portalUrl = notificationConfig().portalUrl): string {
  return `${portalUrl}${language === 'es' ? '/es' : ''}/password-reset/continue?token=${encodeURIComponent(token)}`;
}

export type RequestResetResult = { ok: true } | { ok: false; error: 'throttled'; until: Date };

/**
 * Emails a reset link when the address belongs to a confirmed, enabled account with a password. The
 * answer never says whether it did: only the per-address limit shows, and it counts every address.
 */
export async function requestPasswordReset(
  db: Db,
  clock: Clock,
  input: { email: string; requestId?: string | null; portalUrl?: string },
): Promise<RequestResetResult> {
  const email = normaliseEmail(input.email);
  const reservation = await reserveAttempt(db, clock, requestKey(email), RESET_REQUEST_LIMIT);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const actor = user ? { id: user.id, role: user.role } : null;
  if (!reservation.ok) {
    await recordAudit(db, clock, { actor, action: 'password_reset.request', objectType: 'account', objectId: user?.id ?? null, outcome: 'denied', detail: { reason: 'throttled' }, requestId: input.requestId });
    return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  }
  const eligible = user && user.passwordHash && user.emailVerifiedAt && !user.disabledAt;
  if (!eligible) {
    await recordAudit(db, clock, { actor, action: 'password_reset.request', objectType: 'account', objectId: user?.id ?? null, outcome: 'failure', detail: { reason: user ? 'not_eligible' : 'unknown_account' }, requestId: input.requestId });
    return { ok: true };
  }
  await transaction(db, async (tx) => {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    // Earlier links are retired by expiring them (not marking them used), so they read as "expired".
    await tx
      .update(oneTimeCodes)
      .set({ expiresAt: now })
      .where(and(eq(oneTimeCodes.userId, user.id), eq(oneTimeCodes.purpose, 'password_reset'), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now)));
    await tx.insert(oneTimeCodes).values({ userId: user.id, purpose: 'password_reset', codeHash: tokenHash(token), createdAt: now, expiresAt: new Date(now.getTime() + VALID_MS) });
    await enqueueNotification(tx, clock, {
      channel: 'email',
      recipient: user.email,
      language: user.preferredLanguage,
      template: 'password-reset-link',
      payload: { validHours: PASSWORD_RESET_VALID_HOURS },
      secrets: { link: passwordResetLink(token, user.preferredLanguage, input.portalUrl) },
      dedupeKey: `password-reset-link:${user.id}:${randomUUID()}`,
    });
    await recordAudit(tx, clock, { actor, action: 'password_reset.request', objectType: 'account', objectId: user.id, outcome: 'success', requestId: input.requestId });
  });
  return { ok: true };
}

export type ResetLinkState = { status: 'valid'; user: User; expiresAt: Date } | { status: 'expired' | 'used' | 'invalid' };

/** What a reset link is worth now, without using it. Unknown and malformed tokens are 'invalid'. */
export async function checkPasswordResetLink(db: DbOrTx, clock: Clock, token: string | null | undefined): Promise<ResetLinkState> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: 'invalid' };
  const [row] = await db
    .select({ code: oneTimeCodes, user: users })
    .from(oneTimeCodes)
    .innerJoin(users, eq(users.id, oneTimeCodes.userId))
    .where(and(eq(oneTimeCodes.codeHash, tokenHash(token)), eq(oneTimeCodes.purpose, 'password_reset')));
  if (!row || row.user.disabledAt) return { status: 'invalid' };
  if (row.code.usedAt) return { status: 'used' };
  if (row.code.expiresAt <= clock.now()) return { status: 'expired' };
  return { status: 'valid', user: row.user, expiresAt: row.code.expiresAt };
}

export type LinkError = Exclude<ResetLinkState, { status: 'valid' }>['status'];

/**
 * The person followed the link and pressed "Continue": the second step begins (an emailed or texted
 * code is sent now; an authenticator app needs none). The link stays valid until the new password is set.
 */
export async function beginPasswordReset(
  db: Db,
  clock: Clock,
  input: { token: string; requestId?: string | null },
): Promise<{ ok: true; user: User } | { ok: false; error: LinkError }> {
  const link = await checkPasswordResetLink(db, clock, input.token);
  if (link.status !== 'valid') return { ok: false, error: link.status };
  const { user } = link;
  // Pressing "Continue" again sends a new code, under the same limit as "Send a new code" at sign-in;
  // past it, the codes already sent still work.
  const send = user.secondFactor !== 'totp' && (await reserveAttempt(db, clock, resendKey(user.id), RESEND_LIMIT)).ok;
  await transaction(db, async (tx) => {
    if (send) await sendSecondStepCode(tx, clock, user);
    await recordAudit(tx, clock, { actor: { id: user.id, role: user.role }, action: 'password_reset.start', objectType: 'account', objectId: user.id, outcome: 'success', requestId: input.requestId });
  });
  return { ok: true, user };
}

export type ProveResetResult =
  | { ok: true; user: User; /** for completePasswordReset: keep it where only this browser has it */ proof: string }
  | { ok: false; error: LinkError }
  | { ok: false; error: 'wrong' }
  | { ok: false; error: 'locked'; until: Date };

/** The second step of a reset: the account's own code, or (`kind` 'backup') one of its backup codes. */
export async function proveResetSecondStep(
  db: Db,
  clock: Clock,
  input: { token: string; code: string; kind: 'code' | 'backup'; requestId?: string | null },
): Promise<ProveResetResult> {
  const link = await checkPasswordResetLink(db, clock, input.token);
  if (link.status !== 'valid') return { ok: false, error: link.status };
  const { user } = link;
  const check = await checkUserCode(db, clock, user, input.code, input.kind === 'backup' ? 'backup' : 'sign_in', input.requestId);
  if (!check.ok) return check.error === 'locked' ? { ok: false, error: 'locked', until: check.until } : { ok: false, error: 'wrong' };
  const proof = randomBytes(32).toString('base64url');
  await db.insert(oneTimeCodes).values({ userId: user.id, purpose: 'password_reset_proof', codeHash: proofHash(proof), createdAt: clock.now(), expiresAt: link.expiresAt });
  await recordAudit(db, clock, {
    actor: { id: user.id, role: user.role },
    action: 'password_reset.second_step',
    objectType: 'account',
    objectId: user.id,
    outcome: 'success',
    detail: { method: input.kind === 'backup' ? 'backup_code' : (user.secondFactor ?? 'email') },
    requestId: input.requestId,
  });
  return { ok: true, user, proof };
}

export type CompleteResetResult =
  | { ok: true; user: User; endedSessions: number }
  | { ok: false; error: LinkError | 'not_proven' }
  | { ok: false; error: 'password'; problem: PasswordProblem | 'required' };

/**
 * The new password, with the proof that the second step was passed for this link. In one
 * transaction: the proof and the link are used up (of two submissions only one gets past it), the password is
 * set, every session ends, the lockouts and the wrong-code cap are cleared, and the owner is told.
 */
export async function completePasswordReset(
  db: Db,
  clock: Clock,
  input: { token: string; proof: string | null | undefined; password: string; requestId?: string | null },
): Promise<CompleteResetResult> {
  const link = await checkPasswordResetLink(db, clock, input.token);
  if (link.status !== 'valid') return { ok: false, error: link.status };
  if (!input.proof) return { ok: false, error: 'not_proven' };
  const problem = input.password ? passwordProblem(input.password, { email: link.user.email }) : 'required';
  if (problem) return { ok: false, error: 'password', problem };
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const now = clock.now();
    const live = (purpose: 'password_reset' | 'password_reset_proof', hash: string) =>
      and(eq(oneTimeCodes.codeHash, hash), eq(oneTimeCodes.purpose, purpose), eq(oneTimeCodes.userId, link.user.id), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now));
    const [proven] = await tx.update(oneTimeCodes).set({ usedAt: now }).where(live('password_reset_proof', proofHash(input.proof!))).returning({ id: oneTimeCodes.id });
    if (!proven) return { ok: false as const, error: 'not_proven' as const };
    const [used] = await tx
      .update(oneTimeCodes)
      .set({ usedAt: now })
      .where(live('password_reset', tokenHash(input.token)))
      .returning({ userId: oneTimeCodes.userId });
    if (!used) return { ok: false as const, error: 'used' as const };
    const [user] = await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, used.userId)).returning();
    const endedSessions = await endOtherSessions(tx, clock, user.id, null, 'password_reset');
    await tx.delete(throttles).where(inArray(throttles.key, [codeKey(user.id), codeCapKey(user.id), passwordKey(user.email)]));
    await sendSecurityNotice(tx, clock, user, 'password_reset');
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.password_reset',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { endedSessions, sessionsEndedReason: 'password_reset' },
      requestId: input.requestId,
    });
    return { ok: true as const, user, endedSessions };
  });
}

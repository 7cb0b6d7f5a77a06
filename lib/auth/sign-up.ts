/**
 * Signing up (spec §1–§2): an applicant or representative creates their own account, confirms the
 * email address with a six-digit code, sets up the second step and saves backup codes; only then is
 * the session a full one. Until that point the browser holds a PENDING session (lib/auth/sessions.ts),
 * renewed after each completed step so every step has its own 15 minutes.
 *
 * An address that already has an account is never revealed on screen: the person sees the same
 * "we sent you a code" page, and the owner of the address gets an email saying someone tried.
 * A sign-up whose address was not confirmed within 24 hours expires, so nobody can hold an address
 * they do not own: a new sign-up with it proceeds as a fresh one.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import { representativeProfiles, users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { HOUR, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { reservePasswordCheck, type HashingBudget } from '@/lib/security/hashing-budget';
import { recordFailure, reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { regenerateBackupCodes } from './backup-codes';
import { hashPassword } from './password';
import { maySelfSignUp } from './policy';
import { sendOneTimeCode } from './send-codes';
import { checkSession, completeSecondFactor, endOtherSessions, endSessionByToken, startSession } from './sessions';
import { CODE_LOCKOUT, checkUserCode, normaliseEmail } from './sign-in';
import type { SignUpInput } from './sign-up-schema';

/** At most 5 sign-ups per email address per hour, whether or not the address has an account. */
export const SIGN_UP_LIMIT: ThrottleRule = { kind: 'window', limit: 5, periodMs: HOUR };
/** "Send a new code": at most 5 per hour, so the button cannot be used to flood a mailbox or phone. */
export const RESEND_LIMIT: ThrottleRule = { kind: 'window', limit: 5, periodMs: HOUR };
export const UNCONFIRMED_SIGN_UP_TTL_MS = 24 * HOUR;

const emailDigest = (email: string) => keyedHash('email', normaliseEmail(email));
const signUpKey = (email: string) => `sign-up:${emailDigest(email)}`;
export const resendKey = (purpose: string, subject: string | number) => `resend:${purpose}:${subject}`;

export type CreateAccountResult =
  | { ok: true; status: 'created'; user: User; token: string }
  /** The address already has an account: nothing was created and the owner was told by email. */
  | { ok: true; status: 'exists' }
  | { ok: false; error: 'throttled'; until: Date };

/**
 * Creates the account in one transaction: the user, the representative profile, the audit entry,
 * the email confirmation code (queued in the outbox) and a pending session whose token is returned.
 * The second step is not set here: `users.secondFactor` stays empty until the chosen method has been
 * proven (lib/auth/second-factor-setup.ts), so an account abandoned half-way still signs in with
 * emailed codes instead of an authenticator that was never set up.
 */
export async function createAccount(
  db: Db,
  clock: Clock,
  input: SignUpInput & { userAgent: string | null; requestId?: string | null; clientAddress?: string; budget?: HashingBudget },
): Promise<CreateAccountResult> {
  if (!maySelfSignUp(input.role)) throw new Error(`the ${input.role} role cannot sign up`);
  const email = normaliseEmail(input.email);
  const reservation = await reserveAttempt(db, clock, signUpKey(email), SIGN_UP_LIMIT);
  if (!reservation.ok) return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  // Hashing the password is the costly part: it spends from the same budget as signing in.
  const budget = await reservePasswordCheck(db, clock, { clientAddress: input.clientAddress ?? 'unknown', knownDevice: false }, input.budget);
  if (!budget.ok) return { ok: false, error: 'throttled', until: budget.until };

  // Hashed before looking the address up, so a taken address answers as slowly as a new one.
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const now = clock.now();
    await releaseExpiredSignUp(tx, clock, email, input.requestId);
    const [user] = await tx
      .insert(users)
      .values({
        email,
        emailVerifiedAt: null,
        passwordHash,
        role: input.role,
        givenName: input.givenName,
        familyName: input.familyName,
        phone: input.phone,
        preferredLanguage: input.preferredLanguage,
        secondFactor: null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();

    if (!user) {
      await tellOwnerOfExistingAccount(tx, clock, email, input.requestId);
      return { ok: true, status: 'exists' } as const;
    }

    if (input.role === 'representative' && input.representative) {
      await tx.insert(representativeProfiles).values({ userId: user.id, ...input.representative });
    }
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.create',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { role: user.role, chosenSecondFactor: input.secondFactor, language: user.preferredLanguage },
      requestId: input.requestId,
    });
    await sendOneTimeCode(tx, clock, user, 'confirm_email', { channel: 'email', recipient: email });
    const token = await startSession(tx, clock, user.id, input.userAgent);
    return { ok: true, status: 'created', user, token } as const;
  });
}

/**
 * A self sign-up still unconfirmed 24 hours after it was made gives its address up: the account is
 * disabled, its sessions end, and its address is renamed out of the way (kept for the audit trail).
 * The conditional update decides, so two sign-ups racing for the address release it once.
 */
async function releaseExpiredSignUp(tx: DbOrTx, clock: Clock, email: string, requestId?: string | null): Promise<void> {
  const now = clock.now();
  const [stale] = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.emailVerifiedAt), inArray(users.role, ['applicant', 'representative']), lte(users.createdAt, new Date(now.getTime() - UNCONFIRMED_SIGN_UP_TTL_MS))));
  if (!stale) return;
  const [released] = await tx
    .update(users)
    .set({ email: `unconfirmed-expired:${stale.id}:${email}`, disabledAt: now, updatedAt: now })
    .where(and(eq(users.id, stale.id), eq(users.email, email), isNull(users.emailVerifiedAt)))
    .returning({ id: users.id });
  if (!released) return;
  await endOtherSessions(tx, clock, stale.id, null, 'disabled');
  await recordAudit(tx, clock, {
    actor: null,
    action: 'account.expire',
    objectType: 'account',
    objectId: stale.id,
    outcome: 'success',
    detail: { reason: 'email_unconfirmed_24_hours', role: stale.role },
    requestId,
  });
}

async function tellOwnerOfExistingAccount(db: DbOrTx, clock: Clock, email: string, requestId?: string | null) {
  const [owner] = await db.select().from(users).where(eq(users.email, email));
  if (!owner) return;
  const hour = Math.floor(clock.now().getTime() / HOUR);
  await enqueueNotification(db, clock, {
    channel: 'email',
    recipient: owner.email,
    language: owner.preferredLanguage,
    template: 'account-exists',
    payload: {},
    // One such email per address per hour, however often someone tries.
    dedupeKey: `account-exists:${emailDigest(email)}:${hour}`,
  });
  await recordAudit(db, clock, {
    actor: null,
    action: 'account.create',
    objectType: 'account',
    objectId: owner.id,
    outcome: 'denied',
    detail: { reason: 'email_in_use' },
    requestId,
  });
}

export type PendingSignUp = { status: 'pending'; user: User; sessionId: number } | { status: 'none' };

/** The pending session behind a sign-up step, or none (unknown, ended, expired or already complete). */
export async function pendingSignUp(db: DbOrTx, clock: Clock, token: string | undefined | null): Promise<PendingSignUp> {
  const check = await checkSession(db, clock, token, { touch: false });
  if (check.status !== 'pending') return { status: 'none' };
  return { status: 'pending', user: check.user, sessionId: check.sessionId };
}

/**
 * A completed step earns a fresh pending session (and 15 more minutes); the old token stops working
 * at once, so a copy of it left in a browser history or log is useless.
 */
export async function renewPendingSession(db: DbOrTx, clock: Clock, token: string, userId: number, userAgent: string | null): Promise<string> {
  await endSessionByToken(db, clock, token, 'renewed');
  return startSession(db, clock, userId, userAgent);
}

export type ConfirmEmailResult =
  | { ok: true; user: User; token: string }
  | { ok: false; error: 'no_session' | 'already_confirmed' | 'invalid' }
  | { ok: false; error: 'locked'; until: Date };

/**
 * Step two of signing up: the code from the confirmation email. Wrong codes count toward the same
 * 10-wrong-codes lockout as signing in. Success confirms the address and renews the pending session.
 */
export async function confirmEmail(
  db: Db,
  clock: Clock,
  input: { token: string | undefined; code: string; userAgent: string | null; requestId?: string | null },
): Promise<ConfirmEmailResult> {
  const pending = await pendingSignUp(db, clock, input.token);
  if (pending.status !== 'pending') return { ok: false, error: 'no_session' };
  const { user } = pending;
  if (user.emailVerifiedAt) return { ok: false, error: 'already_confirmed' };
  const check = await checkUserCode(db, clock, user, input.code, 'confirm_email', input.requestId);
  if (!check.ok) return check;

  return transaction(db, async (tx) => {
    const now = clock.now();
    const [confirmed] = await tx
      .update(users)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)))
      .returning();
    if (!confirmed) return { ok: false, error: 'already_confirmed' } as const;
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.email_confirmed',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      requestId: input.requestId,
    });
    const token = await renewPendingSession(tx, clock, input.token!, user.id, input.userAgent);
    return { ok: true, user: confirmed, token } as const;
  });
}

export type ResendResult = { ok: true } | { ok: false; error: 'no_session' | 'already_confirmed' } | { ok: false; error: 'throttled'; until: Date };

/** "Send a new code" on the confirmation page: a fresh code, the earlier ones stop working. */
export async function resendConfirmationCode(
  db: Db,
  clock: Clock,
  input: { token: string | undefined; requestId?: string | null },
): Promise<ResendResult> {
  const pending = await pendingSignUp(db, clock, input.token);
  if (pending.status !== 'pending') return { ok: false, error: 'no_session' };
  const { user } = pending;
  if (user.emailVerifiedAt) return { ok: false, error: 'already_confirmed' };
  const reservation = await reserveAttempt(db, clock, resendKey('confirm_email', user.id), RESEND_LIMIT);
  if (!reservation.ok) return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  await transaction(db, async (tx) => {
    await sendOneTimeCode(tx, clock, user, 'confirm_email', { channel: 'email', recipient: user.email });
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'code.send',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { purpose: 'confirm_email', resend: true },
      requestId: input.requestId,
    });
  });
  return { ok: true };
}

/**
 * The confirmation page shown after trying to sign up with an address that already has an account
 * looks and behaves like the real one: every code is refused with the same message, under the same
 * 10-wrong-codes lockout, counted per such attempt (`attemptId`, random, kept in the browser).
 */
export async function refuseCodeForExistingAccount(
  db: DbOrTx,
  clock: Clock,
  attemptId: string,
): Promise<{ ok: false; error: 'invalid' } | { ok: false; error: 'locked'; until: Date }> {
  const key = `code:sign-up-exists:${keyedHash('sign-up-exists', attemptId)}`;
  const reservation = await reserveAttempt(db, clock, key, CODE_LOCKOUT);
  if (!reservation.ok) return { ok: false, error: 'locked', until: reservation.blockedUntil };
  const until = await recordFailure(db, clock, key, CODE_LOCKOUT, reservation);
  return until ? { ok: false, error: 'locked', until } : { ok: false, error: 'invalid' };
}

/** "Send a new code" for an address that already has an account: the same limit, and the owner's email again (at most hourly). */
export async function resendForExistingAccount(
  db: Db,
  clock: Clock,
  input: { attemptId: string; email: string; requestId?: string | null },
): Promise<{ ok: true } | { ok: false; error: 'throttled'; until: Date }> {
  const reservation = await reserveAttempt(db, clock, resendKey('sign-up-exists', keyedHash('sign-up-exists', input.attemptId)), RESEND_LIMIT);
  if (!reservation.ok) return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  await transaction(db, (tx) => tellOwnerOfExistingAccount(tx, clock, normaliseEmail(input.email), input.requestId));
  return { ok: true };
}

/** A random id for one attempt to sign up with an address that already has an account. */
export const newAttemptId = () => randomUUID();

/**
 * The last step: the backup codes are saved, the pending session becomes a full one. The caller then
 * puts the new token in the session cookie (finishSignIn) and sends the person to their landing page.
 */
export async function finishSignUp(
  db: Db,
  clock: Clock,
  input: { token: string | undefined; requestId?: string | null },
): Promise<{ ok: true; user: User; /** the new session token */ token: string } | { ok: false; error: 'no_session' | 'not_ready' }> {
  const pending = await pendingSignUp(db, clock, input.token);
  if (pending.status !== 'pending') return { ok: false, error: 'no_session' };
  const { user } = pending;
  if (!user.emailVerifiedAt || !user.secondFactor) return { ok: false, error: 'not_ready' };
  return transaction(db, async (tx) => {
    const token = await completeSecondFactor(tx, clock, input.token!);
    if (!token) return { ok: false, error: 'no_session' } as const;
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'sign_in',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { method: user.secondFactor, via: 'sign_up' },
      requestId: input.requestId,
    });
    return { ok: true, user, token } as const;
  });
}

/**
 * The backup codes page was left before the codes were saved (another tab, a lost cookie): they are
 * never shown twice, so a new set replaces them.
 */
export async function remakeBackupCodes(db: Db, clock: Clock, user: User, requestId?: string | null): Promise<string[]> {
  return transaction(db, async (tx) => {
    const codes = await regenerateBackupCodes(tx, clock, user.id);
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'account.backup_codes_regenerate',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { via: 'sign_up' },
      requestId,
    });
    return codes;
  });
}

/**
 * Two-step sign-in (spec §2). Step one checks the password; step two the one-time code, the
 * authenticator code or a backup code. Both steps are throttled in the database:
 * - 5 wrong passwords in a row from browsers the account was never used in pause password sign-in to
 *   that address for 20 minutes in such browsers (counted per email address, so an unknown address
 *   answers exactly like a wrong password). The owner's own browsers (lib/auth/known-device.ts) count
 *   on their own, and are only slowed down (10 in a row: 5 minutes), so nobody can lock an owner out by
 *   failing on purpose; from a new browser the owner has the password reset.
 * - Every password check spends from a per-client and a portal-wide budget (lib/security/hashing-budget.ts).
 * - 10 wrong codes lock for 10 minutes, and
 * 100 wrong sign-in codes in a row (across those lockouts) stop the second step until the password
 * is reset (NIST SP 800-63B).
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { DAY, MINUTE, type Clock } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { reservePasswordCheck, type HashingBudget } from '@/lib/security/hashing-budget';
import { clearAttempts, recordFailure, releaseAttempt, reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { consumeBackupCode } from './backup-codes';
import type { KnownDevice } from './known-device';
import { consumeOneTimeCode, normaliseCode } from './one-time-codes';
import { verifyPassword, hashPassword } from './password';
import { sendSecondStepCode } from './send-codes';
import { checkSession, completeSecondFactor, startSession } from './sessions';
import { unsealTotpSecret, verifyTotp } from './totp';

/** Wrong passwords for an address from browsers it was never used in. */
export const PASSWORD_LOCKOUT: ThrottleRule = { kind: 'in_a_row', limit: 5, periodMs: 20 * MINUTE };
/** Wrong passwords in a browser known to the account: a slowdown for that browser alone. */
export const KNOWN_DEVICE_SLOWDOWN: ThrottleRule = { kind: 'in_a_row', limit: 10, periodMs: 5 * MINUTE };
export const CODE_LOCKOUT: ThrottleRule = { kind: 'in_a_row', limit: 10, periodMs: 10 * MINUTE };
/**
 * Without a cap the 10-minute lockout would allow about 1,440 guesses a day, every day. Wrong sign-in
 * codes in a row are capped at 100; the block has no useful end (only a password reset or a right
 * code before the cap clears the count), so the account then needs a password reset.
 */
export const CODE_FAILURE_CAP: ThrottleRule = { kind: 'in_a_row', limit: 100, periodMs: 100 * 365 * DAY };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
/** The lockout counter of an account's password; re-entering the password in settings counts on the same one. */
export const passwordKey = (email: string) => `password:${keyedHash('email', normaliseEmail(email))}`;
export const knownDeviceKey = (device: KnownDevice) => `password:device:${device.userId}:${device.nonce}`;
export const codeKey = (userId: number) => `code:user:${userId}`;
export const codeCapKey = (userId: number) => `code-cap:user:${userId}`;

// Verifying against a real hash when the account does not exist keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy password for timing only'));

export type PasswordStepResult =
  /** codeSentBy: how the second step's code went (a text can fall back to email); null when none was sent. */
  | { ok: true; token: string; user: User; codeSentBy: 'email' | 'sms' | null }
  | { ok: false; error: 'invalid' }
  /** 'browser': this known browser is slowed down; 'new_browsers': browsers new to the address are paused. */
  | { ok: false; error: 'locked'; until: Date; scope: 'browser' | 'new_browsers' }
  /** Too many password checks from this client, or portal-wide: nothing was checked. */
  | { ok: false; error: 'busy'; until: Date };

export interface PasswordStepInput {
  email: string;
  password: string;
  userAgent: string | null;
  requestId?: string | null;
  /** The verified entries of this browser's known-device cookie. */
  knownDevices?: readonly KnownDevice[];
  clientAddress?: string;
  budget?: HashingBudget;
}

export async function passwordStep(db: DbOrTx, clock: Clock, input: PasswordStepInput): Promise<PasswordStepResult> {
  const email = normaliseEmail(input.email);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const actor = user ? { id: user.id, role: user.role } : null;
  const audit = (outcome: 'success' | 'failure' | 'denied', action: string, detail?: Record<string, unknown>) =>
    recordAudit(db, clock, { actor, action, objectType: 'account', objectId: user?.id ?? null, outcome, detail, requestId: input.requestId });

  // Only a genuine entry for this very account makes the browser known (an unknown address has none).
  const device = (user && input.knownDevices?.find((known) => known.userId === user.id)) || null;
  const budget = await reservePasswordCheck(db, clock, { clientAddress: input.clientAddress ?? 'unknown', knownDevice: device !== null }, input.budget);
  if (!budget.ok) {
    await audit('denied', 'sign_in.password', { reason: 'busy' });
    return { ok: false, error: 'busy', until: budget.until };
  }
  const [key, rule, scope] = device
    ? ([knownDeviceKey(device), KNOWN_DEVICE_SLOWDOWN, 'browser'] as const)
    : ([passwordKey(email), PASSWORD_LOCKOUT, 'new_browsers'] as const);
  const reservation = await reserveAttempt(db, clock, key, rule);
  if (!reservation.ok) {
    await audit('denied', 'sign_in.password', { reason: 'locked', scope });
    return { ok: false, error: 'locked', until: reservation.blockedUntil, scope };
  }
  const usable = user?.passwordHash && !user.disabledAt;
  const matches = usable ? await verifyPassword(user.passwordHash!, input.password) : (await verifyPassword(await decoy(), input.password), false);
  if (!matches) {
    const lockedUntil = await recordFailure(db, clock, key, rule, reservation);
    await audit('failure', 'sign_in.password', user ? (device ? { browser: 'known' } : undefined) : { reason: 'unknown_account' });
    if (lockedUntil) {
      await audit('denied', 'account.lock', { factor: 'password', scope, until: lockedUntil.toISOString() });
      return { ok: false, error: 'locked', until: lockedUntil, scope };
    }
    return { ok: false, error: 'invalid' };
  }
  await clearAttempts(db, clock, key);
  const token = await startSession(db, clock, user!.id, input.userAgent);
  await audit('success', 'sign_in.password');
  const codeSentBy = user!.emailVerifiedAt ? await sendSecondStepCode(db, clock, user!) : null;
  return { ok: true, token, user: user!, codeSentBy };
}

export type CodeStepResult =
  | { ok: true; user: User; /** the new session token: the pending one stops working */ token: string }
  | { ok: false; error: 'invalid' | 'expired' | 'needs_reset' }
  | { ok: false; error: 'locked'; until: Date };

/**
 * Step two. `kind` 'code' checks the user's chosen method (email or text code, or authenticator);
 * 'backup' checks a backup code. Every attempt also counts on the 100-in-a-row cap, reserved first
 * so parallel guesses cannot pass it.
 */
export async function codeStep(
  db: DbOrTx,
  clock: Clock,
  input: { token: string | undefined; code: string; kind: 'code' | 'backup'; requestId?: string | null },
): Promise<CodeStepResult> {
  const session = await checkSession(db, clock, input.token);
  if (session.status !== 'pending') return { ok: false, error: 'expired' };
  const user = session.user;
  const actor = { id: user.id, role: user.role };
  const capKey = codeCapKey(user.id);
  const cap = await reserveAttempt(db, clock, capKey, CODE_FAILURE_CAP);
  if (!cap.ok) {
    await recordAudit(db, clock, { actor, action: 'code.check', objectType: 'account', objectId: user.id, outcome: 'denied', detail: { reason: 'needs_password_reset' }, requestId: input.requestId });
    return { ok: false, error: 'needs_reset' };
  }
  const result = await checkUserCode(db, clock, user, input.code, input.kind === 'backup' ? 'backup' : 'sign_in', input.requestId);
  if (!result.ok) {
    // A code refused unread (the 10-minute lockout) was no guess.
    if (result.error === 'locked' && result.unread) {
      await releaseAttempt(db, capKey);
      return { ok: false, error: 'locked', until: result.until };
    }
    if (await recordFailure(db, clock, capKey, CODE_FAILURE_CAP, cap)) {
      await recordAudit(db, clock, { actor, action: 'account.lock', objectType: 'account', objectId: user.id, outcome: 'denied', detail: { factor: 'code', until: 'password_reset' }, requestId: input.requestId });
      return { ok: false, error: 'needs_reset' };
    }
    return result.error === 'locked' ? { ok: false, error: 'locked', until: result.until } : { ok: false, error: 'invalid' };
  }
  await clearAttempts(db, clock, capKey);
  const token = await completeSecondFactor(db, clock, input.token!);
  if (!token) return { ok: false, error: 'expired' };
  await recordAudit(db, clock, {
    actor,
    action: 'sign_in',
    objectType: 'account',
    objectId: user.id,
    outcome: 'success',
    detail: { method: input.kind === 'backup' ? 'backup_code' : user.secondFactor },
    requestId: input.requestId,
  });
  return { ok: true, user, token };
}

/**
 * Checks a code a signed-in or signing-in user typed, under the 10-wrong-codes lockout.
 * 'sign_in' means the user's own second factor (email/text code or authenticator app).
 */
export async function checkUserCode(
  db: DbOrTx,
  clock: Clock,
  user: User,
  rawCode: string,
  purpose: 'sign_in' | 'backup' | 'confirm_email' | 'confirm_phone' | { totpSecret: string },
  requestId?: string | null,
): Promise<{ ok: true } | { ok: false; error: 'invalid' } | { ok: false; error: 'locked'; until: Date; /** refused without reading the code */ unread?: boolean }> {
  const key = codeKey(user.id);
  const reservation = await reserveAttempt(db, clock, key, CODE_LOCKOUT);
  const actor = { id: user.id, role: user.role };
  if (!reservation.ok) {
    await recordAudit(db, clock, { actor, action: 'code.check', objectType: 'account', objectId: user.id, outcome: 'denied', detail: { reason: 'locked' }, requestId });
    return { ok: false, error: 'locked', until: reservation.blockedUntil, unread: true };
  }
  const code = normaliseCode(rawCode);
  let valid: boolean;
  if (purpose === 'backup') valid = await consumeBackupCode(db, clock, user.id, rawCode);
  else if (typeof purpose === 'object') valid = (await verifyTotp(purpose.totpSecret, code, clock.now(), null)) != null;
  else if (purpose === 'sign_in' && user.secondFactor === 'totp') valid = await consumeTotp(db, clock, user, code);
  else valid = await consumeOneTimeCode(db, clock, user.id, purpose, code);

  if (!valid) {
    const lockedUntil = await recordFailure(db, clock, key, CODE_LOCKOUT, reservation);
    await recordAudit(db, clock, { actor, action: 'code.check', objectType: 'account', objectId: user.id, outcome: 'failure', detail: { purpose: typeof purpose === 'object' ? 'totp_setup' : purpose }, requestId });
    if (lockedUntil) {
      await recordAudit(db, clock, { actor, action: 'account.lock', objectType: 'account', objectId: user.id, outcome: 'denied', detail: { factor: 'code', until: lockedUntil.toISOString() }, requestId });
      return { ok: false, error: 'locked', until: lockedUntil };
    }
    return { ok: false, error: 'invalid' };
  }
  await clearAttempts(db, clock, key);
  return { ok: true };
}

/** A TOTP code is accepted once: the step moves forward atomically, so a replay in the same window fails. */
async function consumeTotp(db: DbOrTx, clock: Clock, user: User, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = await verifyTotp(unsealTotpSecret(user.totpSecret), code, clock.now(), user.totpLastStep);
  if (step == null) return false;
  const moved = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return moved.length === 1;
}

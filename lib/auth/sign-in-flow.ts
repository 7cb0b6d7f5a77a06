/**
 * The sign-in journey as services the forms (and the benchmark) call: step one with what follows it,
 * step two with advice that tells a stale code from a wrong one, and "send a new code" under its own
 * limit. The rules of each step (lockouts, single use) live in sign-in.ts; these only compose them.
 */
import type { DbOrTx } from '@/db/client';
import type { User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { MINUTE, type Clock } from '@/lib/clock';
import { reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { isSpentOneTimeCode, normaliseCode } from './one-time-codes';
import { textingOffered } from '@/lib/notifications/config';
import { sendOneTimeCode, sendSecondStepCode } from './send-codes';
import { checkSession } from './sessions';
import { codeStep, passwordStep, type CodeStepResult, type PasswordStepResult, type PasswordStepInput } from './sign-in';

/** "Send a new code": at most 5 in any 15 minutes per person, so the button cannot flood an inbox or a phone. */
export const RESEND_LIMIT: ThrottleRule = { kind: 'window', limit: 5, periodMs: 15 * MINUTE };
export const resendKey = (userId: number) => `resend:user:${userId}`;

/** Where the person goes after the right password: the second step, or confirming the email address first. */
export type NextStep = 'verify' | 'confirm_email';

export type BeginSignInResult = Exclude<PasswordStepResult, { ok: true }> | (Extract<PasswordStepResult, { ok: true }> & { next: NextStep });

/**
 * Step one. An account whose email address was never confirmed gets a confirmation code instead of a
 * sign-in code (passwordStep sends none to an unconfirmed address) and goes to confirm it, holding
 * the same pending session.
 */
export async function beginSignIn(
  db: DbOrTx,
  clock: Clock,
  input: PasswordStepInput,
): Promise<BeginSignInResult> {
  const result = await passwordStep(db, clock, input);
  if (!result.ok) return result;
  if (result.user.emailVerifiedAt) return { ...result, next: 'verify' };
  await sendOneTimeCode(db, clock, result.user, 'confirm_email', { channel: 'email', recipient: result.user.email });
  return { ...result, next: 'confirm_email' };
}

/** 'spent': a code this person was really sent that expired, was used or was replaced by a newer one. */
export type VerifyCodeResult = CodeStepResult | { ok: false; error: 'spent' };

/** Step two, with the wrong-code case split into "not right" and "expired or already used". */
export async function verifySignInCode(
  db: DbOrTx,
  clock: Clock,
  input: { token: string | undefined; code: string; kind: 'code' | 'backup'; requestId?: string | null },
): Promise<VerifyCodeResult> {
  // Who is signing in is known before the attempt is judged (and used up); the session may end with it.
  const pending = input.kind === 'code' ? await checkSession(db, clock, input.token, { touch: false }) : null;
  const result = await codeStep(db, clock, input);
  if (result.ok || result.error !== 'invalid' || pending?.status !== 'pending') return result;
  const user = pending.user;
  if (user.secondFactor === 'totp') return result;
  const spent = await isSpentOneTimeCode(db, clock, user.id, 'sign_in', normaliseCode(input.code));
  return spent ? { ok: false, error: 'spent' } : result;
}

export type ResendResult =
  | { ok: true; channel: 'email' | 'sms'; /** new codes still allowed in this window */ remaining: number }
  | { ok: false; error: 'expired' }
  | { ok: false; error: 'no_code_needed' }
  | { ok: false; error: 'throttled'; until: Date };

/** A fresh second-step code for a pending sign-in (the older one stops working). */
export async function resendSignInCode(
  db: DbOrTx,
  clock: Clock,
  input: { token: string | undefined; requestId?: string | null },
): Promise<ResendResult> {
  const session = await checkSession(db, clock, input.token, { touch: false });
  if (session.status !== 'pending') return { ok: false, error: 'expired' };
  const user = session.user;
  if (user.secondFactor === 'totp' || !user.emailVerifiedAt) return { ok: false, error: 'no_code_needed' };
  const actor = { id: user.id, role: user.role };
  const reservation = await reserveAttempt(db, clock, resendKey(user.id), RESEND_LIMIT);
  if (!reservation.ok) {
    await recordAudit(db, clock, { actor, action: 'code.resend', objectType: 'account', objectId: user.id, outcome: 'denied', detail: { reason: 'throttled' }, requestId: input.requestId });
    return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  }
  const channel = (await sendSecondStepCode(db, clock, user)) ?? 'email';
  await recordAudit(db, clock, { actor, action: 'code.resend', objectType: 'account', objectId: user.id, outcome: 'success', detail: { channel }, requestId: input.requestId });
  return { ok: true, channel, remaining: Math.max(0, RESEND_LIMIT.limit - reservation.count) };
}

/**
 * Where sendSecondStepCode sends: a text when the person chose texts, has a phone and texting is
 * offered; email otherwise (also, for that one code, when the text limits were reached).
 */
export function secondStepChannel(user: Pick<User, 'secondFactor' | 'phone'>): 'email' | 'sms' {
  return user.secondFactor === 'sms' && user.phone && textingOffered() ? 'sms' : 'email';
}

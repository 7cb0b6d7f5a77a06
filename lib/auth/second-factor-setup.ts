/**
 * Setting up the second step (spec §2) — at sign-up, and again whenever a person changes it in
 * settings. A method becomes the account's second step only once it has been proven:
 *  - authenticator app: a new secret is shown (QR code and text); the app's current code proves it;
 *  - text message: a code is texted to the phone; typing it back proves the phone;
 *  - email: the address was proven when it was confirmed (the caller makes sure of that).
 * Until then the candidate lives with the caller (sealed, in an httpOnly cookie: see
 * second-factor-setup-state.ts), never in clear at rest and never on the account.
 *
 * Success stores the method (the authenticator secret sealed), records it in the audit log and, by
 * default, makes the ten backup codes that are shown once.
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import { users, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { reserveAttempt } from '@/lib/security/throttle';
import { regenerateBackupCodes } from './backup-codes';
import { normaliseCode } from './one-time-codes';
import { sendOneTimeCode } from './send-codes';
import { checkUserCode } from './sign-in';
import { RESEND_LIMIT, resendKey } from './sign-up';
import type { SecondFactorChoice } from './sign-up-schema';
import { newTotpSecret, sealTotpSecret, totpUri, verifyTotp } from './totp';

/** A method chosen but not yet proven. */
export type PendingSecondFactor = { method: 'totp'; secret: string } | { method: 'sms'; phone: string } | { method: 'email' };

/**
 * Starts setting up `choice`: makes the authenticator secret, or texts a confirmation code to the
 * phone. Returns what the caller keeps (sealed) until the person proves it. A text refused by the
 * text limits or by texting being unavailable is not sent (the choice forms check `textPausedUntil`
 * first, so that is rare: a race, or a choice made at sign-up before the email was confirmed);
 * "send a new code" then says why and how long to wait.
 */
export async function beginSecondFactorSetup(
  db: DbOrTx,
  clock: Clock,
  user: User,
  choice: SecondFactorChoice,
  requestId?: string | null,
): Promise<PendingSecondFactor> {
  if (choice.method === 'totp') return { method: 'totp', secret: newTotpSecret() };
  if (choice.method === 'email') return { method: 'email' };
  await sendPhoneCode(db, clock, user, choice.phone, requestId, false);
  return { method: 'sms', phone: choice.phone };
}

/** "Send a new code" while confirming a phone: limited like every resend (5 an hour), and by the text limits. */
export async function resendPhoneCode(
  db: DbOrTx,
  clock: Clock,
  user: User,
  setup: Extract<PendingSecondFactor, { method: 'sms' }>,
  requestId?: string | null,
): Promise<{ ok: true } | { ok: false; error: 'throttled' | 'text_limit'; until: Date } | { ok: false; error: 'unavailable' }> {
  const reservation = await reserveAttempt(db, clock, resendKey('confirm_phone', user.id), RESEND_LIMIT);
  if (!reservation.ok) return { ok: false, error: 'throttled', until: reservation.blockedUntil };
  const sent = await sendPhoneCode(db, clock, user, setup.phone, requestId, true);
  if (sent.sent) return { ok: true };
  return sent.reason === 'text_limit' ? { ok: false, error: 'text_limit', until: sent.until } : { ok: false, error: 'unavailable' };
}

async function sendPhoneCode(db: DbOrTx, clock: Clock, user: User, phone: string, requestId: string | null | undefined, resend: boolean) {
  const sent = await sendOneTimeCode(db, clock, user, 'confirm_phone', { channel: 'sms', recipient: phone });
  // The number itself stays out of the log: it is personal data, and the outbox row has it.
  await recordAudit(db, clock, {
    actor: { id: user.id, role: user.role },
    action: 'code.send',
    objectType: 'account',
    objectId: user.id,
    outcome: sent.sent ? 'success' : 'denied',
    detail: sent.sent ? { purpose: 'confirm_phone', resend } : { purpose: 'confirm_phone', resend, reason: sent.reason },
    requestId,
  });
  return sent;
}

export interface TotpEnrolment {
  /** The otpauth:// address an app reads from the QR code. */
  uri: string;
  /** The QR code as an SVG data URL, for an <img> (the CSP allows data: images). */
  qrCode: string;
  /** The secret in groups of four characters, for typing into an app by hand. */
  secretGroups: string[];
}

/** What the set-up page shows for an authenticator app. */
export async function totpEnrolment(email: string, secret: string): Promise<TotpEnrolment> {
  const uri = totpUri(email, secret);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    secretGroups: groupSecret(secret),
  };
}

/** "JBSWY3DPEHPK3PXP" → ["JBSW", "Y3DP", "EHPK", "3PXP"]. */
export function groupSecret(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? [];
}

export type CompleteSetupResult =
  | { ok: true; user: User; backupCodes: string[] | null }
  | { ok: false; error: 'invalid' | 'email_unconfirmed' }
  | { ok: false; error: 'locked'; until: Date };

/**
 * Proves the pending method and makes it the account's second step. The code counts toward the
 * 10-wrong-codes lockout shared with signing in. An authenticator code accepted here cannot be used
 * again to sign in (its time step is remembered).
 */
export async function completeSecondFactorSetup(
  db: Db,
  clock: Clock,
  input: {
    user: User;
    setup: PendingSecondFactor;
    /** The code typed (authenticator or text message); ignored for email. */
    code: string;
    requestId?: string | null;
    /** Make a fresh set of backup codes (default true: at sign-up they are shown once, right after). */
    backupCodes?: boolean;
  },
): Promise<CompleteSetupResult> {
  const { user, setup } = input;
  let totpStep: number | null = null;
  if (setup.method === 'email') {
    if (!user.emailVerifiedAt) return { ok: false, error: 'email_unconfirmed' };
  } else {
    const check = await checkUserCode(db, clock, user, input.code, setup.method === 'totp' ? { totpSecret: setup.secret } : 'confirm_phone', input.requestId);
    if (!check.ok) return check;
    if (setup.method === 'totp') totpStep = await verifyTotp(setup.secret, normaliseCode(input.code), clock.now(), null);
  }

  return transaction(db, async (tx) => {
    const now = clock.now();
    const [updated] = await tx
      .update(users)
      .set({
        secondFactor: setup.method,
        totpSecret: setup.method === 'totp' ? sealTotpSecret(setup.secret) : null,
        totpLastStep: setup.method === 'totp' ? totpStep : null,
        ...(setup.method === 'sms' ? { phone: setup.phone } : {}),
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning();
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'second_factor.set',
      objectType: 'account',
      objectId: user.id,
      outcome: 'success',
      detail: { method: setup.method, previous: user.secondFactor },
      requestId: input.requestId,
    });
    const backupCodes = input.backupCodes === false ? null : await regenerateBackupCodes(tx, clock, user.id);
    return { ok: true, user: updated, backupCodes } as const;
  });
}

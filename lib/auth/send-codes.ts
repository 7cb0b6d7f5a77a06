import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import type { User } from '@/db/schema';
import type { Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { issueOneTimeCode } from './one-time-codes';

/**
 * Sends a fresh six-digit code: by email, or by text to the confirmed phone when that is the
 * user's second step. The code rests sealed in the outbox and hashed in one_time_codes.
 */
export async function sendOneTimeCode(
  db: DbOrTx,
  clock: Clock,
  user: User,
  purpose: 'sign_in' | 'confirm_email' | 'confirm_phone',
  to: { channel: 'email' | 'sms'; recipient: string },
): Promise<void> {
  const { code } = await issueOneTimeCode(db, clock, user.id, purpose);
  await enqueueNotification(db, clock, {
    channel: to.channel,
    recipient: to.recipient,
    language: user.preferredLanguage,
    template: 'one-time-code',
    payload: { purpose },
    secrets: { code },
    dedupeKey: `one-time-code:${user.id}:${purpose}:${randomUUID()}`,
  });
}

/** The second-step code for a sign-in, through the method the user chose (authenticator apps need none). */
export async function sendSecondStepCode(db: DbOrTx, clock: Clock, user: User): Promise<void> {
  if (user.secondFactor === 'sms' && user.phone) {
    await sendOneTimeCode(db, clock, user, 'sign_in', { channel: 'sms', recipient: user.phone });
  } else if (user.secondFactor !== 'totp') {
    await sendOneTimeCode(db, clock, user, 'sign_in', { channel: 'email', recipient: user.email });
  }
}

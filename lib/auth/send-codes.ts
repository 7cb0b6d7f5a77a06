import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import type { User } from '@/db/schema';
import type { Clock } from '@/lib/clock';
import { textingOffered } from '@/lib/notifications/config';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { reserveText } from '@/lib/notifications/text-limits';
import { issueOneTimeCode } from './one-time-codes';

export type SendResult = { sent: true } | { sent: false; reason: 'unavailable' } | { sent: false; reason: 'text_limit'; until: Date };

/**
 * Sends a fresh six-digit code: by email, or by text to the confirmed phone when that is the
 * user's second step. The code rests sealed in the outbox and hashed in one_time_codes. A text is
 * sent only while texting is offered and within the text limits; otherwise nothing is issued, so the
 * code the person may already have keeps working.
 */
export async function sendOneTimeCode(
  db: DbOrTx,
  clock: Clock,
  user: User,
  purpose: 'sign_in' | 'confirm_email' | 'confirm_phone',
  to: { channel: 'email' | 'sms'; recipient: string },
): Promise<SendResult> {
  if (to.channel === 'sms') {
    if (!textingOffered()) return { sent: false, reason: 'unavailable' };
    const allowance = await reserveText(db, clock, { accountId: user.id, phone: to.recipient });
    if (!allowance.ok) return 'optedOut' in allowance ? { sent: false, reason: 'unavailable' } : { sent: false, reason: 'text_limit', until: allowance.until };
  }
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
  return { sent: true };
}

/**
 * The second-step code for a sign-in, through the method the user chose (authenticator apps need
 * none). A text that cannot go (texting not offered, or the text limits reached) goes to the
 * account's confirmed email address instead: nobody is locked out of their account, and the page
 * says where the code went. Returns the channel used, or null when no code was needed.
 */
export async function sendSecondStepCode(db: DbOrTx, clock: Clock, user: User): Promise<'email' | 'sms' | null> {
  if (user.secondFactor === 'totp') return null;
  if (user.secondFactor === 'sms' && user.phone) {
    const texted = await sendOneTimeCode(db, clock, user, 'sign_in', { channel: 'sms', recipient: user.phone });
    if (texted.sent) return 'sms';
  }
  await sendOneTimeCode(db, clock, user, 'sign_in', { channel: 'email', recipient: user.email });
  return 'email';
}

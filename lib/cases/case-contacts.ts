/**
 * Who hears about a case, and how: an account by the channel its owner chose (text when they chose
 * it, gave a phone, texting is offered and the text limits allow it; email otherwise), in their language; an applicant without an account
 * through the channel of record (email for I-134A beneficiaries, a mailed letter otherwise).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Clock } from '@/lib/clock';
import { textingOffered } from '@/lib/notifications/config';
import { reserveText } from '@/lib/notifications/text-limits';
import type { Channel, Language } from '@/db/columns';
import { caseLinks, users, type Case, type User } from '@/db/schema';
import { letterRecipient } from '@/lib/access-codes/issue-access-code';

export interface Contact {
  channel: Channel;
  recipient: string;
  language: Language;
}

/**
 * A text is reserved against the text limits here, when the notice is queued; a notice past the
 * limits goes by email, so nothing the person should hear about is lost.
 */
export async function accountContact(
  db: DbOrTx,
  clock: Clock,
  user: Pick<User, 'id' | 'email' | 'phone' | 'notificationChannel' | 'preferredLanguage'>,
): Promise<Contact> {
  if (user.notificationChannel === 'sms' && user.phone && textingOffered()) {
    const allowance = await reserveText(db, clock, { accountId: user.id, phone: user.phone });
    if (allowance.ok) return { channel: 'sms', recipient: user.phone, language: user.preferredLanguage };
  }
  return { channel: 'email', recipient: user.email, language: user.preferredLanguage };
}

/** The account linked to the case as its applicant, if any. */
export async function applicantAccount(db: DbOrTx, caseId: number): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(caseLinks)
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .where(and(eq(caseLinks.caseId, caseId), eq(caseLinks.role, 'applicant'), isNull(caseLinks.endedAt)))
    .limit(1);
  return row?.user ?? null;
}

/**
 * How to reach the applicant of a case: their account when one is linked; else the email of record;
 * else, when `letter` is allowed, a letter to the address on the case; else nobody (null).
 */
export async function applicantContact(db: DbOrTx, clock: Clock, theCase: Case, { letter }: { letter: boolean }): Promise<Contact | null> {
  const account = await applicantAccount(db, theCase.id);
  if (account) return accountContact(db, clock, account);
  if (theCase.applicantEmail) return { channel: 'email', recipient: theCase.applicantEmail, language: 'en' };
  if (!letter) return null;
  const name = `${theCase.applicantGivenName} ${theCase.applicantFamilyName}`.trim();
  return { channel: 'letter', recipient: letterRecipient([name], theCase.mailingAddress), language: 'en' };
}

/** Test helpers: cases as the case system would have created them, and accounts linked to them. */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseLinks, cases, notifications, users, type Case, type User } from '@/db/schema';
import type { Clock } from '@/lib/clock';

/** A receipt number nobody else in the test store has. */
export function freshReceiptNumber(prefix = 'MSC'): string {
  return `${prefix}${String(randomInt(10 ** 9, 10 ** 10 - 1))}`;
}

export async function addTestCase(db: DbOrTx, clock: Clock, overrides: Partial<typeof cases.$inferInsert> = {}): Promise<Case> {
  const [row] = await db
    .insert(cases)
    .values({
      receiptNumber: freshReceiptNumber(),
      formType: 'I-485',
      classification: 'Family-based',
      receiptDate: '2026-02-20',
      applicantGivenName: 'Marisol',
      applicantFamilyName: 'Quintero',
      applicantDateOfBirth: '1990-07-14',
      mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' },
      representativeOfRecord: true,
      latestStatus: 'case_was_received',
      latestStatusAt: clock.now(),
      createdAt: clock.now(),
      updatedAt: clock.now(),
      ...overrides,
    })
    .returning();
  return row;
}

export async function linkTestCase(db: DbOrTx, clock: Clock, theCase: Case, user: User, role: 'applicant' | 'representative' = 'applicant') {
  const [link] = await db.insert(caseLinks).values({ caseId: theCase.id, userId: user.id, role, linkedAt: clock.now() }).returning();
  return link;
}

export async function renameUser(db: DbOrTx, user: User, givenName: string, familyName: string): Promise<User> {
  const [row] = await db.update(users).set({ givenName, familyName }).where(eq(users.id, user.id)).returning();
  return row;
}

/** The messages queued for a recipient with a template, oldest first. */
export async function messagesTo(db: DbOrTx, recipient: string, template: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, recipient), eq(notifications.template, template)))
    .orderBy(notifications.id);
}

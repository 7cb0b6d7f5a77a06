/** Test helpers: cases as the case system would have created them, and accounts linked to them. */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { fieldOffices, appointments, ascs, caseLinks, cases, caseStatusEvents, notifications, representativeProfiles, users, type Case, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
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

/** A representative account with its profile (organisation, attorney). */
export async function addTestRepresentative(
  db: DbOrTx,
  clock: Clock,
  { givenName = 'Rita', familyName = 'Ramos', organisation = 'Desert Legal Aid' }: { givenName?: string; familyName?: string; organisation?: string } = {},
): Promise<User> {
  const user = await renameUser(db, await createTestUser(db, clock, { role: 'representative' }), givenName, familyName);
  await db.insert(representativeProfiles).values({ userId: user.id, kind: 'attorney', barNumber: '123', licensingState: 'AZ', organisation, sector: 'nonprofit' });
  return user;
}

/** A field office, where in-person appointments are held. */
export async function addTestFieldOffice(db: DbOrTx, name = 'Phoenix Field Office') {
  const [row] = await db
    .insert(fieldOffices)
    .values({
      code: `FO${Math.random().toString(36).slice(2, 10)}`,
      name,
      street: '2035 N Central Ave',
      city: 'Phoenix',
      state: 'AZ',
      zip: '85004',
      timeZone: 'America/Phoenix',
      latitude: 33.47,
      longitude: -112.07,
    })
    .returning();
  return row;
}

/** An Application Support Center, where biometrics are taken. */
export async function addTestAsc(db: DbOrTx, overrides: Partial<typeof ascs.$inferInsert> = {}) {
  const [row] = await db
    .insert(ascs)
    .values({
      code: `ASC${randomInt(10 ** 6, 10 ** 7 - 1)}`,
      name: 'Phoenix ASC',
      street: '1330 S 16th St',
      city: 'Phoenix',
      state: 'AZ',
      zip: '85034',
      timeZone: 'America/Phoenix',
      latitude: 33.43,
      longitude: -112.05,
      ...overrides,
    })
    .returning();
  return row;
}

/** An appointment booked for a case (one hour long unless `endsAt` is given). */
export async function addTestAppointment(
  db: DbOrTx,
  clock: Clock,
  values: { caseId: number; startsAt: Date } & Partial<typeof appointments.$inferInsert>,
) {
  const [row] = await db
    .insert(appointments)
    .values({ kind: 'biometrics', endsAt: new Date(values.startsAt.getTime() + 3_600_000), createdAt: clock.now(), ...values })
    .returning();
  return row;
}

/** A status event from the case system, without touching the case's latest status. */
export async function addTestStatusEvent(db: DbOrTx, clock: Clock, theCase: Case, status: string, occurredAt: Date) {
  const [row] = await db
    .insert(caseStatusEvents)
    .values({ caseId: theCase.id, eventKey: `${status}:${occurredAt.getTime()}:${randomInt(10 ** 6)}`, status, occurredAt, createdAt: clock.now() })
    .returning();
  return row;
}

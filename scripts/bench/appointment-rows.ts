/**
 * Setups of the appointment-request rows: the officers' queue with 10,000 open requests (the first
 * page, filtered by one reason), and a requester's "Your appointments" with a dozen requests. The
 * requests are written straight into the store the server uses, shaped as the portal makes them
 * (reference numbers, due times, the open-request key); the people sign in through the pages.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { requestDueAt } from '../../lib/appointment-requests/due-time';
import { isUrgentReason, REQUEST_REASONS } from '../../lib/appointment-requests/reasons';
import { generateRequestReference } from '../../lib/appointment-requests/reference';
import { hashPassword } from '../../lib/auth/password';
import { cookieHeader } from './cookies';
import { BENCH_PASSWORD, createAccountWithLinkedCases } from './linked-cases';
import type { RowContext, RowRequest } from './rows';
import { signInThroughPages } from './sign-in-scenario';
import { storeAt, tablesOf, writeTransaction } from './store-handles';

const QUEUE_REQUESTS = 10_000;
const DAY_MS = 86_400_000;

/** `count` open requests by `requesterIds` in turn, submitted over the last 40 days, at the seeded offices. */
async function addOpenRequests(storeUrl: string, requesterIds: number[], count: number, caseIds: (number | null)[] = [null]): Promise<string[]> {
  const store = storeAt(storeUrl);
  const { appointmentRequests, fieldOffices } = tablesOf(store);
  const offices = await store.db.select({ id: fieldOffices.id, timeZone: fieldOffices.timeZone }).from(fieldOffices).orderBy(asc(fieldOffices.id));
  const now = Date.now();
  const references: string[] = [];
  const rows = Array.from({ length: count }, (_, index) => {
    const reason = REQUEST_REASONS[index % REQUEST_REASONS.length];
    const office = offices[index % offices.length];
    const createdAt = new Date(now - ((index * 7919) % (40 * DAY_MS)));
    const urgent = isUrgentReason(reason);
    const reference = generateRequestReference();
    references.push(reference);
    return {
      reference,
      requesterId: requesterIds[index % requesterIds.length],
      caseId: caseIds[index % caseIds.length],
      reason,
      otherReason: reason === 'other' ? 'deferred_action' : null,
      aNumber: null,
      fieldOfficeId: office.id,
      preferredDates: [{ date: new Date(now + 10 * DAY_MS).toISOString().slice(0, 10), period: 'morning' as const }],
      explanation: reason === 'emergency_advance_parole' || reason === 'other' ? 'My mother is in hospital and I must travel next week.' : null,
      travelDate: urgent ? new Date(now + 5 * DAY_MS).toISOString().slice(0, 10) : null,
      destination: urgent ? 'Guadalajara, Mexico' : null,
      contactPreference: 'email' as const,
      contactPhone: null,
      accommodations: null,
      status: 'submitted' as const,
      // Open requests keep their key; a bench requester may have many, so each key is its own.
      openKey: `bench:${reference}`,
      urgent,
      dueAt: requestDueAt(createdAt, urgent, office.timeZone),
      createdAt,
      updatedAt: createdAt,
    };
  });
  await writeTransaction(store, async (tx) => {
    for (let start = 0; start < rows.length; start += 500) await tx.insert(appointmentRequests).values(rows.slice(start, start + 500));
  });
  return references;
}

/** A staff account that signs in with emailed codes, like the demo officer. */
export async function createOfficer(storeUrl: string): Promise<{ email: string }> {
  const store = storeAt(storeUrl);
  const { users } = tablesOf(store);
  const email = `bench-officer-${randomBytes(5).toString('hex')}@example.com`;
  const now = new Date();
  await store.db.insert(users).values({
    email,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(BENCH_PASSWORD),
    role: 'officer',
    givenName: 'Bench',
    familyName: 'Officer',
    preferredLanguage: 'en',
    notificationChannel: 'email',
    secondFactor: 'email',
    createdAt: now,
    updatedAt: now,
  });
  return { email };
}

export async function firstAnswer(context: RowContext, path: string, cookies: Record<string, string>, expected: string[]): Promise<string> {
  const response = await context.fetch(path, { headers: { cookie: cookieHeader(cookies) } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`);
  const shown = expected.find((reference) => html.includes(reference));
  if (!shown) throw new Error(`${path} answered 200 but shows none of the requests made for it`);
  return shown;
}

/** GET /officer/appointment-requests?reason=adit_stamp with 10,000 open requests in the store. */
export async function officerQueue(context: RowContext): Promise<RowRequest> {
  const requesters = await Promise.all([1, 2, 3].map(() => createAccountWithLinkedCases(context.storeUrl, { role: 'applicant', cases: 1, clients: 1 })));
  const references = await addOpenRequests(
    context.storeUrl,
    requesters.map((made) => made.userId),
    QUEUE_REQUESTS,
  );
  const officer = await createOfficer(context.storeUrl);
  const cookies = await signInThroughPages(context, officer.email, BENCH_PASSWORD);
  const path = '/officer/appointment-requests?reason=adit_stamp';
  // The oldest ADIT stamp requests come first: any of the made ones will do as the check.
  const expect = await firstAnswer(context, path, cookies, references);
  return { cookies, path, expect };
}

/** GET /appointments for an applicant with 20 linked cases and 12 requests. */
export async function requesterAppointments(context: RowContext): Promise<RowRequest> {
  const made = await createAccountWithLinkedCases(context.storeUrl, { role: 'applicant', cases: 20, clients: 1 });
  const store = storeAt(context.storeUrl);
  const { cases } = tablesOf(store);
  const [theCase] = await store.db.select({ id: cases.id }).from(cases).where(eq(cases.receiptNumber, made.receiptNumbers[0]));
  const references = await addOpenRequests(context.storeUrl, [made.userId], 12, [theCase.id, null]);
  const cookies = await signInThroughPages(context, made.email, made.password);
  const expect = await firstAnswer(context, '/appointments', cookies, references);
  return { cookies, path: '/appointments', expect };
}

/**
 * GET /cases/{receipt}/biometrics/time: the time picker of an applicant rescheduling, a good cause
 * given and the Phoenix centre chosen (the draft the earlier pages would have left), a week of times.
 */
export async function rescheduleTimePicker(context: RowContext): Promise<RowRequest> {
  const made = await createAccountWithLinkedCases(context.storeUrl, { role: 'applicant', cases: 1, clients: 1 });
  const store = storeAt(context.storeUrl);
  const { cases, ascs, biometricSlots, appointments, formDrafts } = tablesOf(store);
  const receiptNumber = made.receiptNumbers[0];
  const [theCase] = await store.db
    .update(cases)
    .set({ formType: 'I-485', state: 'pending', biometricsRequired: true })
    .where(eq(cases.receiptNumber, receiptNumber))
    .returning();
  const [centre] = await store.db.select().from(ascs).where(eq(ascs.code, 'PHX'));
  const from = new Date(Date.now() + 10 * DAY_MS);
  const [seat] = await store.db
    .select()
    .from(biometricSlots)
    .where(and(eq(biometricSlots.ascId, centre.id), gt(biometricSlots.startsAt, from), lt(biometricSlots.booked, biometricSlots.capacity)))
    .orderBy(asc(biometricSlots.startsAt))
    .limit(1);
  await writeTransaction(store, async (tx) => {
    await tx.update(biometricSlots).set({ booked: seat.booked + 1 }).where(eq(biometricSlots.id, seat.id));
    await tx.insert(appointments).values({ kind: 'biometrics', caseId: theCase.id, ascId: centre.id, slotId: seat.id, startsAt: seat.startsAt, endsAt: seat.endsAt, status: 'scheduled', createdAt: new Date() });
    await tx.insert(formDrafts).values({ key: `biometrics-reschedule:${made.userId}`, userId: made.userId, data: { receiptNumber, goodCause: 'illness', ascId: centre.id }, updatedAt: new Date() });
  });
  const cookies = await signInThroughPages(context, made.email, made.password);
  const path = `/cases/${receiptNumber}/biometrics/time`;
  const response = await context.fetch(path, { headers: { cookie: cookieHeader(cookies) } });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('name="slotId"')) throw new Error(`${path} answered ${response.status} without the times to choose from`);
  return { cookies, path, expect: 'name="slotId"' };
}

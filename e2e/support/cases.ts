/**
 * Cases for journeys, in the store the journey server uses: the demo's cases still waiting to be
 * linked (their Account Access Notices were queued when the demo data was made), and fresh cases a
 * journey makes for itself so no other journey touches them. Codes are read the way the person
 * reads them: from the notice the portal sent (the outbox row, sealed as the portal keeps it).
 */
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { accessCodes, caseLinks, cases, caseStatusEvents, fieldOffices, notifications, representativeProfiles, type Case, type User } from '@/db/schema';
import { formatAccessCode, generateAccessCode, hashAccessCode } from '@/lib/access-codes/access-code';
import { unseal } from '@/lib/crypto/secrets';
import { OUTBOX_SEAL_PURPOSE } from '@/lib/notifications/enqueue';
import { e2eStore } from './accounts';

/** A demo case whose notice with an unused code of `audience` is in the outbox. */
export async function waitingCase(options: { formType: string; audience: 'applicant' | 'representative'; expired?: boolean }): Promise<Case> {
  const { db } = e2eStore();
  const now = new Date();
  const [row] = await db
    .select({ theCase: cases })
    .from(cases)
    .innerJoin(accessCodes, eq(accessCodes.caseId, cases.id))
    .where(
      and(
        eq(cases.formType, options.formType),
        eq(cases.state, 'pending'),
        eq(accessCodes.audience, options.audience),
        isNull(accessCodes.usedAt),
        isNull(accessCodes.revokedAt),
        options.expired ? lte(accessCodes.expiresAt, now) : gt(accessCodes.expiresAt, now),
      ),
    )
    .limit(1);
  if (!row) throw new Error(`no ${options.formType} case waiting with an unused ${options.audience} code in the demo data`);
  return row.theCase;
}

/** The online access code printed on the newest Account Access Notice for this case and audience. */
export async function codeOnNotice(receiptNumber: string, audience: 'applicant' | 'representative', after?: Date): Promise<string> {
  const { db } = e2eStore();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.template, 'account-access-notice'), after ? gt(notifications.createdAt, new Date(after.getTime() - 1)) : sql`1 = 1`))
    .orderBy(desc(notifications.id));
  const notice = rows.find((r) => r.payload.receiptNumber === receiptNumber && r.payload.audience === audience);
  if (!notice) throw new Error(`no Account Access Notice for ${receiptNumber} (${audience})`);
  return (JSON.parse(unseal(String(notice.payload.sealedSecrets), OUTBOX_SEAL_PURPOSE)) as { code: string }).code;
}

/** A new case of the journey's own, received a month ago, with its history, and a live applicant code (returned in clear). */
export async function freshCase(overrides: Partial<typeof cases.$inferInsert> = {}): Promise<{ theCase: Case; code: string }> {
  const { db } = e2eStore();
  const now = new Date();
  const received = new Date(now.getTime() - 30 * 86_400_000);
  const [office] = await db.select({ id: fieldOffices.id }).from(fieldOffices).limit(1);
  const receiptNumber = `EAC${String(randomInt(10 ** 9, 10 ** 10 - 1))}`;
  const [theCase] = await db
    .insert(cases)
    .values({
      receiptNumber,
      formType: 'I-765',
      classification: 'Based on a pending asylum application',
      receiptDate: received.toISOString().slice(0, 10),
      fieldOfficeId: office?.id ?? null,
      applicantGivenName: 'Valeria',
      applicantFamilyName: `Montoya ${receiptNumber.slice(-4)}`,
      applicantDateOfBirth: '1992-05-17',
      mailingAddress: { street: '77 Hudson St', city: 'Newark', state: 'NJ', zip: '07102' },
      representativeOfRecord: true,
      latestStatus: 'case_is_being_actively_reviewed',
      latestStatusAt: new Date(now.getTime() - 5 * 86_400_000),
      createdAt: received,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  await db.insert(caseStatusEvents).values([
    { caseId: theCase.id, eventKey: 'received', status: 'case_was_received', occurredAt: received, createdAt: received },
    {
      caseId: theCase.id,
      eventKey: 'review',
      status: 'case_is_being_actively_reviewed',
      occurredAt: theCase.latestStatusAt!,
      createdAt: theCase.latestStatusAt!,
    },
  ]);
  const code = generateAccessCode();
  await db.insert(accessCodes).values({
    caseId: theCase.id,
    audience: 'applicant',
    codeHash: hashAccessCode(code),
    issuedAt: received,
    expiresAt: new Date(received.getTime() + 90 * 86_400_000),
  });
  return { theCase, code: formatAccessCode(code) };
}

/** Links the case to the account directly, as if it had been linked earlier. Returns the link's id. */
export async function linkDirectly(theCase: Case, user: User, role: 'applicant' | 'representative'): Promise<number> {
  const [link] = await e2eStore().db.insert(caseLinks).values({ caseId: theCase.id, userId: user.id, role, linkedAt: new Date() }).returning();
  return link.id;
}

export async function addRepresentativeProfile(user: User, organisation = 'Garden State Immigrant Justice'): Promise<void> {
  await e2eStore().db.insert(representativeProfiles).values({
    userId: user.id,
    kind: 'accredited_representative',
    accreditationNumber: `AR${randomInt(100_000, 999_999)}`,
    organisation,
    sector: 'nonprofit',
  });
}

export async function activeLinks(theCase: Case) {
  return e2eStore().db.select().from(caseLinks).where(and(eq(caseLinks.caseId, theCase.id), isNull(caseLinks.endedAt)));
}

/** Many cases for one representative's clients: `clients` people, each with one case of `forms[i % forms.length]`. */
export async function clientCases(representative: User, clients: { givenName: string; familyName: string }[], forms: string[]): Promise<Case[]> {
  const made: Case[] = [];
  for (const [i, client] of clients.entries()) {
    const { theCase } = await freshCase({
      applicantGivenName: client.givenName,
      applicantFamilyName: client.familyName,
      formType: forms[i % forms.length],
      classification: null,
      latestStatus: i % 3 === 0 ? 'request_for_evidence_was_sent' : 'case_is_being_actively_reviewed',
    });
    await linkDirectly(theCase, representative, 'representative');
    made.push(theCase);
  }
  return made;
}

/**
 * The API sandbox (spec §9): sandbox credentials work on a data set of their own, in a store of its
 * own (db/client.ts, getSandboxDb), through the very same operations and domain services as real
 * credentials. Nothing in it is real: no page, officer or worker reads that store, and nothing
 * queued there is ever sent.
 *
 * Each sandbox client has its own copy of the data set, so one vendor's tests never disturb
 * another's: the client's sandbox number (its row number, six digits) is part of every receipt
 * number, `IOE9` + sandbox number + scenario number (three digits), and each scenario's access code
 * is derived from the client and the scenario. GET /api/v1/sandbox/scenarios lists them with what
 * each should produce; POST /api/v1/sandbox/reset puts the data set back as it was.
 *
 * Acting in the sandbox, the client's representative is a stand-in account of the sandbox store
 * with the same name. The reset also removes the appointment requests, callbacks and uploads it made;
 * other operations that create records must be added to it when they reach the sandbox.
 */
import { createHmac } from 'node:crypto';
import { and, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db, type Tx } from '@/db/client';
import type { CaseState } from '@/db/columns';
import { ASCS, FIELD_OFFICES, placeRow } from '@/db/seed/places';
import { accessCodes, apiClients, evidenceUploads, appointmentRequestEvents, appointmentRequests, appointments, ascs, biometricSlots, callbackEvents, callbacks, caseLinks, cases, caseStatusEvents, fieldOffices, representativeProfiles, throttles, users, type ApiClient, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH, formatAccessCode, hashAccessCode } from '@/lib/access-codes/access-code';
import { linkAccountKey, linkReceiptKey } from '@/lib/access-codes/link-case';
import { addDays } from '@/lib/calendar/iso-date';
import { CASE_STATUS_KEYS, CASE_STATUS_OUTCOMES, caseStatusTitle, type CaseStatusKey } from '@/lib/cases/status-catalogue';
import { DAY, HOUR, MINUTE, type Clock } from '@/lib/clock';
import { appSecret } from '@/lib/crypto/app-secret';
import { agencyToday } from '@/lib/progress/today';

export type LinkExpectation = 'linked' | 'code-expired' | 'code-used' | 'code-replaced' | 'already-linked' | 'invalid-code';

interface LinkScenario {
  number: number;
  name: string;
  description: string;
  linkResult: LinkExpectation;
  /** How the case's code is set up ('none': the code given out is not the case's). */
  code: 'representative' | 'applicant' | 'expired' | 'used' | 'replaced' | 'none';
  linkedAtStart: boolean;
}

/** Linking scenarios: 101 to 107. Sent to POST /api/v1/case-links with the code listed. */
export const LINK_SCENARIOS: readonly LinkScenario[] = [
  { number: 101, name: 'link-with-representative-code', description: 'A client case with a valid representative access code.', linkResult: 'linked', code: 'representative', linkedAtStart: false },
  { number: 102, name: 'link-with-applicant-code', description: 'A client case linked with the applicant’s own code: it links, and the applicant is told which representative used it.', linkResult: 'linked', code: 'applicant', linkedAtStart: false },
  { number: 103, name: 'code-expired', description: 'The access code was issued more than 90 days ago.', linkResult: 'code-expired', code: 'expired', linkedAtStart: false },
  { number: 104, name: 'code-used', description: 'The access code was already used to link the case.', linkResult: 'code-used', code: 'used', linkedAtStart: false },
  { number: 105, name: 'code-replaced', description: 'A newer access code replaced this one.', linkResult: 'code-replaced', code: 'replaced', linkedAtStart: false },
  { number: 106, name: 'already-linked', description: 'The case is already linked to your account.', linkResult: 'already-linked', code: 'representative', linkedAtStart: true },
  { number: 107, name: 'wrong-code', description: 'The code does not belong to the receipt number (counts towards the limit of 10 wrong codes an hour).', linkResult: 'invalid-code', code: 'none', linkedAtStart: false },
];

/** Reading scenarios: 201 onwards, one linked case in each status of the catalogue, in its order. */
export const STATUS_SCENARIO_START = 201;

interface BiometricsScenario {
  number: number;
  name: string;
  description: string;
  /** When the appointment starts, from the data set's making (or reset). */
  startsInHours: number;
  rescheduleCount: number;
  canReschedule: boolean;
}

/** Biometrics scenarios: 301 to 303, linked pending cases with an appointment at the Phoenix centre. */
export const BIOMETRICS_SCENARIOS: readonly BiometricsScenario[] = [
  { number: 301, name: 'biometrics-reschedulable', description: 'A biometrics appointment in 10 days that may be rescheduled online (open times at PHX).', startsInHours: 240, rescheduleCount: 0, canReschedule: true },
  { number: 302, name: 'biometrics-too-late', description: 'A biometrics appointment in 6 hours: too late to reschedule online.', startsInHours: 6, rescheduleCount: 0, canReschedule: false },
  { number: 303, name: 'biometrics-twice-rescheduled', description: 'A biometrics appointment already rescheduled twice.', startsInHours: 240, rescheduleCount: 2, canReschedule: false },
];

/** The centre of the biometrics scenarios, where the sandbox keeps open times for the next 30 days. */
export const SANDBOX_ASC = 'PHX';

export const sandboxScenarioSchema = z.object({
  receiptNumber: z.string(),
  scenario: z.string(),
  description: z.string(),
  /** For linking scenarios: the code to send, and the result it produces. */
  accessCode: z.string().optional(),
  linkResult: z.string().optional(),
  /** For reading scenarios: the case's latest status and state. */
  latestStatus: z.string().optional(),
  state: z.string().optional(),
  /** For biometrics scenarios: whether the appointment may be rescheduled online. */
  canReschedule: z.boolean().optional(),
}).meta({ id: 'SandboxScenario', description: 'A test receipt number and what it produces.' });

export const sandboxScenariosSchema = z.object({
  sandboxNumber: z.string(),
  scenarios: z.array(sandboxScenarioSchema),
}).meta({ id: 'SandboxScenarios', description: 'This sandbox client’s test data set.' });

export type SandboxScenarios = z.output<typeof sandboxScenariosSchema>;

export const sandboxNumberOf = (client: Pick<ApiClient, 'id'>) => String(client.id % 1_000_000).padStart(6, '0');
export const sandboxReceipt = (client: Pick<ApiClient, 'id'>, scenario: number) => `IOE9${sandboxNumberOf(client)}${String(scenario).padStart(3, '0')}`;
const standInEmail = (client: Pick<ApiClient, 'clientId'>) => `${client.clientId.toLowerCase()}@sandbox.invalid`;

/** The scenario's access code, the same every time for this client (derived, never stored in clear). */
export function sandboxAccessCode(client: Pick<ApiClient, 'clientId'>, scenario: number, variant = ''): string {
  const digest = createHmac('sha256', appSecret()).update(`sandbox-code:${client.clientId}:${scenario}:${variant}`).digest();
  return Array.from({ length: ACCESS_CODE_LENGTH }, (_, i) => ACCESS_CODE_ALPHABET[digest[i] % ACCESS_CODE_ALPHABET.length]).join('');
}

const statusScenarios = () =>
  CASE_STATUS_KEYS.map((status, index) => ({ number: STATUS_SCENARIO_START + index, status, state: (CASE_STATUS_OUTCOMES[status] ?? 'pending') as CaseState }));

export function sandboxScenarios(client: Pick<ApiClient, 'id' | 'clientId'>): SandboxScenarios {
  return {
    sandboxNumber: sandboxNumberOf(client),
    scenarios: [
      ...LINK_SCENARIOS.map((s) => ({
        receiptNumber: sandboxReceipt(client, s.number),
        scenario: s.name,
        description: s.description,
        accessCode: formatAccessCode(sandboxAccessCode(client, s.number)),
        linkResult: s.linkResult,
      })),
      ...statusScenarios().map((s) => ({
        receiptNumber: sandboxReceipt(client, s.number),
        scenario: `status-${s.status.replace(/_/g, '-')}`,
        description: `A linked client case whose latest status is “${caseStatusTitle(s.status)}”.`,
        latestStatus: s.status,
        state: s.state,
      })),
      ...BIOMETRICS_SCENARIOS.map((s) => ({ receiptNumber: sandboxReceipt(client, s.number), scenario: s.name, description: s.description, canReschedule: s.canReschedule })),
    ],
  };
}

/** The stand-in representative of this client in the sandbox store, with its data set made on first use. */
export async function sandboxRepresentative(sandboxDb: Db, clock: Clock, client: ApiClient, owner: User): Promise<User> {
  const [found] = await sandboxDb.select().from(users).where(eq(users.email, standInEmail(client)));
  if (found) return found;
  return transaction(sandboxDb, async (tx) => {
    const now = clock.now();
    const [made] = await tx
      .insert(users)
      .values({ email: standInEmail(client), emailVerifiedAt: now, role: 'representative', givenName: owner.givenName, familyName: owner.familyName, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!made) {
      const [other] = await tx.select().from(users).where(eq(users.email, standInEmail(client)));
      return other;
    }
    await tx.insert(representativeProfiles).values({ userId: made.id, kind: 'attorney', barNumber: 'SANDBOX', licensingState: 'DC', organisation: 'Sandbox', sector: 'private' });
    await mirrorClient(tx, client, made);
    await writeDataSet(tx, clock, client, made);
    return made;
  });
}

/**
 * The client's row in the sandbox store too (same id, owned by the stand-in, no secret that could
 * ever match), so what the sandbox keeps per client (uploads) refers to it as in the portal's store.
 */
async function mirrorClient(tx: Tx, client: ApiClient, standIn: User): Promise<void> {
  await tx
    .insert(apiClients)
    .values({ id: client.id, clientId: client.clientId, userId: standIn.id, name: client.name, environment: 'sandbox', secretHash: 'sandbox-mirror: never a secret', createdAt: client.createdAt })
    .onConflictDoNothing();
}

/** Puts the client's data set back as it was at the start: links, codes, statuses and throttles. */
export async function resetSandbox(sandboxDb: Db, clock: Clock, client: ApiClient, owner: User): Promise<{ removedFiles: string[] }> {
  const representative = await sandboxRepresentative(sandboxDb, clock, client, owner);
  const removedFiles: string[] = [];
  await transaction(sandboxDb, async (tx) => {
    const receiptPattern = `IOE9${sandboxNumberOf(client)}%`;
    const own = await tx.select({ id: cases.id, receiptNumber: cases.receiptNumber }).from(cases).where(like(cases.receiptNumber, receiptPattern));
    const ids = own.map((c) => c.id);
    const requests = await tx.select({ id: appointmentRequests.id }).from(appointmentRequests).where(eq(appointmentRequests.requesterId, representative.id));
    if (requests.length > 0) {
      const requestIds = requests.map((r) => r.id);
      await tx.delete(appointments).where(inArray(appointments.requestId, requestIds));
      await tx.delete(appointmentRequestEvents).where(inArray(appointmentRequestEvents.requestId, requestIds));
      await tx.delete(appointmentRequests).where(inArray(appointmentRequests.id, requestIds));
    }
    const ownCallbacks = await tx.select({ id: callbacks.id }).from(callbacks).where(eq(callbacks.userId, representative.id));
    if (ownCallbacks.length > 0) {
      await tx.delete(callbackEvents).where(inArray(callbackEvents.callbackId, ownCallbacks.map((c) => c.id)));
      await tx.delete(callbacks).where(eq(callbacks.userId, representative.id));
    }
    if (ids.length > 0) {
      const uploads = await tx.delete(evidenceUploads).where(inArray(evidenceUploads.caseId, ids)).returning({ storageKey: evidenceUploads.storageKey });
      removedFiles.push(...uploads.map((u) => u.storageKey));
      // Seats the client's reschedules took go back to the open times.
      const seats = await tx.select({ slotId: appointments.slotId }).from(appointments).where(inArray(appointments.caseId, ids));
      for (const { slotId } of seats) if (slotId !== null) await tx.update(biometricSlots).set({ booked: sql`${biometricSlots.booked} - 1` }).where(and(eq(biometricSlots.id, slotId), gt(biometricSlots.booked, 0)));
      await tx.delete(appointments).where(inArray(appointments.caseId, ids));
      await tx.delete(caseLinks).where(or(inArray(caseLinks.caseId, ids), eq(caseLinks.userId, representative.id)));
      await tx.delete(accessCodes).where(inArray(accessCodes.caseId, ids));
      await tx.delete(caseStatusEvents).where(inArray(caseStatusEvents.caseId, ids));
      await tx.delete(cases).where(inArray(cases.id, ids));
    }
    await tx.delete(throttles).where(or(eq(throttles.key, linkAccountKey(representative.id)), inArray(throttles.key, own.map((c) => linkReceiptKey(c.receiptNumber)).concat(['-']))));
    await mirrorClient(tx, client, representative);
    await writeDataSet(tx, clock, client, representative);
    // The sandbox's own audit log keeps what happened before the reset, like any audit log.
    await recordAudit(tx, clock, { actor: { id: representative.id, role: representative.role }, action: 'sandbox.reset', objectType: 'api_client', objectId: client.clientId, outcome: 'success' });
  });
  return { removedFiles };
}

/**
 * The agency's field offices and centres, as in the portal, so sandbox requests name real places;
 * and open times at the sandbox's centre, every half hour from 9 to 4 (UTC) for the next 30 days,
 * with room for every vendor.
 */
async function ensurePlaces(tx: Tx, clock: Clock): Promise<number> {
  const [anyOffice] = await tx.select({ id: fieldOffices.id }).from(fieldOffices).limit(1);
  if (!anyOffice) await tx.insert(fieldOffices).values(FIELD_OFFICES.map(placeRow)).onConflictDoNothing();
  const [anyAsc] = await tx.select({ id: ascs.id }).from(ascs).limit(1);
  if (!anyAsc) await tx.insert(ascs).values(ASCS.map(placeRow)).onConflictDoNothing();
  const [centre] = await tx.select({ id: ascs.id }).from(ascs).where(eq(ascs.code, SANDBOX_ASC));
  const firstDay = Math.floor(clock.now().getTime() / DAY) * DAY + 2 * DAY;
  const times = Array.from({ length: 30 }, (_, day) => Array.from({ length: 14 }, (_, half) => new Date(firstDay + day * DAY + 16 * HOUR + half * 30 * MINUTE))).flat();
  await tx
    .insert(biometricSlots)
    .values(times.map((startsAt) => ({ ascId: centre.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE), capacity: 100_000, booked: 0 })))
    .onConflictDoNothing();
  return centre.id;
}

async function writeDataSet(tx: Tx, clock: Clock, client: ApiClient, representative: User): Promise<void> {
  const ascId = await ensurePlaces(tx, clock);
  const now = clock.now();
  const today = agencyToday(clock);
  const person = (n: number) => ({
    applicantGivenName: ['Ana', 'Beto', 'Carla', 'Diego', 'Elena', 'Farid', 'Gloria'][n % 7],
    applicantFamilyName: 'Sandbox',
    applicantDateOfBirth: '1988-04-12',
    mailingAddress: { street: '1 Test Street', city: 'Washington', state: 'DC', zip: '20001' },
  });
  const caseRow = (number: number, status: CaseStatusKey, state: CaseState) => ({
    receiptNumber: sandboxReceipt(client, number),
    formType: 'I-485',
    classification: 'Family-based',
    receiptDate: addDays(today, -120),
    state,
    ...person(number),
    representativeOfRecord: true,
    latestStatus: status,
    latestStatusAt: new Date(now.getTime() - (status === 'case_was_received' ? 120 : 10) * DAY),
    createdAt: now,
    updatedAt: now,
  });

  const biometricsCases = await tx
    .insert(cases)
    .values(BIOMETRICS_SCENARIOS.map((s) => ({ ...caseRow(s.number, 'biometrics_appointment_was_scheduled', 'pending'), biometricsRequired: true })))
    .returning({ id: cases.id });
  await tx.insert(appointments).values(
    BIOMETRICS_SCENARIOS.map((s, i) => {
      const startsAt = new Date(Math.ceil((now.getTime() + s.startsInHours * HOUR) / (30 * MINUTE)) * 30 * MINUTE);
      return { kind: 'biometrics' as const, caseId: biometricsCases[i].id, ascId, startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE), rescheduleCount: s.rescheduleCount, createdAt: now };
    }),
  );
  const linkCases = await tx.insert(cases).values(LINK_SCENARIOS.map((s) => caseRow(s.number, 'case_was_received', 'pending'))).returning({ id: cases.id });
  const statusList = statusScenarios();
  const readCases = await tx.insert(cases).values(statusList.map((s) => caseRow(s.number, s.status, s.state))).returning({ id: cases.id });

  const valid = { issuedAt: now, expiresAt: new Date(now.getTime() + 90 * DAY) };
  const codes = LINK_SCENARIOS.flatMap((s, i): (typeof accessCodes.$inferInsert)[] => {
    const caseId = linkCases[i].id;
    const code = hashAccessCode(sandboxAccessCode(client, s.number));
    switch (s.code) {
      case 'representative':
        return [{ caseId, audience: 'representative' as const, codeHash: code, ...valid }];
      case 'applicant':
        return [{ caseId, audience: 'applicant' as const, codeHash: code, ...valid }];
      case 'expired':
        return [{ caseId, audience: 'representative' as const, codeHash: code, issuedAt: new Date(now.getTime() - 100 * DAY), expiresAt: new Date(now.getTime() - 10 * DAY) }];
      case 'used':
        return [{ caseId, audience: 'representative' as const, codeHash: code, ...valid, usedAt: new Date(now.getTime() - DAY) }];
      case 'replaced':
        return [
          { caseId, audience: 'representative' as const, codeHash: code, ...valid, revokedAt: now },
          { caseId, audience: 'representative' as const, codeHash: hashAccessCode(sandboxAccessCode(client, s.number, 'newer')), ...valid },
        ];
      case 'none':
        return [{ caseId, audience: 'representative' as const, codeHash: hashAccessCode(sandboxAccessCode(client, s.number, 'real')), ...valid }];
    }
  });
  await tx.insert(accessCodes).values(codes);

  const linked = [...LINK_SCENARIOS.flatMap((s, i) => (s.linkedAtStart ? [linkCases[i].id] : [])), ...readCases.map((c) => c.id), ...biometricsCases.map((c) => c.id)];
  await tx.insert(caseLinks).values(linked.map((caseId) => ({ caseId, userId: representative.id, role: 'representative' as const, linkedAt: now })));

  const received = (caseId: number) => ({ caseId, eventKey: 'received', status: 'case_was_received', occurredAt: new Date(now.getTime() - 120 * DAY), createdAt: now });
  await tx.insert(caseStatusEvents).values([
    ...linkCases.map((c) => received(c.id)),
    ...biometricsCases.map((c) => received(c.id)),
    ...readCases.flatMap((c, i) => [
      received(c.id),
      ...(statusList[i].status === 'case_was_received' ? [] : [{ caseId: c.id, eventKey: 'latest', status: statusList[i].status, occurredAt: new Date(now.getTime() - 10 * DAY), createdAt: now }]),
    ]),
  ]);
}

/**
 * Demo data for an empty store: offices and Application Support Centers, 90 days of biometrics
 * slots, the demo accounts (Rita with published API credentials), cases with their status histories
 * and links, Account Access Notices for cases waiting to be linked, booked biometrics appointments,
 * and the historical cases myProgress estimates from. Deterministic for a given clock (the seeded
 * generator draws everything except secrets: password salts and access codes come from node:crypto).
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { transaction, type Db, type Tx } from '@/db/client';
import {
  accessCodes,
  appointments,
  ascs,
  biometricSlots,
  caseLinks,
  cases,
  caseStatusEvents,
  fieldOffices,
  historicalCases,
  representativeProfiles,
  users,
} from '@/db/schema';
import { generateAccessCode, hashAccessCode } from '@/lib/access-codes/access-code';
import { ACCESS_CODE_VALIDITY_DAYS, issueAccessCodeWithin } from '@/lib/access-codes/issue-access-code';
import { createApiClient } from '@/lib/api/clients';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { DAY, fixedClock, type Clock } from '@/lib/clock';
import { refreshProgressCurves } from '@/lib/progress/refresh';
import { localInstant, openingDays, planSlots } from './biometric-slots';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKey } from './demo-accounts';
import { DEMO_API_CLIENT } from './demo-api-client';
import { planDemoCases, type PlannedAppointment, type PlannedEvent } from './demo-cases';
import { generateHistoricalCases, planHistoricalCases, type HistoricalCaseRow } from './historical-cases';
import type { SeedOptions } from './index';
import { ASCS, FIELD_OFFICES, placeRow } from './places';
import { medianTargets, readPublishedMedians } from './processing-times';
import { createRandom, seedFrom } from './random';
import { addDemoAppointmentRequests } from './demo-requests';
import { addDemoCallbacks } from './demo-callbacks';

export interface SeedSummary {
  fieldOffices: number;
  ascs: number;
  biometricSlots: number;
  users: number;
  representativeProfiles: number;
  /** The demo's published API credentials (db/seed/demo-api-client.ts). */
  apiClients: number;
  cases: number;
  caseStatusEvents: number;
  caseLinks: number;
  /** Codes issued and still unused, each with its Account Access Notice in the outbox. */
  accessCodeNotices: number;
  appointments: number;
  appointmentRequests: number;
  callbackRequests: number;
  historicalCases: number;
  /** Of which still pending (no decision date). */
  historicalPending: number;
  durationMs: number;
  historicalDurationMs: number;
  /** How long rebuilding myProgress's curves took after the historical cases were in. */
  progressRefreshSeconds: number;
  /** Processing-time series carried forward or left behind (see historical-cases.ts). */
  notes: string[];
}

export const DEFAULT_HISTORICAL_CASES = 150_000;
/** Rows per INSERT: at 7 parameters a row, under SQLite's limit of 32,766 (Postgres allows 65,535). */
const INSERT_ROWS = 4_000;
/** Slots have 6 parameters a row. */
const SLOT_INSERT_ROWS = 2_500;
/** Rows per transaction when streaming historical cases. */
const TRANSACTION_ROWS = 50_000;

/** Status dates are posted overnight; 14:00 UTC falls on the same calendar day in every U.S. zone. */
const instantOn = (isoDate: string, hourUtc = 14) => new Date(`${isoDate}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`);

export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.clock.now();
  // One instant for the whole seed, so every part agrees on "today" however long it takes.
  const clock: Clock = { now: () => new Date(now) };
  const log = options.log ?? (() => {});

  const { officeIds, ascIds } = await transaction(db, async (tx) => {
    const offices = await tx.insert(fieldOffices).values(FIELD_OFFICES.map(placeRow)).returning({ id: fieldOffices.id, code: fieldOffices.code });
    const centres = await tx.insert(ascs).values(ASCS.map(placeRow)).returning({ id: ascs.id, code: ascs.code });
    return { officeIds: new Map(offices.map((o) => [o.code, o.id])), ascIds: new Map(centres.map((a) => [a.code, a.id])) };
  });

  const slotRandom = createRandom(seedFrom('biometric-slots-v1'));
  const slotRows = ASCS.flatMap((asc) =>
    planSlots(now, asc.timeZone, asc.seats, slotRandom).map(({ startsAt, endsAt, capacity }) => ({
      ascId: ascIds.get(asc.code)!,
      startsAt,
      endsAt,
      capacity,
    })),
  );
  await transaction(db, async (tx) => {
    for (let i = 0; i < slotRows.length; i += SLOT_INSERT_ROWS) await tx.insert(biometricSlots).values(slotRows.slice(i, i + SLOT_INSERT_ROWS));
  });
  log(`demo data: ${FIELD_OFFICES.length} field offices, ${ASCS.length} ASCs, ${slotRows.length} biometrics slots`);

  const accountIds = await addAccounts(db, now);
  const apiClients = await addDemoApiClient(db, clock, accountIds);
  const caseCounts = await addCases(db, clock, { officeIds, ascIds, accountIds });
  const appointmentRequests = await addDemoAppointmentRequests(db, now);
  const callbackRequests = await addDemoCallbacks(db, now);
  log(`demo data: ${DEMO_ACCOUNTS.length} accounts, ${caseCounts.cases} cases, ${caseCounts.accessCodeNotices} access-code notices, ${appointmentRequests} appointment requests, ${callbackRequests} callback requests`);

  const historicalStarted = performance.now();
  const historical = await addHistoricalCases(db, now, options.historicalCases ?? DEFAULT_HISTORICAL_CASES, log);
  const historicalDurationMs = Math.round(performance.now() - historicalStarted);
  // The demo's myProgress pages need curves from the start; the worker rebuilds them daily after.
  const progress = await refreshProgressCurves(db, clock);
  log(`myProgress: ${progress.curves} curves from ${progress.historicalCases} historical cases in ${progress.seconds} s`);

  const counts = {
    fieldOffices: FIELD_OFFICES.length,
    ascs: ASCS.length,
    biometricSlots: slotRows.length,
    users: DEMO_ACCOUNTS.length,
    representativeProfiles: DEMO_ACCOUNTS.filter((a) => a.representative).length,
    apiClients,
    ...caseCounts,
    appointmentRequests,
    callbackRequests,
    historicalCases: historical.rows,
    historicalPending: historical.pending,
  };
  await recordAudit(db, clock, { actor: null, action: 'seed.demo_data', objectType: 'store', outcome: 'success', detail: counts });
  return { ...counts, durationMs: Math.round(performance.now() - started), historicalDurationMs, progressRefreshSeconds: progress.seconds, notes: historical.notes };
}

async function addAccounts(db: Db, now: Date): Promise<Map<DemoAccountKey, number>> {
  // Each account gets its own salt: hashing costs ~19 MiB and a few tens of ms, done in parallel.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  return transaction(db, async (tx) => {
    const ids = new Map<DemoAccountKey, number>();
    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          email: account.email,
          emailVerifiedAt: now,
          passwordHash: hashes[i],
          role: account.role,
          givenName: account.givenName,
          familyName: account.familyName,
          phone: account.phone,
          preferredLanguage: account.preferredLanguage,
          notificationChannel: 'email',
          secondFactor: 'email',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id });
      ids.set(account.key, row.id);
      if (account.representative) await tx.insert(representativeProfiles).values({ userId: row.id, ...account.representative });
    }
    return ids;
  });
}

/** Rita's published API credentials, made the way the portal makes any (audited, the secret kept as a keyed hash). */
async function addDemoApiClient(db: Db, clock: Clock, accountIds: Map<DemoAccountKey, number>): Promise<number> {
  const { account, name, environment, clientId, secret } = DEMO_API_CLIENT;
  const [owner] = await db.select().from(users).where(eq(users.id, accountIds.get(account)!));
  await createApiClient(db, clock, owner, { name, environment, given: { clientId, secret } });
  return 1;
}

async function addCases(
  db: Db,
  clock: Clock,
  ids: { officeIds: Map<string, number>; ascIds: Map<string, number>; accountIds: Map<DemoAccountKey, number> },
): Promise<{ cases: number; caseStatusEvents: number; caseLinks: number; accessCodeNotices: number; appointments: number }> {
  const now = clock.now();
  const plans = planDemoCases(now);
  const counts = { cases: 0, caseStatusEvents: 0, caseLinks: 0, accessCodeNotices: 0, appointments: 0 };

  await transaction(db, async (tx) => {
    for (const plan of plans) {
      const lastEvent = plan.events[plan.events.length - 1];
      const [row] = await tx
        .insert(cases)
        .values({
          receiptNumber: plan.receiptNumber,
          formType: plan.formType,
          classification: plan.classification,
          receiptDate: plan.receiptDate,
          fieldOfficeId: ids.officeIds.get(plan.officeCode)!,
          biometricsRequired: plan.biometricsRequired,
          interviewRequired: plan.interviewRequired,
          state: plan.state,
          applicantGivenName: plan.applicant.givenName,
          applicantFamilyName: plan.applicant.familyName,
          applicantDateOfBirth: plan.applicant.dateOfBirth,
          aNumber: plan.applicant.aNumber,
          mailingAddress: plan.applicant.mailingAddress,
          applicantEmail: plan.applicant.email,
          channelOfRecord: plan.channelOfRecord,
          representativeOfRecord: plan.representativeOfRecord,
          latestStatus: lastEvent.status,
          latestStatusAt: instantOn(lastEvent.on),
          createdAt: instantOn(plan.receiptDate),
          updatedAt: instantOn(lastEvent.on),
        })
        .returning({ id: cases.id });
      const caseId = row.id;

      await tx.insert(caseStatusEvents).values(
        plan.events.map((event) => ({
          caseId,
          eventKey: `${event.status}:${event.on}`,
          status: event.status,
          occurredAt: instantOn(event.on),
          createdAt: instantOn(event.on),
        })),
      );
      counts.cases++;
      counts.caseStatusEvents += plan.events.length;

      for (const link of plan.links) {
        // Linked cases were linked the way everyone links: with the code from their notice, now used.
        const linkedAt = instantOn(link.linkedOn, 16);
        const issuedAt = new Date(Math.min(instantOn(plan.receiptDate).getTime() + 2 * DAY, linkedAt.getTime()));
        const userId = ids.accountIds.get(link.account)!;
        const [code] = await tx
          .insert(accessCodes)
          .values({
            caseId,
            audience: link.role,
            codeHash: hashAccessCode(generateAccessCode()),
            issuedAt,
            expiresAt: new Date(issuedAt.getTime() + ACCESS_CODE_VALIDITY_DAYS * DAY),
            usedAt: linkedAt,
            usedBy: userId,
          })
          .returning({ id: accessCodes.id });
        await tx.insert(caseLinks).values({ caseId, userId, role: link.role, accessCodeId: code.id, linkedAt });
        // As the portal records every link, so the case's activity log tells the same story.
        await recordAudit(tx, fixedClock(linkedAt), {
          actor: { id: userId, role: link.role },
          action: 'case.link',
          objectType: 'case',
          objectId: plan.receiptNumber,
          outcome: 'success',
          detail: { linkedAs: link.role, codeAudience: link.role, accessCodeId: code.id },
        });
        counts.caseLinks++;
      }

      for (const code of plan.codes) {
        // Issued as the case system does on receipt: the notice is dated then, and expires 90 days later.
        await issueAccessCodeWithin(tx, fixedClock(instantOn(code.issuedOn)), { caseId, audience: code.audience, actor: null });
        counts.accessCodeNotices++;
      }

      if (plan.appointment) {
        await bookAppointment(tx, now, caseId, plan.appointment, ids.ascIds, plan.events);
        counts.appointments++;
      }
    }
  });
  return counts;
}

async function bookAppointment(
  tx: Tx,
  now: Date,
  caseId: number,
  appointment: PlannedAppointment,
  ascIds: Map<string, number>,
  events: PlannedEvent[],
): Promise<void> {
  const asc = ASCS.find((a) => a.code === appointment.ascCode)!;
  const day = openingDays(now, asc.timeZone, 90)[appointment.openingDay - 1];
  const [hours, minutes] = appointment.localTime.split(':').map(Number);
  const startsAt = localInstant(day, hours * 60 + minutes, asc.timeZone);
  const ascId = ascIds.get(asc.code)!;
  // The same conditional increment the booking service uses: a seat is taken only if one is free.
  const [slot] = await tx
    .update(biometricSlots)
    .set({ booked: sql`${biometricSlots.booked} + 1` })
    .where(and(eq(biometricSlots.ascId, ascId), eq(biometricSlots.startsAt, startsAt), lt(biometricSlots.booked, biometricSlots.capacity)))
    .returning({ id: biometricSlots.id, startsAt: biometricSlots.startsAt, endsAt: biometricSlots.endsAt });
  if (!slot) throw new Error(`demo data: no free ${appointment.localTime} slot at ${asc.code} on ${day}`);
  const scheduled = events.find((e) => e.status === 'biometrics_appointment_was_scheduled');
  await tx.insert(appointments).values({
    kind: 'biometrics',
    caseId,
    ascId,
    slotId: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'scheduled',
    rescheduleCount: appointment.rescheduleCount,
    createdAt: scheduled ? instantOn(scheduled.on) : now,
  });
}

async function addHistoricalCases(
  db: Db,
  now: Date,
  total: number,
  log: (line: string) => void,
): Promise<{ rows: number; pending: number; notes: string[] }> {
  const targets = medianTargets(readPublishedMedians());
  const offices = FIELD_OFFICES.map(({ code, volume, pace }) => ({ code, volume, pace }));
  const notes = targets.filter((t) => t.note).map((t) => `${t.formType} "${t.classification}" FY${t.fiscalYear}: ${t.note}`);
  let rows = 0;
  let pending = 0;
  let buffer: HistoricalCaseRow[] = [];

  const flush = async () => {
    // In index order, each insert lands next to the previous one in both indexes: far fewer pages
    // touched than random order once the table outgrows the page cache.
    const batch = buffer.sort(byIndexKey);
    buffer = [];
    await transaction(db, async (tx) => {
      for (let i = 0; i < batch.length; i += INSERT_ROWS) await tx.insert(historicalCases).values(batch.slice(i, i + INSERT_ROWS));
    });
    rows += batch.length;
    log(`historical cases: ${rows} written`);
  };

  if (total > 0) {
    for (const chunk of generateHistoricalCases({ now, total, targets, offices })) {
      for (const row of chunk.rows) buffer.push(row);
      if (chunk.kind === 'pending') pending += chunk.rows.length;
      if (buffer.length >= TRANSACTION_ROWS) await flush();
    }
    if (buffer.length) await flush();
    notes.push(...planHistoricalCases({ now, total, targets }).notes);
  }
  return { rows, pending, notes };
}

const byIndexKey = (a: HistoricalCaseRow, b: HistoricalCaseRow) =>
  compare(a.formType, b.formType) || compare(a.classification, b.classification) || compare(a.officeCode, b.officeCode) || compare(a.receivedOn, b.receivedOn);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

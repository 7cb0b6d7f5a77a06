/**
 * What happens to a request after it is submitted (spec §5): an officer claims it, then decides it
 * (schedule an appointment, no appointment needed, or more information needed); the requester may
 * cancel it while it is undecided and answer a question, which returns it to the queue.
 *
 * Every change is one conditional UPDATE that names the state it expects, so of two officers, two
 * tabs or two clicks exactly one succeeds on both stores; the one that loses is told what happened
 * instead (who claimed or decided it, and when). Each change writes its timeline entry and audit
 * entry, and each outcome its email to the requester, in the same transaction.
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import type { AppointmentRequestStatus } from '@/db/columns';
import { appointmentRequestEvents, appointmentRequests, appointments, fieldOffices, users, type AppointmentRequest, type User } from '@/db/schema';
import { queueCaseEvent } from '@/lib/api/webhooks/webhooks';
import { recordAudit } from '@/lib/audit/record-audit';
import { displayName } from '@/lib/auth/account-summary';
import { MINUTE, type Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import type { TemplatePayloads } from '@/lib/notifications/templates';

/** Undecided: the requester may still cancel; an officer may still act. */
export const OPEN_STATUSES: readonly AppointmentRequestStatus[] = ['submitted', 'in_review', 'more_info_needed'];
export const APPOINTMENT_MINUTES = 30;

export type Decision =
  | { kind: 'schedule'; fieldOfficeId: number; startsAt: Date }
  | { kind: 'not_needed'; message: string }
  | { kind: 'more_info'; question: string; followUpBy: 'email' | 'phone' };

/** Why a change did not happen, in terms the person can be told. */
export type Refusal =
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'closed'; status: AppointmentRequestStatus }
  | { ok: false; error: 'claimed'; by: string; at: Date }
  | { ok: false; error: 'decided'; by: string; at: Date }
  | { ok: false; error: 'not_claimed' }
  | { ok: false; error: 'unknown_office' };

type Outcome = { ok: true; request: AppointmentRequest } | Refusal;

const byReference = (reference: string) => eq(appointmentRequests.reference, reference);

async function nameOf(db: DbOrTx, userId: number | null): Promise<string> {
  if (userId === null) return '';
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user ? displayName(user) : '';
}

/** Why `actor` could not change the request: read after the conditional update found nothing to change. */
async function refusalFor(db: DbOrTx, reference: string, actor: Pick<User, 'id'>): Promise<Refusal> {
  const [request] = await db.select().from(appointmentRequests).where(byReference(reference));
  if (!request) return { ok: false, error: 'not_found' };
  if (request.decidedAt) return { ok: false, error: 'decided', by: await nameOf(db, request.decidedBy), at: request.decidedAt };
  if (!OPEN_STATUSES.includes(request.status)) return { ok: false, error: 'closed', status: request.status };
  if (request.claimedBy !== null && request.claimedBy !== actor.id) return { ok: false, error: 'claimed', by: await nameOf(db, request.claimedBy), at: request.claimedAt! };
  if (request.claimedBy === null) return { ok: false, error: 'not_claimed' };
  return { ok: false, error: 'closed', status: request.status };
}

async function record(tx: DbOrTx, clock: Clock, request: AppointmentRequest, actor: Pick<User, 'id' | 'role'>, kind: string, note: string | null, requestId?: string | null) {
  await tx.insert(appointmentRequestEvents).values({ requestId: request.id, kind, actorId: actor.id, note, at: clock.now() });
  await recordAudit(tx, clock, {
    actor: { id: actor.id, role: actor.role },
    action: `appointment_request.${kind}`,
    objectType: 'appointment_request',
    objectId: request.reference,
    outcome: 'success',
    requestId,
  });
}

/** The requester hears of every outcome by email, in their language (the .ics comes with the scheduled one's letter). */
async function tellRequester(tx: DbOrTx, clock: Clock, request: AppointmentRequest, payload: TemplatePayloads['appointment-request-outcome']) {
  const [requester] = await tx.select().from(users).where(eq(users.id, request.requesterId));
  await enqueueNotification(tx, clock, {
    channel: 'email',
    recipient: requester.email,
    language: requester.preferredLanguage,
    template: 'appointment-request-outcome',
    payload,
    // One message per outcome: a second click or a retry never sends it twice.
    dedupeKey: `appointment-request-outcome:${request.reference}:${payload.outcome}:${request.updatedAt.getTime()}`,
  });
}

/** An officer takes a submitted request (or one answered after a question) to decide it. */
export async function claimRequest(db: Db, clock: Clock, input: { officer: User; reference: string; requestId?: string | null }): Promise<Outcome> {
  return transaction(db, async (tx) => {
    const now = clock.now();
    const [claimed] = await tx
      .update(appointmentRequests)
      .set({ status: 'in_review', claimedBy: input.officer.id, claimedAt: now, updatedAt: now })
      .where(and(byReference(input.reference), eq(appointmentRequests.status, 'submitted'), isNull(appointmentRequests.claimedBy)))
      .returning();
    if (!claimed) return refusalFor(tx, input.reference, input.officer);
    await record(tx, clock, claimed, input.officer, 'claimed', null, input.requestId);
    return { ok: true, request: claimed };
  });
}

/**
 * The officer who claimed the request decides it. Scheduling creates the appointment at the office,
 * on the date and time chosen (an instant: the page turns the office's local time into it).
 */
export async function decideRequest(
  db: Db,
  clock: Clock,
  input: { officer: User; reference: string; decision: Decision; requestId?: string | null },
): Promise<Outcome> {
  const { decision } = input;
  if (decision.kind === 'schedule') {
    const [office] = await db.select({ id: fieldOffices.id }).from(fieldOffices).where(eq(fieldOffices.id, decision.fieldOfficeId));
    if (!office) return { ok: false, error: 'unknown_office' };
  }
  return transaction(db, async (tx) => {
    const now = clock.now();
    const final = decision.kind !== 'more_info';
    const status: AppointmentRequestStatus =
      decision.kind === 'schedule' ? 'appointment_scheduled' : decision.kind === 'not_needed' ? 'appointment_not_needed' : 'more_info_needed';
    const note = decision.kind === 'not_needed' ? decision.message : decision.kind === 'more_info' ? decision.question : null;
    const [decided] = await tx
      .update(appointmentRequests)
      .set({
        status,
        ...(final ? { decidedBy: input.officer.id, decidedAt: now, decisionNote: note, openKey: null } : {}),
        updatedAt: now,
      })
      .where(and(byReference(input.reference), eq(appointmentRequests.status, 'in_review'), eq(appointmentRequests.claimedBy, input.officer.id)))
      .returning();
    if (!decided) return refusalFor(tx, input.reference, input.officer);
    if (decision.kind === 'schedule') {
      const endsAt = new Date(decision.startsAt.getTime() + APPOINTMENT_MINUTES * MINUTE);
      await tx.insert(appointments).values({
        kind: 'field_office',
        caseId: decided.caseId,
        requestId: decided.id,
        fieldOfficeId: decision.fieldOfficeId,
        startsAt: decision.startsAt,
        endsAt,
        status: 'scheduled',
        createdAt: now,
      });
      const [office] = await tx.select().from(fieldOffices).where(eq(fieldOffices.id, decision.fieldOfficeId));
      const { timeZone, name: officeName, street, city, state, zip } = office;
      if (decided.caseId !== null) {
        await queueCaseEvent(tx, clock, decided.caseId, 'appointment.scheduled', { reference: decided.reference, kind: 'field_office', startsAt: decision.startsAt.toISOString(), endsAt: endsAt.toISOString(), office: { code: office.code, name: officeName } });
      }
      await tellRequester(tx, clock, decided, {
        reference: decided.reference,
        outcome: 'scheduled',
        appointment: { startsAt: decision.startsAt.toISOString(), endsAt: endsAt.toISOString(), timeZone, officeName, street, city, state, zip },
      });
    } else if (decision.kind === 'not_needed') {
      await tellRequester(tx, clock, decided, { reference: decided.reference, outcome: 'not_needed', message: decision.message });
    } else {
      await tellRequester(tx, clock, decided, { reference: decided.reference, outcome: 'more_info', message: decision.question, followUpBy: decision.followUpBy });
    }
    const kind = decision.kind === 'schedule' ? 'scheduled' : decision.kind === 'not_needed' ? 'not_needed' : 'more_info_requested';
    const eventNote = decision.kind === 'more_info' ? JSON.stringify({ question: decision.question, followUpBy: decision.followUpBy }) : note;
    await record(tx, clock, decided, input.officer, kind, eventNote, input.requestId);
    return { ok: true, request: decided };
  });
}

/** The requester answers the officer's question: the request goes back to the queue, unclaimed. */
export async function answerMoreInfo(db: Db, clock: Clock, input: { requester: User; reference: string; answer: string; requestId?: string | null }): Promise<Outcome> {
  return transaction(db, async (tx) => {
    const now = clock.now();
    const [answered] = await tx
      .update(appointmentRequests)
      .set({ status: 'submitted', claimedBy: null, claimedAt: null, updatedAt: now })
      .where(and(byReference(input.reference), eq(appointmentRequests.requesterId, input.requester.id), eq(appointmentRequests.status, 'more_info_needed')))
      .returning();
    if (!answered) return ownRefusal(tx, input.reference, input.requester);
    await record(tx, clock, answered, input.requester, 'more_info_answered', input.answer, input.requestId);
    return { ok: true, request: answered };
  });
}

/**
 * The requester cancels a request that is not decided yet, or the appointment it was given while that
 * is still ahead (the time goes back to the office). One conditional update each, as for officers.
 */
export async function cancelRequest(db: Db, clock: Clock, input: { requester: User; reference: string; requestId?: string | null }): Promise<Outcome> {
  return transaction(db, async (tx) => {
    const now = clock.now();
    const mine = and(byReference(input.reference), eq(appointmentRequests.requesterId, input.requester.id));
    const [cancelled] = await tx
      .update(appointmentRequests)
      .set({ status: 'cancelled', openKey: null, updatedAt: now })
      .where(and(mine, inArray(appointmentRequests.status, [...OPEN_STATUSES])))
      .returning();
    if (cancelled) {
      await record(tx, clock, cancelled, input.requester, 'cancelled', null, input.requestId);
      await tellRequester(tx, clock, cancelled, { reference: cancelled.reference, outcome: 'cancelled' });
      return { ok: true, request: cancelled };
    }
    const [request] = await tx.select().from(appointmentRequests).where(and(mine, eq(appointmentRequests.status, 'appointment_scheduled')));
    if (!request) return ownRefusal(tx, input.reference, input.requester);
    const [appointment] = await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(appointments.requestId, request.id), eq(appointments.status, 'scheduled'), gt(appointments.startsAt, now)))
      .returning();
    if (!appointment) return { ok: false, error: 'closed', status: request.status };
    const [closed] = await tx
      .update(appointmentRequests)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(appointmentRequests.id, request.id), eq(appointmentRequests.status, 'appointment_scheduled')))
      .returning();
    await record(tx, clock, closed, input.requester, 'cancelled', null, input.requestId);
    await tellRequester(tx, clock, closed, { reference: closed.reference, outcome: 'cancelled' });
    return { ok: true, request: closed };
  });
}

/** Another person's request answers exactly like one that does not exist. */
async function ownRefusal(db: DbOrTx, reference: string, requester: Pick<User, 'id'>): Promise<Refusal> {
  const [request] = await db.select().from(appointmentRequests).where(byReference(reference));
  if (!request || request.requesterId !== requester.id) return { ok: false, error: 'not_found' };
  return { ok: false, error: 'closed', status: request.status };
}

/**
 * Submitting an appointment request (spec §5): an applicant for themselves, a representative for a
 * client's linked case. The request, its first timeline entry, the audit entry and the email with the
 * reference number commit together.
 * One open request per person and reason (for a representative: per client case and reason) is held
 * by a unique key in the database, so parallel submits make exactly one request and the others are
 * told its reference.
 */
import { and, eq } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { appointmentRequestEvents, appointmentRequests, caseLinks, cases, fieldOffices, type AppointmentRequest, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { activeLinksOf } from '@/lib/auth/policy';
import type { Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { requestDueAt } from './due-time';
import { isUrgentReason, type RequestReason } from './reasons';
import { generateRequestReference } from './reference';
import type { RequestAnswers } from './request-rules';

export type SubmitRequestResult =
  | { ok: true; request: AppointmentRequest }
  /** The same person already has an open request for this: its reference. */
  | { ok: false; error: 'duplicate'; reference: string }
  /** The office does not exist, or the case is not one of the person's linked cases (or is missing for a representative). */
  | { ok: false; error: 'invalid'; errors: { fieldOfficeCode?: 'unknown'; caseId?: 'required' | 'not_linked' } };

/** What makes two open requests "the same": who asks, why, and for a representative which client case. */
export function openKeyOf(requester: Pick<User, 'id' | 'role'>, reason: RequestReason, caseId: number | null): string {
  return requester.role === 'representative' ? `${requester.id}:${reason}:case:${caseId}` : `${requester.id}:${reason}`;
}

export async function submitAppointmentRequest(
  db: Db,
  clock: Clock,
  input: { requester: User; answers: RequestAnswers; caseId: number | null; requestId?: string | null },
): Promise<SubmitRequestResult> {
  const { requester, answers, caseId } = input;
  if (requester.role !== 'applicant' && requester.role !== 'representative') throw new Error(`a ${requester.role} cannot request an appointment`);

  const [office] = await db.select().from(fieldOffices).where(eq(fieldOffices.code, answers.fieldOfficeCode));
  const errors: Extract<SubmitRequestResult, { error: 'invalid' }>['errors'] = {};
  if (!office) errors.fieldOfficeCode = 'unknown';
  if (caseId === null) {
    if (requester.role === 'representative') errors.caseId = 'required';
  } else {
    const [linked] = await db
      .select({ id: cases.id })
      .from(caseLinks)
      .innerJoin(cases, eq(cases.id, caseLinks.caseId))
      .where(and(eq(caseLinks.caseId, caseId), activeLinksOf(requester)));
    if (!linked) errors.caseId = 'not_linked';
  }
  if (!office || errors.caseId) return { ok: false, error: 'invalid', errors };

  const openKey = openKeyOf(requester, answers.reason, caseId);
  const urgent = isUrgentReason(answers.reason);
  // A new reference is drawn again in the (one in a trillion) case that it is taken.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await transaction(db, async (tx) => {
      const now = clock.now();
      const [request] = await tx
        .insert(appointmentRequests)
        .values({
          reference: generateRequestReference(),
          requesterId: requester.id,
          caseId,
          reason: answers.reason,
          otherReason: answers.otherReason,
          aNumber: answers.aNumber,
          fieldOfficeId: office.id,
          preferredDates: answers.preferredDates,
          explanation: answers.explanation,
          travelDate: answers.travelDate,
          destination: answers.destination,
          contactPreference: answers.contactPreference,
          contactPhone: answers.contactPhone,
          accommodations: answers.accommodations,
          status: 'submitted',
          openKey,
          urgent,
          dueAt: requestDueAt(now, urgent, office.timeZone),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!request) return null;
      await tx.insert(appointmentRequestEvents).values({ requestId: request.id, kind: 'submitted', actorId: requester.id, note: null, at: now });
      await recordAudit(tx, clock, {
        actor: { id: requester.id, role: requester.role },
        action: 'appointment_request.submit',
        objectType: 'appointment_request',
        objectId: request.reference,
        outcome: 'success',
        detail: { reason: answers.reason, urgent, caseId },
        requestId: input.requestId,
      });
      // The reference by email, in the requester's language, whatever their usual channel: it is what they quote.
      await enqueueNotification(tx, clock, {
        channel: 'email',
        recipient: requester.email,
        language: requester.preferredLanguage,
        template: 'appointment-request-submitted',
        payload: {
          reference: request.reference,
          reason: answers.reason,
          otherReason: answers.otherReason,
          officeName: office.name,
          urgent,
          contactPreference: answers.contactPreference,
        },
        dedupeKey: `appointment-request-submitted:${request.reference}`,
      });
      return request;
    });
    if (result) return { ok: true, request: result };
    const [open] = await db.select({ reference: appointmentRequests.reference }).from(appointmentRequests).where(eq(appointmentRequests.openKey, openKey));
    if (open) {
      await recordAudit(db, clock, {
        actor: { id: requester.id, role: requester.role },
        action: 'appointment_request.submit',
        objectType: 'appointment_request',
        objectId: open.reference,
        outcome: 'denied',
        detail: { reason: 'duplicate' },
        requestId: input.requestId,
      });
      return { ok: false, error: 'duplicate', reference: open.reference };
    }
  }
  throw new Error('no free reference number after 5 draws');
}

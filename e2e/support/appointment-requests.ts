/**
 * Appointment requests for journeys, in the store the journey server uses: each journey makes its
 * own, for a fresh applicant, so no other journey (or a second run) claims or decides it first. The
 * row is what the request form's service writes (answers, due time, the "submitted" timeline entry);
 * the service itself is not imported because, through its email templates, it loads the JSON
 * message catalogue, which Node's ESM loader refuses without import attributes.
 */
import { eq } from 'drizzle-orm';
import { appointmentRequestEvents, appointmentRequests, fieldOffices } from '@/db/schema';
import { addBusinessDays, requestDueAt } from '@/lib/appointment-requests/due-time';
import type { OtherReason, RequestReason } from '@/lib/appointment-requests/reasons';
import { generateRequestReference } from '@/lib/appointment-requests/reference';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { createFreshAccount, e2eStore, type FreshAccount } from './accounts';

export async function freshAppointmentRequest(options: {
  reason: RequestReason;
  otherReason?: OtherReason;
  officeCode: string;
  explanation?: string;
  requester?: Parameters<typeof createFreshAccount>[0];
}): Promise<{ reference: string; requester: FreshAccount; office: typeof fieldOffices.$inferSelect }> {
  const { db } = e2eStore();
  const requester = await createFreshAccount(options.requester);
  const [office] = await db.select().from(fieldOffices).where(eq(fieldOffices.code, options.officeCode));
  if (!office) throw new Error(`no field office ${options.officeCode} in the demo data`);
  const now = new Date();
  const urgent = options.reason === 'emergency_advance_parole';
  const today = isoDateInZone(now, office.timeZone);
  const reference = generateRequestReference();
  const [request] = await db
    .insert(appointmentRequests)
    .values({
      reference,
      requesterId: requester.user.id,
      caseId: null,
      reason: options.reason,
      otherReason: options.otherReason ?? null,
      aNumber: 'A201234567',
      fieldOfficeId: office.id,
      preferredDates: [
        { date: addBusinessDays(today, 3), period: 'morning' },
        { date: addBusinessDays(today, 4), period: 'afternoon' },
      ],
      explanation: options.explanation ?? null,
      contactPreference: 'email',
      openKey: `${requester.user.id}:${options.reason}`,
      urgent,
      dueAt: requestDueAt(now, urgent, office.timeZone),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(appointmentRequestEvents).values({ requestId: request.id, kind: 'submitted', actorId: requester.user.id, note: null, at: now });
  return { reference, requester, office };
}

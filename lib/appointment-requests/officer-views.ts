/**
 * What officers read about one appointment request: everything the requester entered, who they are
 * (and, for a representative, whose case it is), the case, the timeline with who did what, who has
 * claimed or decided it, and the appointment once scheduled. Officers see any request; the page that
 * shows it checks the officer area first.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import { appointmentRequestEvents, appointmentRequests, appointments, cases, fieldOffices, users } from '@/db/schema';
import { displayName } from '@/lib/auth/account-summary';

const requester = alias(users, 'requester');
const claimant = alias(users, 'claimant');
const decider = alias(users, 'decider');
const actor = alias(users, 'actor');

const nameOrNull = (person: { givenName: string; familyName: string; email: string } | null) => (person ? displayName(person) : null);

/** One request as an officer sees it, or null when no request has this reference. */
export async function requestForOfficer(db: DbOrTx, reference: string) {
  const [row] = await db
    .select({
      request: appointmentRequests,
      office: fieldOffices,
      requester: { givenName: requester.givenName, familyName: requester.familyName, email: requester.email, role: requester.role, preferredLanguage: requester.preferredLanguage },
      claimant: { givenName: claimant.givenName, familyName: claimant.familyName, email: claimant.email },
      decider: { givenName: decider.givenName, familyName: decider.familyName, email: decider.email },
      theCase: {
        receiptNumber: cases.receiptNumber,
        formType: cases.formType,
        state: cases.state,
        latestStatus: cases.latestStatus,
        latestStatusAt: cases.latestStatusAt,
        applicantGivenName: cases.applicantGivenName,
        applicantFamilyName: cases.applicantFamilyName,
      },
    })
    .from(appointmentRequests)
    .innerJoin(fieldOffices, eq(fieldOffices.id, appointmentRequests.fieldOfficeId))
    .innerJoin(requester, eq(requester.id, appointmentRequests.requesterId))
    .leftJoin(claimant, eq(claimant.id, appointmentRequests.claimedBy))
    .leftJoin(decider, eq(decider.id, appointmentRequests.decidedBy))
    .leftJoin(cases, eq(cases.id, appointmentRequests.caseId))
    .where(eq(appointmentRequests.reference, reference));
  if (!row) return null;

  const [timeline, [appointment]] = await Promise.all([
    db
      .select({
        kind: appointmentRequestEvents.kind,
        note: appointmentRequestEvents.note,
        at: appointmentRequestEvents.at,
        actorGivenName: actor.givenName,
        actorFamilyName: actor.familyName,
        actorEmail: actor.email,
        actorRole: actor.role,
      })
      .from(appointmentRequestEvents)
      .leftJoin(actor, eq(actor.id, appointmentRequestEvents.actorId))
      .where(eq(appointmentRequestEvents.requestId, row.request.id))
      .orderBy(asc(appointmentRequestEvents.at), asc(appointmentRequestEvents.id)),
    db
      .select({ appointment: appointments, office: fieldOffices })
      .from(appointments)
      .leftJoin(fieldOffices, eq(fieldOffices.id, appointments.fieldOfficeId))
      .where(eq(appointments.requestId, row.request.id))
      .orderBy(desc(appointments.id))
      .limit(1),
  ]);

  // A representative asks for a client: the client is the applicant of the case the request is for.
  const client =
    row.requester.role === 'representative' && row.theCase ? `${row.theCase.applicantGivenName} ${row.theCase.applicantFamilyName}`.trim() : null;
  return {
    request: row.request,
    office: row.office,
    requester: { ...row.requester, name: displayName(row.requester) },
    /** For a representative's request: the client's name, from the case. */
    client,
    theCase: row.theCase,
    claimedBy: nameOrNull(row.claimant),
    decidedBy: nameOrNull(row.decider),
    timeline: timeline.map((event) => ({
      kind: event.kind,
      note: event.note,
      at: event.at,
      by: event.actorEmail !== null ? displayName({ givenName: event.actorGivenName ?? '', familyName: event.actorFamilyName ?? '', email: event.actorEmail }) : null,
      byRole: event.actorRole,
    })),
    appointment: appointment ? { ...appointment.appointment, office: appointment.office } : null,
  };
}

export type OfficerRequestView = NonNullable<Awaited<ReturnType<typeof requestForOfficer>>>;


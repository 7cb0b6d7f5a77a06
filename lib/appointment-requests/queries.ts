/**
 * Reading appointment requests: the officers' queue, and a requester's own requests. Page views read
 * a page of rows through indexes; nothing here changes anything.
 */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import type { AppointmentRequestStatus } from '@/db/columns';
import { appointmentRequestEvents, appointmentRequests, appointments, cases, fieldOffices, users, type User } from '@/db/schema';
import type { RequestReason } from './reasons';

export const QUEUE_PAGE_SIZE = 25;

/** What the queue shows by default: requests an officer can act on now (not those waiting on the requester). */
export const TO_REVIEW: readonly AppointmentRequestStatus[] = ['submitted', 'in_review'];

export interface QueueFilters {
  statuses?: readonly AppointmentRequestStatus[];
  reason?: RequestReason;
  fieldOfficeId?: number;
  /** 1-based. */
  page?: number;
}

const claimant = alias(users, 'claimant');

/**
 * The officers' queue (spec §5): emergency advance parole first, then oldest first; filtered by
 * status (to review, by default), reason and office; a page at a time with the total.
 */
export async function officerQueue(db: DbOrTx, filters: QueueFilters = {}) {
  const conditions: SQL[] = [inArray(appointmentRequests.status, [...(filters.statuses ?? TO_REVIEW)])];
  if (filters.reason) conditions.push(eq(appointmentRequests.reason, filters.reason));
  if (filters.fieldOfficeId) conditions.push(eq(appointmentRequests.fieldOfficeId, filters.fieldOfficeId));
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(appointmentRequests).where(where);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
  const rows = await db
    .select({
      reference: appointmentRequests.reference,
      reason: appointmentRequests.reason,
      otherReason: appointmentRequests.otherReason,
      status: appointmentRequests.status,
      urgent: appointmentRequests.urgent,
      createdAt: appointmentRequests.createdAt,
      dueAt: appointmentRequests.dueAt,
      officeName: fieldOffices.name,
      officeTimeZone: fieldOffices.timeZone,
      claimedByGiven: claimant.givenName,
      claimedByFamily: claimant.familyName,
    })
    .from(appointmentRequests)
    .innerJoin(fieldOffices, eq(fieldOffices.id, appointmentRequests.fieldOfficeId))
    .leftJoin(claimant, eq(claimant.id, appointmentRequests.claimedBy))
    .where(where)
    .orderBy(desc(appointmentRequests.urgent), asc(appointmentRequests.createdAt), asc(appointmentRequests.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((page - 1) * QUEUE_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

/** A requester's own requests, newest first, with the appointment of those scheduled. */
export async function requestsOf(db: DbOrTx, requester: Pick<User, 'id'>) {
  return db
    .select({
      reference: appointmentRequests.reference,
      reason: appointmentRequests.reason,
      status: appointmentRequests.status,
      createdAt: appointmentRequests.createdAt,
      officeName: fieldOffices.name,
      officeTimeZone: fieldOffices.timeZone,
      appointmentStartsAt: appointments.startsAt,
    })
    .from(appointmentRequests)
    .innerJoin(fieldOffices, eq(fieldOffices.id, appointmentRequests.fieldOfficeId))
    .leftJoin(appointments, and(eq(appointments.requestId, appointmentRequests.id), eq(appointments.status, 'scheduled')))
    .where(eq(appointmentRequests.requesterId, requester.id))
    .orderBy(desc(appointmentRequests.createdAt), desc(appointmentRequests.id));
}

/**
 * One request as its requester sees it: the answers, the office, the timeline and the appointment.
 * Null for a reference that is not theirs, exactly as for one that does not exist.
 */
export async function requestForRequester(db: DbOrTx, requester: Pick<User, 'id'>, reference: string) {
  const [row] = await db
    .select({
      request: appointmentRequests,
      office: fieldOffices,
      caseReceipt: cases.receiptNumber,
      caseForm: cases.formType,
      applicantGivenName: cases.applicantGivenName,
      applicantFamilyName: cases.applicantFamilyName,
    })
    .from(appointmentRequests)
    .innerJoin(fieldOffices, eq(fieldOffices.id, appointmentRequests.fieldOfficeId))
    .leftJoin(cases, eq(cases.id, appointmentRequests.caseId))
    .where(and(eq(appointmentRequests.reference, reference), eq(appointmentRequests.requesterId, requester.id)));
  if (!row) return null;
  const timeline = await db
    .select({ kind: appointmentRequestEvents.kind, note: appointmentRequestEvents.note, at: appointmentRequestEvents.at })
    .from(appointmentRequestEvents)
    .where(eq(appointmentRequestEvents.requestId, row.request.id))
    .orderBy(asc(appointmentRequestEvents.at), asc(appointmentRequestEvents.id));
  const [appointment] = await db.select().from(appointments).where(eq(appointments.requestId, row.request.id)).orderBy(desc(appointments.id)).limit(1);
  return { ...row, timeline, appointment: appointment ?? null };
}

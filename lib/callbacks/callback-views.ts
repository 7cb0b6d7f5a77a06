/**
 * What the callback pages read. A customer reads only their own requests (another person's number
 * is "not found", as a number that does not exist); officers read the queue and any callback.
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '@/db/client';
import type { CallbackStatus, CallbackUrgency } from '@/db/columns';
import { callbackEvents, callbacks, caseLinks, cases, users, type Callback, type User } from '@/db/schema';
import { activeLinksOf } from '@/lib/auth/policy';

const officerUser = alias(users, 'officer');

export const QUEUE_PAGE_SIZE = 25;
export const OPEN_STATUSES: readonly Exclude<CallbackStatus, 'closed'>[] = ['ready', 'awaiting_reply', 'calling', 'retry_due', 'queued'];

export interface CallbackEventView {
  kind: string;
  at: Date;
  note: string | null;
  actorName: string | null;
  actorIsStaff: boolean;
}

/** The person's linked cases, for the form's "Which case" (receipt number and form). */
export async function casesForCallback(db: DbOrTx, user: User): Promise<{ receiptNumber: string; formType: string }[]> {
  return db
    .select({ receiptNumber: cases.receiptNumber, formType: cases.formType })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.caseId))
    .where(activeLinksOf(user))
    .orderBy(desc(cases.receiptDate));
}

export async function ownCallbacks(db: DbOrTx, user: User): Promise<Callback[]> {
  return db.select().from(callbacks).where(eq(callbacks.userId, user.id)).orderBy(desc(callbacks.createdAt), desc(callbacks.id));
}

async function eventsOf(db: DbOrTx, callbackId: number): Promise<CallbackEventView[]> {
  const rows = await db
    .select({ kind: callbackEvents.kind, at: callbackEvents.at, note: callbackEvents.note, givenName: users.givenName, familyName: users.familyName, role: users.role })
    .from(callbackEvents)
    .leftJoin(users, eq(users.id, callbackEvents.actorId))
    .where(eq(callbackEvents.callbackId, callbackId))
    .orderBy(asc(callbackEvents.at), asc(callbackEvents.id));
  return rows.map((row) => ({
    kind: row.kind,
    at: row.at,
    note: row.note,
    actorName: row.givenName ? `${row.givenName} ${row.familyName}` : null,
    actorIsStaff: row.role === 'officer' || row.role === 'supervisor',
  }));
}

export interface CallbackDetail {
  callback: Callback;
  receiptNumber: string | null;
  events: CallbackEventView[];
}

/** One of the person's own requests; null for anyone else's. */
export async function ownCallback(db: DbOrTx, user: User, serviceRequestNumber: string): Promise<CallbackDetail | null> {
  const [row] = await db
    .select({ callback: callbacks, receiptNumber: cases.receiptNumber })
    .from(callbacks)
    .leftJoin(cases, eq(cases.id, callbacks.caseId))
    .where(and(eq(callbacks.serviceRequestNumber, serviceRequestNumber), eq(callbacks.userId, user.id)));
  if (!row) return null;
  return { callback: row.callback, receiptNumber: row.receiptNumber, events: await eventsOf(db, row.callback.id) };
}

export interface OfficerCallbackDetail extends CallbackDetail {
  customer: { name: string; email: string };
  assignedOfficerName: string | null;
}

export async function officerCallback(db: DbOrTx, serviceRequestNumber: string): Promise<OfficerCallbackDetail | null> {
  const [row] = await db
    .select({
      callback: callbacks,
      receiptNumber: cases.receiptNumber,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      officerGiven: officerUser.givenName,
      officerFamily: officerUser.familyName,
    })
    .from(callbacks)
    .innerJoin(users, eq(users.id, callbacks.userId))
    .leftJoin(officerUser, eq(officerUser.id, callbacks.assignedOfficerId))
    .leftJoin(cases, eq(cases.id, callbacks.caseId))
    .where(eq(callbacks.serviceRequestNumber, serviceRequestNumber));
  if (!row) return null;
  return {
    callback: row.callback,
    receiptNumber: row.receiptNumber,
    events: await eventsOf(db, row.callback.id),
    customer: { name: `${row.givenName} ${row.familyName}`, email: row.email },
    assignedOfficerName: row.officerGiven ? `${row.officerGiven} ${row.officerFamily}` : null,
  };
}

export interface QueueFilters {
  status?: Exclude<CallbackStatus, 'closed'>;
  urgency?: CallbackUrgency;
  page: number;
}

export interface QueueRow {
  serviceRequestNumber: string;
  customerName: string;
  urgency: CallbackUrgency;
  dueAt: Date;
  status: CallbackStatus;
  nextStepAt: Date | null;
  assignedOfficerId: number | null;
  assignedOfficerName: string | null;
}

/**
 * The officers' queue: this officer's customers who answered YES first, then urgent requests, then
 * by due time. The open callbacks are read in index order (open, priority, due), a page at a time;
 * the "ready for you" rows are few and read on their own.
 */
export async function callbackQueue(db: DbOrTx, officer: User, filters: QueueFilters) {
  const conditions: SQL[] = [eq(callbacks.open, true)];
  if (filters.status) conditions.push(eq(callbacks.status, filters.status));
  if (filters.urgency) conditions.push(eq(callbacks.priority, filters.urgency === 'urgent' ? 0 : 1));
  const select = {
    serviceRequestNumber: callbacks.serviceRequestNumber,
    givenName: users.givenName,
    familyName: users.familyName,
    urgency: callbacks.urgency,
    dueAt: callbacks.dueAt,
    status: callbacks.status,
    nextStepAt: callbacks.nextStepAt,
    assignedOfficerId: callbacks.assignedOfficerId,
    officerGiven: officerUser.givenName,
    officerFamily: officerUser.familyName,
  };
  const mineReady = and(eq(callbacks.status, 'ready'), eq(callbacks.assignedOfficerId, officer.id));
  const showsReady = !filters.status || filters.status === 'ready';
  const [ready, [{ total }]] = await Promise.all([
    showsReady
      ? db
          .select(select)
          .from(callbacks)
          .innerJoin(users, eq(users.id, callbacks.userId))
          .leftJoin(officerUser, eq(officerUser.id, callbacks.assignedOfficerId))
          .where(and(...conditions, mineReady))
          .orderBy(asc(callbacks.priority), asc(callbacks.dueAt), asc(callbacks.id))
      : Promise.resolve([]),
    db.select({ total: count() }).from(callbacks).where(and(...conditions)),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  // Ready rows lead the first page; the rest follow in queue order, without them.
  const shownFirst = Math.min(ready.length, QUEUE_PAGE_SIZE);
  const take = page === 1 ? QUEUE_PAGE_SIZE - shownFirst : QUEUE_PAGE_SIZE;
  const notMineReady = sql`not (${callbacks.status} = 'ready' and coalesce(${callbacks.assignedOfficerId}, 0) = ${officer.id})`;
  const rest =
    take > 0
      ? await db
          .select(select)
          .from(callbacks)
          .innerJoin(users, eq(users.id, callbacks.userId))
          .leftJoin(officerUser, eq(officerUser.id, callbacks.assignedOfficerId))
          .where(and(...conditions, notMineReady))
          .orderBy(asc(callbacks.open), asc(callbacks.priority), asc(callbacks.dueAt), asc(callbacks.id))
          .limit(take)
          .offset(Math.max(0, (page - 1) * QUEUE_PAGE_SIZE - ready.length))
      : [];
  const rows = [...(page === 1 ? ready.slice(0, shownFirst) : []), ...rest];
  return {
    total,
    page,
    pageCount,
    rows: rows.map(
      (r): QueueRow => ({
        serviceRequestNumber: r.serviceRequestNumber,
        customerName: `${r.givenName} ${r.familyName}`,
        urgency: r.urgency,
        dueAt: r.dueAt,
        status: r.status,
        nextStepAt: r.nextStepAt,
        assignedOfficerId: r.assignedOfficerId,
        assignedOfficerName: r.officerGiven ? `${r.officerGiven} ${r.officerFamily}` : null,
      }),
    ),
  };
}

export const isOpenStatus = (value: string): value is Exclude<CallbackStatus, 'closed'> => (OPEN_STATUSES as readonly string[]).includes(value);

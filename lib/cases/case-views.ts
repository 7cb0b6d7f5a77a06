/**
 * What the dashboard and the case page show, read for one signed-in person. Every read here goes
 * through the person's own active links, so nothing outside them can be returned: the pages call
 * these and answer "not found" when they come back empty, exactly as for a case that does not exist.
 */
import { and, asc, desc, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { CaseState } from '@/db/columns';
import {
  appointmentRequestEvents,
  appointmentRequests,
  appointments,
  ascs,
  auditLog,
  caseLinks,
  cases,
  caseStatusEvents,
  fieldOffices,
  representativeProfiles,
  users,
  type Case,
  type User,
} from '@/db/schema';
import { displayName } from '@/lib/auth/account-summary';
import { activeLinksOf, mayEnter } from '@/lib/auth/policy';
import type { Clock } from '@/lib/clock';
import { rescheduleBlock } from '@/lib/biometrics/eligibility';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { actionsRequired, type ActionRequired } from './action-required';
import { isCaseStatusKey, type CaseStatusKey } from './status-catalogue';

export type LinkRole = 'applicant' | 'representative';

export interface CaseSummary {
  id: number;
  receiptNumber: string;
  formType: string;
  classification: string | null;
  receiptDate: string;
  state: CaseState;
  latestStatus: CaseStatusKey | null;
  latestStatusAt: Date | null;
  /** myProgress's 80 % date as of its last refresh; null for decided cases and forms it does not cover. */
  expectedDecisionOn: string | null;
  applicantGivenName: string;
  applicantFamilyName: string;
  applicantDateOfBirth: string;
  nextAppointment: AppointmentView | null;
  /** The biometrics appointment ahead may be rescheduled online now (lib/biometrics/eligibility.ts). */
  canReschedule: boolean;
  actions: ActionRequired[];
}

export const CASE_LIST_STATES = ['pending', 'approved', 'denied', 'withdrawn'] as const;
export type CaseListStatusFilter = (typeof CASE_LIST_STATES)[number] | 'action_required';

export interface CaseListFilters {
  /** Part of the applicant's name or of the receipt number. */
  query?: string;
  formType?: string;
  status?: CaseListStatusFilter;
}

/** The cases linked to this person (as applicant, or as representative for clients), newest receipt first. */
export async function listLinkedCases(db: DbOrTx, clock: Clock, user: User, filters: CaseListFilters = {}): Promise<CaseSummary[]> {
  const conditions: SQL[] = [activeLinksOf(user)];
  if (filters.formType) conditions.push(eq(cases.formType, filters.formType));
  if (filters.status && filters.status !== 'action_required') conditions.push(eq(cases.state, filters.status));

  const found = await db
    .select({
      id: cases.id,
      receiptNumber: cases.receiptNumber,
      formType: cases.formType,
      classification: cases.classification,
      receiptDate: cases.receiptDate,
      state: cases.state,
      biometricsRequired: cases.biometricsRequired,
      latestStatus: cases.latestStatus,
      latestStatusAt: cases.latestStatusAt,
      expectedDecisionOn: cases.expectedDecisionOn,
      applicantGivenName: cases.applicantGivenName,
      applicantFamilyName: cases.applicantFamilyName,
      applicantDateOfBirth: cases.applicantDateOfBirth,
    })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.caseId))
    .where(and(...conditions))
    .orderBy(desc(cases.receiptDate), asc(cases.receiptNumber));
  const rows = found.filter(matchesQuery(filters.query));

  const upcoming = await upcomingAppointments(db, clock, rows.map((r) => r.id));
  const summaries = rows.map((row): CaseSummary => {
    const latestStatus = row.latestStatus && isCaseStatusKey(row.latestStatus) ? row.latestStatus : null;
    const nextAppointment = upcoming.get(row.id)?.[0] ?? null;
    const biometrics = upcoming.get(row.id)?.find((appointment) => appointment.kind === 'biometrics') ?? null;
    const { biometricsRequired, ...summary } = row;
    return {
      ...summary,
      latestStatus,
      nextAppointment,
      canReschedule: biometrics !== null && rescheduleBlock({ ...row, biometricsRequired }, biometrics, clock.now()) === null,
      actions: actionsRequired({ latestStatus, state: row.state, nextAppointmentKind: nextAppointment?.kind ?? null }),
    };
  });
  return filters.status === 'action_required' ? summaries.filter((s) => s.actions.length > 0) : summaries;
}

/**
 * Part of the applicant's name (any case, accents as typed) or of the receipt number (spaces and
 * dashes ignored), matched here among the person's own cases rather than with SQL LIKE: SQLite's
 * lower() folds only ASCII letters, so "Óscar" would not find Óscar on the embedded store, and a
 * typed % or _ stays a plain character.
 */
function matchesQuery(typed: string | undefined) {
  const query = typed?.trim().normalize('NFC').toLowerCase();
  if (!query) return () => true;
  const receiptPart = query.toUpperCase().replace(/[\s-]/g, '');
  return (row: Pick<Case, 'applicantGivenName' | 'applicantFamilyName' | 'receiptNumber'>) =>
    `${row.applicantGivenName} ${row.applicantFamilyName}`.normalize('NFC').toLowerCase().includes(query) ||
    (receiptPart !== '' && row.receiptNumber.includes(receiptPart));
}

/** The form types among this person's linked cases, for the filter. */
export async function linkedFormTypes(db: DbOrTx, user: User): Promise<string[]> {
  const rows = await db
    .selectDistinct({ formType: cases.formType })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.caseId))
    .where(activeLinksOf(user))
    .orderBy(asc(cases.formType));
  return rows.map((r) => r.formType);
}

export interface ClientGroup {
  /** Stable within a list: the client's name and date of birth. */
  key: string;
  givenName: string;
  familyName: string;
  cases: CaseSummary[];
  actionCount: number;
}

/**
 * A representative's cases by client, clients alphabetically by family name then given name; or,
 * sorted by expected decision, each client's cases soonest first and clients by their soonest case
 * (cases without an expected decision last, then alphabetically).
 */
export function groupByClient(summaries: CaseSummary[], locale: string, sort: 'client' | 'expected' = 'client'): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const summary of summaries) {
    const key = `${summary.applicantFamilyName}|${summary.applicantGivenName}|${summary.applicantDateOfBirth}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, givenName: summary.applicantGivenName, familyName: summary.applicantFamilyName, cases: [], actionCount: 0 };
      groups.set(key, group);
    }
    group.cases.push(summary);
    group.actionCount += summary.actions.length;
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byName = (a: ClientGroup, b: ClientGroup) =>
    collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || a.key.localeCompare(b.key);
  if (sort === 'client') return [...groups.values()].sort(byName);
  const expected = (c: CaseSummary) => c.expectedDecisionOn ?? '9999-12-31';
  for (const group of groups.values()) group.cases.sort((a, b) => expected(a).localeCompare(expected(b)));
  return [...groups.values()].sort((a, b) => expected(a.cases[0]).localeCompare(expected(b.cases[0])) || byName(a, b));
}

/** The scheduled appointments still ahead on the person's linked cases, earliest first, each with its case's receipt number. */
export async function upcomingAppointmentsOf(db: DbOrTx, clock: Clock, user: User): Promise<(AppointmentView & { receiptNumber: string })[]> {
  const linked = await db.select({ id: cases.id, receiptNumber: cases.receiptNumber }).from(cases).innerJoin(caseLinks, eq(caseLinks.caseId, cases.id)).where(activeLinksOf(user));
  const receipts = new Map(linked.map((row) => [row.id, row.receiptNumber]));
  const byCase = await upcomingAppointments(db, clock, [...receipts.keys()]);
  return [...byCase.entries()]
    .flatMap(([caseId, list]) => list.map((appointment) => ({ ...appointment, receiptNumber: receipts.get(caseId)! })))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Scheduled appointments still ahead, by case, each case's earliest first, with their place. */
async function upcomingAppointments(db: DbOrTx, clock: Clock, caseIds: number[]): Promise<Map<number, AppointmentView[]>> {
  const byCase = new Map<number, AppointmentView[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({
      id: appointments.id,
      caseId: appointments.caseId,
      kind: appointments.kind,
      rescheduleCount: appointments.rescheduleCount,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      asc: ascs,
      office: fieldOffices,
    })
    .from(appointments)
    .leftJoin(ascs, eq(ascs.id, appointments.ascId))
    .leftJoin(fieldOffices, eq(fieldOffices.id, appointments.fieldOfficeId))
    .where(and(inArray(appointments.caseId, caseIds), eq(appointments.status, 'scheduled'), gt(appointments.startsAt, clock.now())))
    .orderBy(asc(appointments.startsAt));
  for (const a of rows) {
    const place = a.asc ?? a.office;
    const list = byCase.get(a.caseId!) ?? [];
    list.push({
      id: a.id,
      kind: a.kind,
      rescheduleCount: a.rescheduleCount,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      placeName: place?.name ?? '',
      address: place ? `${place.street}, ${place.city}, ${place.state} ${place.zip}` : '',
      timeZone: place?.timeZone ?? AGENCY_TIME_ZONE,
    });
    byCase.set(a.caseId!, list);
  }
  return byCase;
}

/** The case, when this person has an active link to it in their role; null otherwise (as for no such case). */
export async function caseForViewer(db: DbOrTx, user: User, receiptNumber: string): Promise<Case | null> {
  // Staff never see a case through links (policy.canViewCase), whatever rows exist.
  if (!mayEnter(user, 'cases')) return null;
  const [row] = await db
    .select({ theCase: cases })
    .from(cases)
    .innerJoin(caseLinks, eq(caseLinks.caseId, cases.id))
    .where(and(eq(cases.receiptNumber, receiptNumber), activeLinksOf(user)))
    .limit(1);
  return row?.theCase ?? null;
}

export interface StatusEventView {
  id: number;
  status: CaseStatusKey;
  occurredAt: Date;
}

export interface AppointmentView {
  id: number;
  kind: 'biometrics' | 'field_office';
  rescheduleCount: number;
  startsAt: Date;
  endsAt: Date;
  placeName: string;
  address: string;
  timeZone: string;
}

export interface PersonWithAccess {
  linkId: number;
  userId: number;
  role: LinkRole;
  name: string;
  organisation: string | null;
  linkedAt: Date;
}

export interface ActivityEntry {
  id: number;
  at: Date;
  action: string;
  /** Null when the agency itself acted (a code issued on receipt, a pause). */
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  onBehalfOfName: string | null;
  /** The person the action was about, e.g. the representative whose access ended. */
  subjectName: string | null;
  detail: Record<string, unknown> | null;
}

/** Actions people take on a case that its activity log lists (what the case system posts is in the history). */
export const CASE_ACTIVITY_ACTIONS = ['case.link', 'case.access_end', 'access_code.issue', 'access_code.request', 'case.link_pause', 'biometrics.reschedule'] as const;

export interface CaseDetail {
  theCase: Case;
  officeName: string | null;
  events: StatusEventView[];
  appointments: AppointmentView[];
  people: PersonWithAccess[];
  activity: ActivityEntry[];
}

export async function caseDetail(db: DbOrTx, clock: Clock, theCase: Case): Promise<CaseDetail> {
  const [office, events, booked, people, activity] = await Promise.all([
    theCase.fieldOfficeId
      ? db.select({ name: fieldOffices.name }).from(fieldOffices).where(eq(fieldOffices.id, theCase.fieldOfficeId))
      : Promise.resolve([]),
    db
      .select({ id: caseStatusEvents.id, status: caseStatusEvents.status, occurredAt: caseStatusEvents.occurredAt })
      .from(caseStatusEvents)
      .where(eq(caseStatusEvents.caseId, theCase.id))
      .orderBy(desc(caseStatusEvents.occurredAt), desc(caseStatusEvents.id)),
    upcomingAppointments(db, clock, [theCase.id]),
    peopleWithAccess(db, theCase.id),
    caseActivity(db, theCase),
  ]);
  return {
    theCase,
    officeName: office[0]?.name ?? null,
    events: events.flatMap((e) => (isCaseStatusKey(e.status) ? [{ ...e, status: e.status }] : [])),
    appointments: booked.get(theCase.id) ?? [],
    people,
    activity,
  };
}

export async function peopleWithAccess(db: DbOrTx, caseId: number): Promise<PersonWithAccess[]> {
  const rows = await db
    .select({
      linkId: caseLinks.id,
      userId: users.id,
      role: caseLinks.role,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      organisation: representativeProfiles.organisation,
      linkedAt: caseLinks.linkedAt,
    })
    .from(caseLinks)
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .leftJoin(representativeProfiles, eq(representativeProfiles.userId, users.id))
    .where(and(eq(caseLinks.caseId, caseId), isNull(caseLinks.endedAt)))
    .orderBy(asc(caseLinks.role), asc(caseLinks.linkedAt));
  return rows.map((r) => ({
    linkId: r.linkId,
    userId: r.userId,
    role: r.role,
    name: displayName(r),
    organisation: r.role === 'representative' ? r.organisation : null,
    linkedAt: r.linkedAt,
  }));
}

/**
 * What people did on the case: the audit entries about it, and the steps of appointment requests made
 * for it (by the applicant or a representative; an officer's step reads as the agency's), newest first.
 */
async function caseActivity(db: DbOrTx, theCase: Pick<Case, 'id' | 'receiptNumber'>): Promise<ActivityEntry[]> {
  const [audited, requestSteps] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.objectType, 'case'),
          eq(auditLog.objectId, theCase.receiptNumber),
          eq(auditLog.outcome, 'success'),
          inArray(auditLog.action, [...CASE_ACTIVITY_ACTIONS]),
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(100),
    db
      .select({
        id: appointmentRequestEvents.id,
        kind: appointmentRequestEvents.kind,
        at: appointmentRequestEvents.at,
        actorId: appointmentRequestEvents.actorId,
        actorRole: users.role,
        reference: appointmentRequests.reference,
      })
      .from(appointmentRequestEvents)
      .innerJoin(appointmentRequests, eq(appointmentRequests.id, appointmentRequestEvents.requestId))
      .leftJoin(users, eq(users.id, appointmentRequestEvents.actorId))
      .where(eq(appointmentRequests.caseId, theCase.id))
      .orderBy(desc(appointmentRequestEvents.at), desc(appointmentRequestEvents.id))
      .limit(100),
  ]);
  const staff = (role: string | null) => role === 'officer' || role === 'supervisor';
  const entries = [
    ...audited,
    ...requestSteps.map((step) => ({
      // Negative ids keep the two kinds of entry apart as table keys.
      id: -step.id,
      at: step.at,
      action: `appointment_request.${step.kind}`,
      actorId: staff(step.actorRole) ? null : step.actorId,
      actorRole: staff(step.actorRole) ? null : step.actorRole,
      onBehalfOfId: null,
      detail: { reference: step.reference } as Record<string, unknown>,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 100);
  const subjectOf = (detail: Record<string, unknown> | null) => (typeof detail?.representativeId === 'number' ? detail.representativeId : null);
  const ids = [...new Set(entries.flatMap((e) => [e.actorId, e.onBehalfOfId, subjectOf(e.detail)]).filter((id): id is number => id !== null))];
  const names = new Map<number, string>();
  if (ids.length) {
    const people = await db
      .select({ id: users.id, givenName: users.givenName, familyName: users.familyName, email: users.email })
      .from(users)
      .where(inArray(users.id, ids));
    for (const p of people) names.set(p.id, displayName(p));
  }
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    onBehalfOfName: e.onBehalfOfId ? (names.get(e.onBehalfOfId) ?? null) : null,
    subjectName: names.get(subjectOf(e.detail) ?? -1) ?? null,
    detail: e.detail,
  }));
}

/** The name of the person whose (now ended) link to this case has this id, for the "Access ended" notice. */
export async function endedLinkName(db: DbOrTx, caseId: number, linkId: number): Promise<string | null> {
  const [row] = await db
    .select({ givenName: users.givenName, familyName: users.familyName, email: users.email, endedAt: caseLinks.endedAt })
    .from(caseLinks)
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .where(and(eq(caseLinks.id, linkId), eq(caseLinks.caseId, caseId)));
  if (!row?.endedAt) return null;
  return displayName(row);
}

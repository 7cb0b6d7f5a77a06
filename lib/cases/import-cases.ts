/**
 * Imports cases from the agency's case system (`npm run cases:import`), one JSON object per line
 * (see case-import-schema.ts). Idempotent by receipt number and event key: an unknown receipt
 * creates the case, a known one takes the file's office, flags and contact details, and only events
 * with a new key are appended, so running the same file twice changes nothing the second time.
 *
 * Each line is its own transaction: the case, its events, the notices to everyone linked to it, the
 * access codes of a new case and the audit rows commit together, and a bad line costs only itself.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { transaction, type Db, type Tx } from '@/db/client';
import type { CaseState, MailingAddress } from '@/db/columns';
import { caseLinks, cases, caseStatusEvents, fieldOffices, users, type Case } from '@/db/schema';
import { issueAccessCodeWithin, type AccessCodeAudience } from '@/lib/access-codes/issue-access-code';
import { queueCaseEvent } from '@/lib/api/webhooks/webhooks';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { parseCaseImportLine, type CaseImportLine, type ImportedStatusEvent } from './case-import-schema';
import { accountContact } from './case-contacts';
import { CASE_STATUS_OUTCOMES, caseStatusTitle, isCaseStatusKey } from './status-catalogue';

export interface ImportOptions {
  /** Issue the applicant's (and the representative's) access code for each new case, as on receipt. Default true. */
  issueAccessCodes?: boolean;
}

export interface InvalidLine {
  line: number;
  reason: string;
}

export interface ImportSummary {
  /** Non-blank lines read: created + updated + unchanged + invalid. */
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  eventsAdded: number;
  /** Status-change messages queued to linked accounts. */
  notificationsQueued: number;
  /** Codes issued for new cases, each with its Account Access Notice queued. */
  accessCodesIssued: number;
  invalid: InvalidLine[];
}

type LineOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; eventsAdded: number; notificationsQueued: number; accessCodesIssued: number }
  | { kind: 'invalid'; reason: string };

const IMPORT_ACTOR: AuditActor = { id: null, role: 'system' };

/** Imports every line; `lines` may be a file read line by line. */
export async function importCases(
  db: Db,
  clock: Clock,
  lines: Iterable<string> | AsyncIterable<string>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    lines: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    eventsAdded: 0,
    notificationsQueued: 0,
    accessCodesIssued: 0,
    invalid: [],
  };
  let lineNumber = 0;
  for await (const read of lines) {
    lineNumber++;
    // Files saved by spreadsheet tools may start with a byte-order mark.
    const text = lineNumber === 1 ? read.replace(/^\uFEFF/, '') : read;
    if (!text.trim()) continue;
    summary.lines++;
    let outcome: LineOutcome;
    try {
      outcome = await importCaseLine(db, clock, text, options);
    } catch (error) {
      // Not a refusal but a failure (the store went away): stop, saying where; earlier lines stay imported.
      throw new Error(`line ${lineNumber}: ${(error as Error).message}`, { cause: error });
    }
    if (outcome.kind === 'invalid') {
      summary.invalid.push({ line: lineNumber, reason: outcome.reason });
      continue;
    }
    summary[outcome.kind]++;
    summary.eventsAdded += outcome.eventsAdded;
    summary.notificationsQueued += outcome.notificationsQueued;
    summary.accessCodesIssued += outcome.accessCodesIssued;
  }
  return summary;
}

/** One line, in its own transaction. */
export async function importCaseLine(db: Db, clock: Clock, text: string, options: ImportOptions = {}): Promise<LineOutcome> {
  const parsed = parseCaseImportLine(text, { now: clock.now(), timeZone: AGENCY_TIME_ZONE });
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  const line = parsed.data;

  return transaction(db, async (tx): Promise<LineOutcome> => {
    const [office] = await tx.select({ id: fieldOffices.id }).from(fieldOffices).where(eq(fieldOffices.code, line.officeCode));
    if (!office) return { kind: 'invalid', reason: `officeCode: no field office has the code ${line.officeCode}` };

    const [existing] = await tx.select().from(cases).where(eq(cases.receiptNumber, line.receiptNumber));
    if (existing) {
      const conflict = identityConflict(existing, line);
      if (conflict) return { kind: 'invalid', reason: conflict };
    }

    const now = clock.now();
    const fields = importedFields(line, office.id);
    let theCase: Case;
    let fieldsChanged: string[] = [];
    if (!existing) {
      [theCase] = await tx
        .insert(cases)
        .values({
          receiptNumber: line.receiptNumber,
          formType: line.formType,
          receiptDate: line.receiptDate,
          applicantGivenName: line.applicant.givenName,
          applicantFamilyName: line.applicant.familyName,
          applicantDateOfBirth: line.applicant.dateOfBirth,
          aNumber: line.applicant.aNumber,
          ...fields,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, clock, {
        actor: IMPORT_ACTOR,
        action: 'case.import_create',
        objectType: 'case',
        objectId: line.receiptNumber,
        outcome: 'success',
        detail: { formType: line.formType, officeCode: line.officeCode, events: line.events.length },
      });
    } else {
      fieldsChanged = changedFields(existing, fields);
      theCase = existing;
      if (fieldsChanged.length) {
        [theCase] = await tx.update(cases).set({ ...fields, updatedAt: now }).where(eq(cases.id, existing.id)).returning();
        // Which fields changed, not their values: the audit log holds no contact details.
        await recordAudit(tx, clock, {
          actor: IMPORT_ACTOR,
          action: 'case.import_update',
          objectType: 'case',
          objectId: line.receiptNumber,
          outcome: 'success',
          detail: { fields: fieldsChanged },
        });
      }
    }

    let notificationsQueued = 0;
    const added = await appendEvents(tx, theCase.id, line.events);
    for (const { id, event } of added) {
      await recordAudit(tx, clock, {
        actor: IMPORT_ACTOR,
        action: 'case.status_event',
        objectType: 'case',
        objectId: line.receiptNumber,
        outcome: 'success',
        detail: { status: event.status, eventKey: event.key, occurredAt: event.occurredAt.toISOString() },
      });
      notificationsQueued += await notifyLinkedAccounts(tx, clock, theCase, id, event);
      if (isCaseStatusKey(event.status)) {
        await queueCaseEvent(tx, clock, theCase.id, 'case.status_changed', {
          receiptNumber: line.receiptNumber,
          status: { code: event.status, title: caseStatusTitle(event.status), on: isoDateInZone(event.occurredAt, AGENCY_TIME_ZONE) },
        });
      }
    }
    if (added.length) await refreshLatestStatus(tx, theCase, now);

    let accessCodesIssued = 0;
    if (!existing && options.issueAccessCodes !== false) {
      const audiences: AccessCodeAudience[] = line.representativeOfRecord ? ['applicant', 'representative'] : ['applicant'];
      for (const audience of audiences) {
        // The code itself is returned by the issuer but goes no further than the sealed notice.
        await issueAccessCodeWithin(tx, clock, { caseId: theCase.id, audience, actor: null });
        accessCodesIssued++;
      }
    }

    const kind = !existing ? 'created' : fieldsChanged.length || added.length ? 'updated' : 'unchanged';
    return { kind, eventsAdded: added.length, notificationsQueued, accessCodesIssued };
  });
}

/** The fields the case system may change after receipt. */
function importedFields(line: CaseImportLine, fieldOfficeId: number) {
  return {
    fieldOfficeId,
    classification: line.classification,
    biometricsRequired: line.biometricsRequired,
    interviewRequired: line.interviewRequired,
    applicantEmail: line.applicant.email,
    mailingAddress: line.applicant.mailingAddress,
    channelOfRecord: line.channelOfRecord,
    representativeOfRecord: line.representativeOfRecord,
  };
}

type ImportedFields = ReturnType<typeof importedFields>;

function changedFields(existing: Case, fields: ImportedFields): string[] {
  return (Object.keys(fields) as (keyof ImportedFields)[]).filter((field) =>
    field === 'mailingAddress' ? !sameAddress(existing.mailingAddress, fields.mailingAddress) : existing[field] !== fields[field],
  );
}

// Compared field by field: the stored JSON need not keep the keys in the file's order.
function sameAddress(a: MailingAddress, b: MailingAddress): boolean {
  return a.street === b.street && a.city === b.city && a.state === b.state && a.zip === b.zip;
}

/**
 * A receipt number names one filing: a line that gives it another form type or receipt date most
 * likely carries the wrong receipt number, so it is refused rather than merged into the wrong case.
 */
function identityConflict(existing: Case, line: CaseImportLine): string | null {
  if (existing.formType !== line.formType) return `formType: the case on file with this receipt number is for form ${existing.formType}`;
  if (existing.receiptDate !== line.receiptDate) {
    return `receiptDate: the case on file with this receipt number was received on ${existing.receiptDate}`;
  }
  return null;
}

/** Appends the events whose key is new to the case; the unique (case, key) index decides. */
async function appendEvents(tx: Tx, caseId: number, events: ImportedStatusEvent[]): Promise<{ id: number; event: ImportedStatusEvent }[]> {
  const added: { id: number; event: ImportedStatusEvent }[] = [];
  for (const event of events) {
    const [row] = await tx
      .insert(caseStatusEvents)
      .values({ caseId, eventKey: event.key, status: event.status, occurredAt: event.occurredAt, note: event.note, createdAt: event.occurredAt })
      .onConflictDoNothing({ target: [caseStatusEvents.caseId, caseStatusEvents.eventKey] })
      .returning({ id: caseStatusEvents.id });
    if (row) added.push({ id: row.id, event });
  }
  return added;
}

/** Keeps the case's newest status (and the state it leaves the case in) on the case row. */
async function refreshLatestStatus(tx: Tx, theCase: Case, now: Date): Promise<void> {
  const [newest] = await tx
    .select({ status: caseStatusEvents.status, occurredAt: caseStatusEvents.occurredAt })
    .from(caseStatusEvents)
    .where(eq(caseStatusEvents.caseId, theCase.id))
    .orderBy(desc(caseStatusEvents.occurredAt), desc(caseStatusEvents.id))
    .limit(1);
  if (!newest) return;
  const state: CaseState = (isCaseStatusKey(newest.status) && CASE_STATUS_OUTCOMES[newest.status]) || 'pending';
  if (theCase.latestStatus === newest.status && theCase.latestStatusAt?.getTime() === newest.occurredAt.getTime() && theCase.state === state) {
    return; // an older event was filled in: the newest is still the newest
  }
  await tx
    .update(cases)
    .set({ latestStatus: newest.status, latestStatusAt: newest.occurredAt, state, updatedAt: now })
    .where(eq(cases.id, theCase.id));
}

/**
 * Tells everyone following the case online: by text when they chose texts and have a phone, by
 * email otherwise, in their own language. Returns how many messages were queued.
 */
async function notifyLinkedAccounts(tx: Tx, clock: Clock, theCase: Case, eventId: number, event: ImportedStatusEvent): Promise<number> {
  const followers = await tx
    .select({
      id: users.id,
      email: users.email,
      phone: users.phone,
      notificationChannel: users.notificationChannel,
      preferredLanguage: users.preferredLanguage,
    })
    .from(caseLinks)
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .where(and(eq(caseLinks.caseId, theCase.id), isNull(caseLinks.endedAt)))
    .orderBy(users.id);
  let queued = 0;
  // One message per account, even if an account is linked twice (as applicant and as representative).
  const seen = new Set<number>();
  for (const follower of followers) {
    if (seen.has(follower.id)) continue;
    seen.add(follower.id);
    const wasQueued = await enqueueNotification(tx, clock, {
      ...(await accountContact(tx, clock, follower)),
      template: 'case-status-changed',
      payload: { receiptNumber: theCase.receiptNumber, formType: theCase.formType, status: event.status, date: event.date },
      dedupeKey: `case-status:${eventId}:${follower.id}`,
    });
    if (wasQueued) queued++;
  }
  return queued;
}

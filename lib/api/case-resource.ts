/**
 * A case as the API shows it: the same rule as the case page (the representative's own linked
 * clients' cases; anything else is the same 404 as a receipt number that does not exist), with its
 * status history in the agency's words. Sandbox credentials read the sandbox store (endpoint.ts), so
 * they see only the sandbox data set, never a real case; real credentials never see sandbox cases.
 * The resource's shape is caseResourceSchema (lib/api/schemas.ts), which the OpenAPI document shows.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseStatusEvents, fieldOffices, type ApiClient, type Case, type User } from '@/db/schema';
import { caseForViewer } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { caseStatusTitle, isCaseStatusKey } from '@/lib/cases/status-catalogue';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { jsonResponse, type Operation } from './endpoint';
import { problemResponse } from './problem';
import type { CaseResource } from './schemas';

export type { CaseResource, CaseStatusResource } from './schemas';

/** The case behind a receipt number in an API path, when the caller may see it; null is the same 404 whatever the reason. */
export async function apiCase(db: DbOrTx, caller: { client: ApiClient; user: User }, receipt: string): Promise<Case | null> {
  const receiptNumber = normaliseReceiptNumber(receipt);
  if (!receiptNumber) return null;
  return caseForViewer(db, caller.user, receiptNumber);
}

export const caseNotFound = () =>
  problemResponse({ status: 404, code: 'case-not-found', title: 'Case not found', detail: 'No case with this receipt number is linked to your account.' });

export async function caseForApi(db: DbOrTx, caller: { client: ApiClient; user: User }, receipt: string): Promise<CaseResource | null> {
  const theCase = await apiCase(db, caller, receipt);
  if (!theCase) return null;
  const [events, [office]] = await Promise.all([
    db
      .select({ status: caseStatusEvents.status, occurredAt: caseStatusEvents.occurredAt })
      .from(caseStatusEvents)
      .where(and(eq(caseStatusEvents.caseId, theCase.id)))
      .orderBy(desc(caseStatusEvents.occurredAt), desc(caseStatusEvents.id)),
    theCase.fieldOfficeId ? db.select({ code: fieldOffices.code, name: fieldOffices.name }).from(fieldOffices).where(eq(fieldOffices.id, theCase.fieldOfficeId)) : Promise.resolve([]),
  ]);
  const history = events.filter((e) => isCaseStatusKey(e.status)).map((e) => ({ code: e.status, title: caseStatusTitle(e.status as never), on: isoDateInZone(e.occurredAt, AGENCY_TIME_ZONE) }));
  return {
    receiptNumber: theCase.receiptNumber,
    formType: theCase.formType,
    classification: theCase.classification,
    receivedOn: theCase.receiptDate,
    state: theCase.state,
    office: office ?? null,
    latestStatus: history[0] ?? null,
    history,
  };
}

export const readCaseOperation: Operation<{ receipt: string }> = {
  id: 'getCase',
  async handle({ db, caller }, { receipt }) {
    const found = await caseForApi(db, caller, receipt);
    return found ? jsonResponse(found) : caseNotFound();
  },
};

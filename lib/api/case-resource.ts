/**
 * A case as the API shows it: the same rule as the case page (the representative's own linked
 * clients' cases; anything else is the same 404 as a receipt number that does not exist), with its
 * status history in the agency's words. Sandbox clients see only the sandbox data set, never a real
 * case; real clients never see sandbox cases. The resource's shape is caseResourceSchema
 * (lib/api/schemas.ts), which the OpenAPI document shows.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { caseStatusEvents, fieldOffices, type ApiClient, type User } from '@/db/schema';
import { caseForViewer } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { caseStatusTitle, isCaseStatusKey } from '@/lib/cases/status-catalogue';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { apiCaller } from './caller';
import { problemResponse } from './problem';
import type { CaseResource } from './schemas';

export type { CaseResource, CaseStatusResource } from './schemas';

/** GET /api/v1/cases/{receipt}: the case, or the same 404 for every receipt number the caller may not read. */
export async function caseEndpoint(db: Db, clock: Clock, request: Request, receipt: string): Promise<Response> {
  const caller = await apiCaller(db, clock, request);
  if (caller instanceof Response) return caller;
  const found = await caseForApi(db, caller, receipt);
  if (!found) {
    return problemResponse(
      { status: 404, code: 'case-not-found', title: 'Case not found', detail: 'No case with this receipt number is linked to your account.' },
      caller.headers,
    );
  }
  return Response.json(found, { headers: { ...caller.headers, 'Cache-Control': 'no-store' } });
}

export async function caseForApi(db: DbOrTx, caller: { client: ApiClient; user: User }, receipt: string): Promise<CaseResource | null> {
  const receiptNumber = normaliseReceiptNumber(receipt);
  // The sandbox data set is separate from every real case; none is served to sandbox credentials here.
  if (!receiptNumber || caller.client.environment !== 'production') return null;
  const theCase = await caseForViewer(db, caller.user, receiptNumber);
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

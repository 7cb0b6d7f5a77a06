/**
 * GET /api/v1/cases: the cases linked to the representative (their clients' cases), newest receipt
 * first, a page at a time. The cursor is opaque to the vendor: the last case of the page (its
 * receipt date and number), so pages stay stable while cases are linked or decided meanwhile.
 * Filters: form type and state.
 */
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { caseLinks, cases, type ApiClient, type User } from '@/db/schema';
import { activeLinksOf } from '@/lib/auth/policy';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { caseStatusTitle, isCaseStatusKey } from '@/lib/cases/status-catalogue';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { jsonResponse, type Operation } from './endpoint';
import { parseQuery } from './request-input';

export const CASE_STATES = ['pending', 'approved', 'denied', 'withdrawn'] as const;

interface Cursor {
  receivedOn: string;
  receiptNumber: string;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.receivedOn, cursor.receiptNumber])).toString('base64url');

function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && /^\d{4}-\d{2}-\d{2}$/.test(String(value[0])) && /^[A-Z]{3}\d{10}$/.test(String(value[1]))) {
      return { receivedOn: String(value[0]), receiptNumber: String(value[1]) };
    }
  } catch {
    // not a cursor this API gave out
  }
  return null;
}

export const caseListQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'Give limit as a whole number from 1 to 100.')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, 'Give limit as a whole number from 1 to 100.')
    .optional()
    .transform((n) => n ?? 25),
  cursor: z
    .string()
    .transform((text, context) => {
      const cursor = decodeCursor(text);
      if (!cursor) context.addIssue({ code: 'custom', message: 'This cursor was not given by this API: use nextCursor from the previous page, or leave it out for the first page.' });
      return cursor;
    })
    .optional(),
  formType: z
    .string()
    .regex(/^[A-Za-z]{1,2}-\d{1,4}[A-Za-z]?$/, 'Give formType as a form number such as I-485.')
    .transform((s) => s.toUpperCase())
    .optional(),
  state: z.enum(CASE_STATES, { error: `Give state as one of ${CASE_STATES.join(', ')}.` }).optional(),
});

export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const caseListItemSchema = z.object({
  receiptNumber: z.string(),
  formType: z.string(),
  classification: z.string().nullable(),
  receivedOn: z.string(),
  state: z.enum(CASE_STATES),
  applicant: z.object({ givenName: z.string(), familyName: z.string() }),
  latestStatus: z.object({ code: z.string(), title: z.string(), on: z.string() }).nullable(),
  expectedDecisionBy: z.string().nullable(),
}).meta({ id: 'CaseSummary', description: 'A case in a list: what it is, where it stands, and myProgress’s 80 % date (as of the last daily refresh; null once decided or for forms not covered).' });

export const caseListSchema = z
  .object({ cases: z.array(caseListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList', description: 'A page of cases; `nextCursor` is null on the last page.' });
export type CaseList = z.output<typeof caseListSchema>;

export async function listCasesForApi(db: DbOrTx, caller: { client: ApiClient; user: User }, query: CaseListQuery): Promise<CaseList> {
  const conditions: SQL[] = [activeLinksOf(caller.user)];
  if (query.formType) conditions.push(eq(cases.formType, query.formType));
  if (query.state) conditions.push(eq(cases.state, query.state));
  if (query.cursor) {
    const { receivedOn, receiptNumber } = query.cursor;
    conditions.push(or(lt(cases.receiptDate, receivedOn), and(eq(cases.receiptDate, receivedOn), gt(cases.receiptNumber, receiptNumber)))!);
  }
  const rows = await db
    .select({
      receiptNumber: cases.receiptNumber,
      formType: cases.formType,
      classification: cases.classification,
      receivedOn: cases.receiptDate,
      state: cases.state,
      givenName: cases.applicantGivenName,
      familyName: cases.applicantFamilyName,
      latestStatus: cases.latestStatus,
      latestStatusAt: cases.latestStatusAt,
      expectedDecisionBy: cases.expectedDecisionOn,
    })
    .from(caseLinks)
    .innerJoin(cases, eq(cases.id, caseLinks.caseId))
    .where(and(...conditions))
    .orderBy(desc(cases.receiptDate), asc(cases.receiptNumber))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    cases: page.map((row) => ({
      receiptNumber: row.receiptNumber,
      formType: row.formType,
      classification: row.classification,
      receivedOn: row.receivedOn,
      state: row.state,
      applicant: { givenName: row.givenName, familyName: row.familyName },
      latestStatus:
        row.latestStatus && isCaseStatusKey(row.latestStatus) && row.latestStatusAt
          ? { code: row.latestStatus, title: caseStatusTitle(row.latestStatus), on: isoDateInZone(row.latestStatusAt, AGENCY_TIME_ZONE) }
          : null,
      expectedDecisionBy: row.state === 'pending' ? row.expectedDecisionBy : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export const listCasesOperation: Operation<object> = {
  id: 'listCases',
  async handle({ db, caller, request }) {
    const query = parseQuery(request, caseListQuerySchema);
    if (!query.ok) return query.response;
    return jsonResponse(await listCasesForApi(db, caller, query.data));
  },
};

import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { prepareTestSandboxStore } from '@/db/test-store';
import { caseLinks, fieldOffices, historicalCases, notifications, type Case, type User } from '@/db/schema';
import { issueAccessCode } from '@/lib/access-codes/issue-access-code';
import { addDays } from '@/lib/calendar/iso-date';
import { addTestCase, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, fixedClock } from '@/lib/clock';
import { refreshProgressCurves } from '@/lib/progress/refresh';
import { batchLinkOperation } from './batch-link';
import { listCasesOperation } from './case-list';
import { caseProgressOperation } from './case-progress-resource';
import { readCaseOperation } from './case-resource';
import { apiTestClient } from './testing/api-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z');
const today = '2026-11-30';

const representative = () => addTestRepresentative(db(), clock);

beforeAll(prepareTestSandboxStore);
const codeFor = async (theCase: Case, audience: 'applicant' | 'representative' = 'representative') =>
  (await issueAccessCode(db(), clock, { caseId: theCase.id, audience, actor: null })).code;

async function clientCases(rita: User, count: number, overrides: (i: number) => Parameters<typeof addTestCase>[2] = () => ({})) {
  const made: Case[] = [];
  for (let i = 0; i < count; i += 1) {
    const theCase = await addTestCase(db(), clock, overrides(i));
    await linkTestCase(db(), clock, theCase, rita, 'representative');
    made.push(theCase);
  }
  return made;
}

describe('GET /api/v1/cases', () => {
  it('pages through the clients’ cases with a cursor, newest receipt first, filtered by form and state', async () => {
    const rita = await representative();
    const mine = await clientCases(rita, 7, (i) => ({
      receiptDate: addDays('2026-01-01', i < 5 ? i : 3), // two receipts share a day: ordered by number
      formType: i % 2 === 0 ? 'I-485' : 'I-130',
      state: i === 6 ? 'approved' : 'pending',
      expectedDecisionOn: '2027-03-01',
    }));
    const stranger = await clientCases(await representative(), 1);
    const api = await apiTestClient(db(), clock, rita);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: Response = await api.send(listCasesOperation, { path: `/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}` });
      expect(answer.status).toBe(200);
      const page: { cases: { receiptNumber: string }[]; nextCursor: string | null } = await answer.json();
      expect(page.cases.length).toBeLessThanOrEqual(3);
      seen.push(...page.cases.map((c: { receiptNumber: string }) => c.receiptNumber));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    const expected = [...mine].sort((a, b) => b.receiptDate.localeCompare(a.receiptDate) || a.receiptNumber.localeCompare(b.receiptNumber)).map((c) => c.receiptNumber);
    expect(seen).toEqual(expected);
    expect(seen).not.toContain(stranger[0].receiptNumber);

    const first = await (await api.send(listCasesOperation, { path: '/cases?limit=1' })).json();
    expect(first.cases[0]).toEqual({
      receiptNumber: expected[0],
      formType: expect.any(String),
      classification: 'Family-based',
      receivedOn: expect.stringMatching(/^2026-01-0\d$/),
      state: 'pending',
      applicant: { givenName: 'Marisol', familyName: 'Quintero' },
      latestStatus: { code: 'case_was_received', title: 'Case Was Received', on: today },
      expectedDecisionBy: '2027-03-01',
    });

    const i130 = await (await api.send(listCasesOperation, { path: '/cases?formType=i-130&state=pending' })).json();
    expect(i130.cases.map((c: { receiptNumber: string }) => c.receiptNumber).sort()).toEqual(mine.filter((c, i) => i % 2 === 1 && i !== 6).map((c) => c.receiptNumber).sort());
    const approved = await (await api.send(listCasesOperation, { path: '/cases?state=approved' })).json();
    expect(approved.cases).toMatchObject([{ receiptNumber: mine[6].receiptNumber, state: 'approved', expectedDecisionBy: null }]);

    // Sandbox credentials see their sandbox data set, never a real case.
    const sandbox = await apiTestClient(db(), clock, rita, 'sandbox');
    const sandboxCases = await (await sandbox.send(listCasesOperation, { path: '/cases?limit=100' })).json();
    expect(sandboxCases.cases.length).toBeGreaterThan(0);
    expect(sandboxCases.cases.every((c: { receiptNumber: string }) => c.receiptNumber.startsWith('IOE9'))).toBe(true);
  });

  it('names each bad parameter, and never answers 5xx to any query string', async () => {
    const api = await apiTestClient(db(), clock, await representative());
    const answer = await api.send(listCasesOperation, { path: '/cases?limit=500&cursor=abc&state=lost&formType=%3Cscript%3E&sort=name' });
    expect(answer.status).toBe(422);
    const problem = await answer.json();
    expect(problem).toMatchObject({ type: 'urn:immigration-portal:problem:validation-failed', status: 422, code: 'validation-failed' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { parameter: 'limit', message: 'Give limit as a whole number from 1 to 100.' },
        { parameter: 'cursor', message: expect.stringContaining('nextCursor') },
        { parameter: 'state', message: 'Give state as one of pending, approved, denied, withdrawn.' },
        { parameter: 'formType', message: 'Give formType as a form number such as I-485.' },
        { parameter: 'sort', message: 'This operation has no parameter named sort.' },
      ]),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('limit', 'cursor', 'state', 'formType', 'x'), fc.string()), async (params) => {
        const query = new URLSearchParams(params).toString();
        const response = await api.send(listCasesOperation, { path: `/cases?${query}` });
        expect(response.status === 200 || response.status === 422).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('GET /api/v1/cases/{receipt} and /progress', () => {
  it('reads a client’s case and its myProgress estimate as the page shows it; another representative’s case is not found', async () => {
    const rita = await representative();
    const [phoenix] = await db()
      .insert(fieldOffices)
      .values({ code: 'PHX9', name: 'Phoenix Field Office', street: '1 Main St', city: 'Phoenix', state: 'AZ', zip: '85004', timeZone: 'America/Phoenix', latitude: 33.4, longitude: -112 })
      .returning();
    const classification = 'All other applications for naturalization';
    await db()
      .insert(historicalCases)
      .values(
        Array.from({ length: 100 }, (_, i) => {
          const receivedOn = addDays(today, -400 - i);
          return { formType: 'N-400', classification, officeCode: 'PHX9', receivedOn, decidedOn: addDays(receivedOn, 101 + i), biometricsOn: addDays(receivedOn, 30), interviewOn: null };
        }),
      );
    await refreshProgressCurves(db(), clock);
    const [pending] = await clientCases(rita, 1, () => ({ formType: 'N-400', classification, fieldOfficeId: phoenix.id, receiptDate: addDays(today, -120), biometricsRequired: true, interviewRequired: true }));
    const [other] = await clientCases(await representative(), 1);
    const api = await apiTestClient(db(), clock, rita);

    const read = await api.send(readCaseOperation, { params: { receipt: pending.receiptNumber } });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ receiptNumber: pending.receiptNumber, formType: 'N-400', office: { code: 'PHX9' } });

    const progress = await api.send(caseProgressOperation, { params: { receipt: pending.receiptNumber.toLowerCase() } });
    expect(progress.status).toBe(200);
    const body = await progress.json();
    expect(body.milestones).toEqual([
      { key: 'received', reachedOn: addDays(today, -120) },
      { key: 'biometrics', reachedOn: null },
      { key: 'interview', reachedOn: null },
      { key: 'decision', reachedOn: null },
    ]);
    // 100 similar cases decided on days 101..200, all still pending on day 120: 80 left; half of them
    // decided by day 160, 80 % by day 184.
    expect(body.estimate).toEqual({
      kind: 'estimate',
      basis: 'office',
      office: 'Phoenix Field Office',
      comparedWithCasesPast: 'received',
      similarCases: 100,
      similarCasesReceivedFrom: addDays(today, -499),
      similarCasesReceivedTo: addDays(today, -400),
      refreshedAt: expect.any(String),
      halfDecidedBy: addDays(today, 160 - 120),
      eightyPercentDecidedBy: addDays(today, 184 - 120),
      outsideNormalProcessingTime: false,
      normalProcessingEndsOn: addDays(today, 180 - 120),
    });

    for (const receipt of [other.receiptNumber, 'IOE0000000000', 'not-a-receipt']) {
      for (const operation of [readCaseOperation, caseProgressOperation]) {
        const missing = await api.send(operation, { params: { receipt } });
        expect(missing.status).toBe(404);
        expect(await missing.json()).toMatchObject({ code: 'case-not-found', status: 404 });
      }
    }
  });
});

describe('POST /api/v1/case-links', () => {
  it('links each valid pair, refuses each other item with its reason, in order; a retry with the same key links nothing twice', async () => {
    const rita = await representative();
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => addTestCase(db(), clock)));
    const codeC = await codeFor(c);
    clock.advance(91 * DAY); // c's code has expired by the time it is used (codes last 90 days)
    const [codeA, codeB, codeD] = [await codeFor(a), await codeFor(b, 'applicant'), await codeFor(d)];
    const api = await apiTestClient(db(), clock, rita);
    const items = [
      { receiptNumber: a.receiptNumber, accessCode: codeA },
      { receiptNumber: b.receiptNumber.toLowerCase(), accessCode: codeB.toLowerCase() },
      { receiptNumber: c.receiptNumber, accessCode: codeC },
      { receiptNumber: d.receiptNumber, accessCode: 'WRNG-CDE2-3456' },
      { receiptNumber: 'IOE12', accessCode: codeD },
      { receiptNumber: d.receiptNumber, accessCode: 'LLLL-OOOO-UUUU' },
      { receiptNumber: d.receiptNumber, accessCode: codeD },
      { receiptNumber: d.receiptNumber, accessCode: codeD },
      { accessCode: 7 },
    ];
    const send = (headers: Record<string, string> = { 'idempotency-key': 'batch-1' }) => api.send(batchLinkOperation, { path: '/case-links', json: { items }, headers });
    const answer = await send();
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toMatchObject({ linked: 3, refused: 6 });
    expect(body.results.map((r: { code: string }) => r.code)).toEqual([
      'linked',
      'linked',
      'code-expired',
      'invalid-code',
      'validation-failed',
      'validation-failed',
      'linked',
      'already-linked',
      'validation-failed',
    ]);
    expect(body.results[1]).toEqual({
      index: 1,
      receiptNumber: b.receiptNumber,
      linked: true,
      code: 'linked',
      usedApplicantCode: true,
      message: 'This client case is now linked to your representative account. You used the applicant’s own code, so we told the applicant which representative used it.',
    });
    expect(body.results[3].message).toMatch(/^The receipt number and online access code do not match/);
    expect(body.results[4]).toMatchObject({ receiptNumber: 'IOE12', errors: [{ pointer: '/items/4/receiptNumber', message: 'Enter the receipt number as 3 letters and 10 digits, for example IOE0912345678' }] });
    expect(body.results[5].errors).toEqual([{ pointer: '/items/5/accessCode', message: expect.stringContaining('no letters I, L, O or U') }]);
    expect(body.results[8]).toMatchObject({ receiptNumber: null, errors: [{ pointer: '/items/8/receiptNumber', message: 'Enter the receipt number' }, { pointer: '/items/8/accessCode', message: 'Enter the online access code' }] });
    const activeLinks = await db().select().from(caseLinks).where(and(eq(caseLinks.userId, rita.id), isNull(caseLinks.endedAt)));
    expect(activeLinks.map((l) => l.caseId).sort()).toEqual([a.id, b.id, d.id].sort());
    expect(await db().select().from(notifications).where(eq(notifications.template, 'case-linked'))).not.toHaveLength(0);

    const replay = await send();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(body);
    expect(await db().select().from(caseLinks).where(eq(caseLinks.userId, rita.id))).toHaveLength(3);

    // Sent again without the key: judged again, in Spanish this time.
    const again = await (await send({ 'accept-language': 'es-US,es;q=0.9' })).json();
    expect(again.linked).toBe(0);
    expect(again.results[0]).toMatchObject({ code: 'already-linked', message: 'Este caso ya está vinculado a su cuenta.' });
  });

  it('judges at most 10 wrong codes an hour for the account, however the batch is spread', async () => {
    const api = await apiTestClient(db(), clock, await representative());
    const cases15 = await Promise.all(Array.from({ length: 15 }, () => addTestCase(db(), clock)));
    const items = cases15.map((c) => ({ receiptNumber: c.receiptNumber, accessCode: 'WRNG-CDE2-3456' }));
    const body = await (await api.send(batchLinkOperation, { path: '/case-links', json: { items } })).json();
    const codes = body.results.map((r: { code: string }) => r.code);
    expect(codes.filter((c: string) => c === 'invalid-code')).toHaveLength(10);
    expect(codes.filter((c: string) => c === 'too-many-attempts')).toHaveLength(5);
    expect(body.results.map((r: { index: number }) => r.index)).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it('refuses a batch that is not one: not JSON, the wrong type, no items or more than 100', async () => {
    const api = await apiTestClient(db(), clock, await representative());
    const post = (body: string, type = 'application/json') => api.send(batchLinkOperation, { method: 'POST', body, headers: { 'content-type': type } });
    expect(await (await post('{"items": [')).json()).toMatchObject({ status: 400, code: 'malformed-json' });
    expect(await (await post('items=1', 'application/x-www-form-urlencoded')).json()).toMatchObject({ status: 415, code: 'unsupported-media-type' });
    expect(await (await post('{"items": []}')).json()).toMatchObject({ status: 422, errors: [{ pointer: '/items', message: 'Send at least one item.' }] });
    expect(await (await post('{"items": {}}')).json()).toMatchObject({ status: 422, errors: [{ pointer: '/items' }] });
    const tooMany = JSON.stringify({ items: Array.from({ length: 101 }, () => ({ receiptNumber: 'IOE0912345678', accessCode: 'AAAA-BBBB-CCCC' })) });
    expect(await (await post(tooMany)).json()).toMatchObject({ status: 422, errors: [{ pointer: '/items', message: 'Send at most 100 items in one request.' }] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ items: fc.array(fc.anything(), { maxLength: 5 }) }).map((v) => JSON.stringify(v))), async (body) => {
        const answer = await post(body);
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

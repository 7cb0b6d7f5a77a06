import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { eq } from 'drizzle-orm';
import { apiClients, caseStatusEvents } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { fixedClock } from '@/lib/clock';
import { apiCaller } from './caller';
import { caseForApi, readCaseOperation } from './case-resource';
import { serveOperation } from './endpoint';
import { createApiClient, issueAccessToken } from './clients';
import { documented } from './testing/openapi-validation';

const db = () => getDb();
const clock = fixedClock('2026-10-20T15:00:00Z');
/** An answer of GET /api/v1/cases/{receipt}, checked against the OpenAPI document. */
const asDocumented = (answer: Response) => documented('getCase', answer);
/** GET /api/v1/cases/{receipt} through the API's pipeline, with no deprecations. */
const caseEndpoint = (store: ReturnType<typeof db>, at: typeof clock, request: Request, receipt: string) => serveOperation(store, at, request, { receipt }, readCaseOperation, {});
const withToken = (token: string | null) => new Request('http://localhost/api/v1/cases/x', { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function representativeWithCase() {
  const rita = await createTestUser(db(), clock, { role: 'representative' });
  const theCase = await addTestCase(db(), clock);
  await linkTestCase(db(), clock, theCase, rita, 'representative');
  await db()
    .insert(caseStatusEvents)
    .values([
      { caseId: theCase.id, eventKey: 'a', status: 'case_was_received', occurredAt: new Date('2026-02-20T14:00:00Z'), createdAt: clock.now() },
      { caseId: theCase.id, eventKey: 'b', status: 'fingerprints_were_taken', occurredAt: new Date('2026-04-02T14:00:00Z'), createdAt: clock.now() },
    ]);
  return { rita, theCase };
}

describe('the API reads a case as the representative may', () => {
  it('answers the linked case with its history; another representative’s case is not found (sandbox credentials: sandbox.db.test.ts)', async () => {
    const { rita, theCase } = await representativeWithCase();
    const live = (await createApiClient(db(), clock, rita, { name: 'Case manager', environment: 'production' })).client;
    const token = (await issueAccessToken(db(), clock, live)).token;
    const caller = await apiCaller(db(), clock, withToken(token));
    if (caller instanceof Response) throw new Error(`refused: ${caller.status}`);
    expect(caller.headers).toMatchObject({ 'RateLimit-Policy': '10;w=1, 10000;w=86400', RateLimit: 'limit=10, remaining=9, reset=1' });
    const found = await caseForApi(db(), caller, theCase.receiptNumber.toLowerCase());
    expect(found).toMatchObject({ receiptNumber: theCase.receiptNumber, formType: 'I-485', state: 'pending', receivedOn: '2026-02-20' });
    expect(found!.history).toEqual([
      { code: 'fingerprints_were_taken', title: 'Case Was Updated To Show Fingerprints Were Taken', on: '2026-04-02' },
      { code: 'case_was_received', title: 'Case Was Received', on: '2026-02-20' },
    ]);
    expect(found!.latestStatus?.code).toBe('fingerprints_were_taken');
    const answer = await asDocumented(await caseEndpoint(db(), clock, withToken(token), theCase.receiptNumber.toLowerCase()));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual(found);

    const { theCase: stranger } = await representativeWithCase();
    expect(await caseForApi(db(), caller, stranger.receiptNumber)).toBeNull();
    const refused = await asDocumented(await caseEndpoint(db(), clock, withToken(token), stranger.receiptNumber));
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'case-not-found', status: 404 });
  });

  it('refuses a missing or unknown token with 401, and the 11th request in a second with 429 and Retry-After', async () => {
    const { rita } = await representativeWithCase();
    const missing = await apiCaller(db(), clock, withToken(null));
    expect(missing).toBeInstanceOf(Response);
    await asDocumented(missing as Response);
    expect((missing as Response).status).toBe(401);
    expect((missing as Response).headers.get('www-authenticate')).toBe('Bearer realm="api"');
    const unknown = await asDocumented((await apiCaller(db(), clock, withToken('at_not-a-real-token-at-all'))) as Response);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ code: 'invalid-token', status: 401 });

    const client = (await createApiClient(db(), clock, rita, { name: 'Busy', environment: 'production' })).client;
    const token = (await issueAccessToken(db(), clock, client)).token;
    const answers = await Promise.all(Array.from({ length: 12 }, () => apiCaller(db(), clock, withToken(token))));
    expect(answers.filter((a) => !(a instanceof Response))).toHaveLength(10);
    const limited = await Promise.all(answers.filter((a): a is Response => a instanceof Response).map(asDocumented));
    expect(limited.map((r) => r.status)).toEqual([429, 429]);
    expect(limited[0].headers.get('retry-after')).toBe('1');
    expect(limited[0].headers.get('ratelimit')).toBe('limit=10, remaining=0, reset=1');
    expect(limited[0].headers.get('content-type')).toBe('application/problem+json');
    // The refused two do not count towards the day; the next second starts afresh.
    const [counted] = await db().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(counted).toMatchObject({ rateSecondCount: 12, rateDayCount: 10 });
    clock.set('2026-10-20T15:00:01Z');
    expect(await apiCaller(db(), clock, withToken(token))).not.toBeInstanceOf(Response);

    // The day's 10,000th request is the last: the next is refused until midnight UTC (9 hours on).
    await db().update(apiClients).set({ rateDayCount: 10_000 }).where(eq(apiClients.id, client.id));
    clock.set('2026-10-20T15:00:02Z');
    const daily = (await apiCaller(db(), clock, withToken(token))) as Response;
    expect(daily.status).toBe(429);
    expect(daily.headers.get('retry-after')).toBe(String(9 * 3600 - 2));
    expect(daily.headers.get('ratelimit')).toBe(`limit=10000, remaining=0, reset=${9 * 3600 - 2}`);
    expect((await daily.json()).detail).toContain('10000 requests for the day');
    clock.set('2026-10-21T00:00:00Z');
    expect(await apiCaller(db(), clock, withToken((await issueAccessToken(db(), clock, client)).token))).not.toBeInstanceOf(Response);
    clock.set('2026-10-20T15:00:00Z');
  });
});

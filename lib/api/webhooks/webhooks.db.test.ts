import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { prepareTestSandboxStore } from '@/db/test-store';
import { fieldOffices, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { addTestCase, addTestFieldOffice, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { importCases } from '@/lib/cases/import-cases';
import { DAY, fixedClock } from '@/lib/clock';
import { apiTestClient } from '../testing/api-fixtures';
import { deliverDueWebhooks, postWebhook, RETRY_DELAYS_MS } from './deliveries';
import { verifyWebhook } from './signature';
import { isPrivateAddress, targetProblem } from './targets';
import { createWebhookEndpoint } from './webhooks';
import { createWebhookOperation, deleteWebhookOperation, listWebhooksOperation, testWebhookOperation } from './webhook-operations';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z');

/** A real HTTP receiver on this machine: it keeps what arrives and answers the statuses it is given. */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let base = '';
const received: Received[] = [];
let answers: number[] = [];

beforeAll(prepareTestSandboxStore);
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.statusCode = answers.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  answers = [];
});

const headersOf = (r: Received) => ({ get: (name: string) => (r.headers[name] as string | undefined) ?? null });

async function clientWithEndpoint(eventTypes = ['case.status_changed', 'callback.updated'], environment: 'production' | 'sandbox' = 'production') {
  const rita = await addTestRepresentative(db(), clock);
  const api = await apiTestClient(db(), clock, rita, environment);
  const created = await api.send(createWebhookOperation, { path: '/webhooks', json: { url: `${base}/hooks/${Math.random()}`, eventTypes } });
  expect(created.status).toBe(201);
  const endpoint = await created.json();
  return { rita, api, endpoint };
}

const pendingFor = async (publicId: string) => {
  const [endpoint] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.publicId, publicId));
  return db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
};

describe('webhooks', () => {
  it('creates an endpoint with its secret once, sends a signed test event the receiver can verify, lists and deletes it', async () => {
    const { api, endpoint } = await clientWithEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await (await api.send(listWebhooksOperation, { path: '/webhooks' })).json();
    expect(listed.endpoints).toEqual([{ id: endpoint.id, url: endpoint.url, eventTypes: endpoint.eventTypes, createdAt: endpoint.createdAt }]);

    const queued = await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    expect(queued.status).toBe(202);
    const { messageId } = await queued.json();
    expect(await deliverDueWebhooks(db(), clock)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery.headers['webhook-id']).toBe(messageId);
    expect(verifyWebhook(endpoint.secret, headersOf(delivery), delivery.body, clock.now())).toBe(true);
    expect(verifyWebhook(endpoint.secret, headersOf(delivery), `${delivery.body} `, clock.now())).toBe(false);
    expect(verifyWebhook(endpoint.secret, headersOf(delivery), delivery.body, new Date(clock.now().getTime() + 6 * 60_000))).toBe(false);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });

    expect((await api.send(deleteWebhookOperation, { method: 'DELETE', params: { id: endpoint.id } })).status).toBe(204);
    expect((await (await api.send(listWebhooksOperation, { path: '/webhooks' })).json()).endpoints).toEqual([]);
    expect((await api.send(deleteWebhookOperation, { method: 'DELETE', params: { id: endpoint.id } })).status).toBe(404);

    // Another client's endpoint is not found.
    const other = await clientWithEndpoint();
    expect((await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: other.endpoint.id } })).status).toBe(404);
    expect((await api.send(deleteWebhookOperation, { method: 'DELETE', params: { id: other.endpoint.id } })).status).toBe(404);
  });

  it('retries a failure with the same id and backoff, disables the endpoint on 410, and gives up after 3 days', async () => {
    const { api, endpoint } = await clientWithEndpoint();
    answers = [500, 200];
    await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    expect(await deliverDueWebhooks(db(), clock)).toMatchObject({ retrying: 1 });
    expect(await deliverDueWebhooks(db(), clock)).toMatchObject({ claimed: 0 });
    clock.advance(RETRY_DELAYS_MS[0]);
    expect(await deliverDueWebhooks(db(), clock)).toMatchObject({ delivered: 1 });
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([received[0].headers['webhook-id'], received[0].headers['webhook-id']]);

    // Always 503: tried on the schedule until 3 days have passed, then failed.
    received.length = 0;
    answers = Array.from({ length: 50 }, () => 503);
    await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    const start = clock.now().getTime();
    for (let round = 0; round < 30 && clock.now().getTime() - start < 4 * DAY; round++) {
      await deliverDueWebhooks(db(), clock);
      clock.advance(RETRY_DELAYS_MS[Math.min(round, RETRY_DELAYS_MS.length - 1)]);
    }
    const rows = (await pendingFor(endpoint.id)).sort((a, b) => b.id - a.id);
    expect(rows[0]).toMatchObject({ status: 'failed', lastResponseStatus: 503 });
    expect(received.length).toBe(rows[0].attempts);
    expect(rows[0].attempts).toBeGreaterThanOrEqual(9); // 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h to 3 days

    // 410 Gone: the endpoint is disabled and what was queued for it is dropped.
    answers = [410];
    await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    expect(await deliverDueWebhooks(db(), clock, { limit: 1 })).toMatchObject({ disabled: 1 });
    const [disabled] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.publicId, endpoint.id));
    expect(disabled.disabledReason).toBe('gone');
    expect((await pendingFor(endpoint.id)).filter((d) => d.status === 'pending')).toHaveLength(0);
  });

  it('announces a new case status to the production endpoints of the case’s representatives that subscribed, and no one else', async () => {
    const [office] = await db().update(fieldOffices).set({ code: 'WHK' }).where(eq(fieldOffices.id, (await addTestFieldOffice(db())).id)).returning();
    const subscribed = await clientWithEndpoint(['case.status_changed']);
    const theCase = await addTestCase(db(), clock, { receiptDate: '2026-02-20' });
    await linkTestCase(db(), clock, theCase, subscribed.rita, 'representative');
    // The same representative's endpoint for callbacks only, and a sandbox client's: neither hears of it.
    const callbacksOnly = await subscribed.api.send(createWebhookOperation, { path: '/webhooks', json: { url: `${base}/callbacks-only`, eventTypes: ['callback.updated'] } });
    expect(callbacksOnly.status).toBe(201);
    const sandbox = await apiTestClient(db(), clock, subscribed.rita, 'sandbox');
    expect((await sandbox.send(createWebhookOperation, { path: '/webhooks', json: { url: `${base}/sandbox`, eventTypes: ['case.status_changed'] } })).status).toBe(201);

    const line = JSON.stringify({
      receiptNumber: theCase.receiptNumber,
      formType: 'I-485',
      classification: 'Family-based',
      receiptDate: '2026-02-20',
      officeCode: office.code,
      biometricsRequired: true,
      interviewRequired: false,
      applicant: { givenName: 'Marisol', familyName: 'Quintero', dateOfBirth: '1990-07-14', mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' } },
      events: [{ status: 'Case Was Approved', date: '2026-11-30' }],
    });
    const summary = await importCases(db(), clock, [line], { issueAccessCodes: false });
    expect(summary).toMatchObject({ updated: 1, invalid: [] });
    await deliverDueWebhooks(db(), clock);
    expect(received.map((r) => r.path)).toEqual([new URL(subscribed.endpoint.url).pathname]);
    expect(JSON.parse(received[0].body)).toMatchObject({ type: 'case.status_changed', data: { receiptNumber: theCase.receiptNumber, status: { code: 'case_was_approved', on: '2026-11-30' } } });
    expect(verifyWebhook(subscribed.endpoint.secret, headersOf(received[0]), received[0].body, clock.now())).toBe(true);
  });

  it('delivers each message once when two workers run at once', async () => {
    const { api, endpoint } = await clientWithEndpoint();
    for (let i = 0; i < 6; i++) await api.send(testWebhookOperation, { path: '/x', json: {}, params: { id: endpoint.id } });
    await Promise.all([deliverDueWebhooks(db(), clock), deliverDueWebhooks(db(), clock)]);
    const ids = received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('refuses private and malformed targets in production, when made and again at delivery', async () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(isPrivateAddress(address), address).toBe(false);
    const inProduction = { allowPrivate: false, resolve: async (host: string) => (host === 'rebind.example' ? ['192.168.1.10'] : ['93.184.216.34']) };
    expect(await targetProblem('http://127.0.0.1/hook', inProduction)).toBe('private');
    expect(await targetProblem('https://[::1]/hook', inProduction)).toBe('private');
    expect(await targetProblem('https://169.254.169.254/latest/meta-data', inProduction)).toBe('private');
    expect(await targetProblem('https://rebind.example/hook', inProduction)).toBe('private');
    expect(await targetProblem('https://vendor.example/hook', inProduction)).toBeNull();
    expect(await targetProblem('ftp://vendor.example/hook', inProduction)).toBe('scheme');
    expect(await targetProblem('https://user:pw@vendor.example/hook', inProduction)).toBe('credentials');
    expect(await targetProblem('not a url', inProduction)).toBe('invalid');

    const rita = await addTestRepresentative(db(), clock);
    const api = await apiTestClient(db(), clock, rita);
    const refused = await createWebhookEndpoint(db(), clock, { client: { id: -1 } as never, user: rita }, { url: 'https://rebind.example/hook', eventTypes: ['case.status_changed'] }, inProduction);
    expect(refused).toEqual({ ok: false, error: 'target', problem: 'private' });

    // At delivery: a literal private address, and a name that resolves to one, are not connected to.
    expect(await postWebhook(`${base}/direct`, {}, '{}', { allowPrivate: false })).toMatchObject({ status: null, error: expect.stringContaining('private') });
    expect(await postWebhook(`${base.replace('127.0.0.1', 'localhost')}/by-name`, {}, '{}', { allowPrivate: false })).toMatchObject({ status: null, error: expect.stringContaining('private') });
    expect(received).toHaveLength(0);

    // Through the API: a bad address or event type is named by pointer; any body is answered without a 5xx.
    const bad = await api.send(createWebhookOperation, { path: '/webhooks', json: { url: 'ftp://x', eventTypes: ['case.deleted'] } });
    expect(await bad.json()).toMatchObject({ status: 422, errors: [{ pointer: '/eventTypes/0' }] });
    const scheme = await api.send(createWebhookOperation, { path: '/webhooks', json: { url: 'ftp://x', eventTypes: ['case.status_changed'] } });
    expect(await scheme.json()).toMatchObject({ status: 422, errors: [{ pointer: '/url', message: expect.stringContaining('https://') }] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ url: fc.string(), eventTypes: fc.anything() }).map((v) => JSON.stringify(v))), async (text) => {
        const answer = await api.send(createWebhookOperation, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { fixedClock } from '@/lib/clock';
import { cancelCallbackOperation, createCallbackOperation, readCallbackOperation } from './callbacks-api';
import { apiTestClient, representativeWithCase as clientCase } from './testing/api-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z');

const representativeWithCase = () => clientCase(db(), clock);

describe('callbacks through the API', () => {
  it('asks for a callback about a client case, reads where it stands, and cancels it while nothing has happened', async () => {
    const { rita, theCase } = await representativeWithCase();
    const api = await apiTestClient(db(), clock, rita);
    const created = await api.send(createCallbackOperation, {
      path: '/callbacks',
      json: { receiptNumber: theCase.receiptNumber.toLowerCase(), topic: 'case_status', urgency: 'urgent', phone: '(602) 555-0143', language: 'es' },
    });
    expect(created.status).toBe(201);
    const callback = await created.json();
    expect(callback).toMatchObject({ receiptNumber: theCase.receiptNumber, urgency: 'urgent', language: 'es', textAhead: false, status: 'queued', closedReason: null, attempts: 0 });
    expect(callback.serviceRequestNumber).toMatch(/^\d{8}$/);
    expect(created.headers.get('location')).toBe(`/api/v1/callbacks/${callback.serviceRequestNumber}`);
    // 72 hours for an urgent request.
    expect(Date.parse(callback.dueAt) - Date.parse(callback.createdAt)).toBe(72 * 3600_000);
    expect(await db().select().from(notifications).where(eq(notifications.template, 'callback-requested'))).not.toHaveLength(0);

    expect(await (await api.send(readCallbackOperation, { params: { number: callback.serviceRequestNumber } })).json()).toEqual(callback);
    const cancelled = await api.send(cancelCallbackOperation, { path: '/x', json: {}, params: { number: callback.serviceRequestNumber } });
    expect(await cancelled.json()).toMatchObject({ status: 'closed', closedReason: 'cancelled' });
    const again = await api.send(cancelCallbackOperation, { path: '/x', json: {}, params: { number: callback.serviceRequestNumber } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'callback-started' });
  });

  it('names each wrong answer by pointer, and answers another representative’s case or callback with 404', async () => {
    const { rita } = await representativeWithCase();
    const { rita: other, theCase: otherCase } = await representativeWithCase();
    const api = await apiTestClient(db(), clock, rita);
    const wrong = await api.send(createCallbackOperation, { path: '/callbacks', json: { topic: 'weather', urgency: 'soon', phone: '12', language: 'fr' } });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors).toEqual([
      { pointer: '/topic', message: 'Select what your question is about' },
      { pointer: '/urgency', message: 'Select how urgent it is' },
      { pointer: '/language', message: 'Select the language for the call' },
      { pointer: '/phone', message: 'Enter a real phone number, like (602) 555-0143 or +52 55 1234 5678' },
    ]);
    const strangers = await api.send(createCallbackOperation, { path: '/callbacks', json: { receiptNumber: otherCase.receiptNumber, topic: 'case_status', urgency: 'regular', phone: '6025550143', language: 'en' } });
    expect(strangers.status).toBe(404);
    const theirs = await (await apiTestClient(db(), clock, other)).send(createCallbackOperation, { path: '/callbacks', json: { topic: 'other', urgency: 'regular', phone: '6025550143', language: 'en' } });
    const { serviceRequestNumber } = await theirs.json();
    expect((await api.send(readCallbackOperation, { params: { number: serviceRequestNumber } })).status).toBe(404);
    expect((await api.send(cancelCallbackOperation, { path: '/x', json: {}, params: { number: serviceRequestNumber } })).status).toBe(404);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ topic: fc.anything(), phone: fc.string(), textAhead: fc.anything() }).map((v) => JSON.stringify(v))), async (text) => {
        const answer = await api.send(createCallbackOperation, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

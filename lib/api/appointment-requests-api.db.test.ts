import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications } from '@/db/schema';
import { addTestFieldOffice } from '@/lib/cases/testing/case-fixtures';
import { fixedClock } from '@/lib/clock';
import { cancelAppointmentRequestOperation, createAppointmentRequestOperation, readAppointmentRequestOperation } from './appointment-requests-api';
import { apiTestClient, representativeWithCase as clientCase } from './testing/api-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z'); // a Monday

const representativeWithCase = () => clientCase(db(), clock);

describe('appointment requests through the API', () => {
  it('creates a request for a client case, reads it, refuses a second one for the same reason, and cancels it', async () => {
    const office = await addTestFieldOffice(db());
    const { rita, theCase } = await representativeWithCase();
    const api = await apiTestClient(db(), clock, rita);
    const body = {
      receiptNumber: theCase.receiptNumber,
      reason: 'adit_stamp',
      fieldOfficeCode: office.code,
      preferredDates: [{ date: '2026-12-02', period: 'morning' }],
      contactPreference: 'email',
    };
    const created = await api.send(createAppointmentRequestOperation, { path: '/appointment-requests', json: body, headers: { 'idempotency-key': 'ar-1' } });
    expect(created.status).toBe(201);
    const request = await created.json();
    expect(request).toMatchObject({ status: 'submitted', reason: 'adit_stamp', receiptNumber: theCase.receiptNumber, fieldOffice: { code: office.code }, appointment: null });
    expect(created.headers.get('location')).toBe(`/api/v1/appointment-requests/${request.reference}`);
    expect(await db().select().from(notifications).where(eq(notifications.template, 'appointment-request-submitted'))).not.toHaveLength(0);

    // A retry with the same key is the same request; a new key for the same case and reason is refused.
    expect(await (await api.send(createAppointmentRequestOperation, { path: '/appointment-requests', json: body, headers: { 'idempotency-key': 'ar-1' } })).json()).toEqual(request);
    const duplicate = await api.send(createAppointmentRequestOperation, { path: '/appointment-requests', json: body, headers: { 'idempotency-key': 'ar-2' } });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: 'duplicate-request', reference: request.reference });

    const read = await api.send(readAppointmentRequestOperation, { params: { reference: request.reference.toLowerCase() } });
    expect(await read.json()).toEqual(request);

    const cancelled = await api.send(cancelAppointmentRequestOperation, { path: `/appointment-requests/${request.reference}/cancel`, json: {}, params: { reference: request.reference } });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe('cancelled');
    const again = await api.send(cancelAppointmentRequestOperation, { path: `/appointment-requests/${request.reference}/cancel`, json: {}, params: { reference: request.reference } });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'request-closed', requestStatus: 'cancelled' });
    const audited = await db().select().from(auditLog).where(eq(auditLog.objectId, request.reference));
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });

  it('names each wrong answer by pointer in the form’s words, and answers another representative’s case or request with 404', async () => {
    const office = await addTestFieldOffice(db(), 'Tucson Field Office');
    const { rita, theCase } = await representativeWithCase();
    const { rita: other, theCase: otherCase } = await representativeWithCase();
    const api = await apiTestClient(db(), clock, rita);
    const wrong = await api.send(createAppointmentRequestOperation, {
      path: '/appointment-requests',
      json: { receiptNumber: theCase.receiptNumber, reason: 'emergency_advance_parole', fieldOfficeCode: 'NOPE', preferredDates: [{ date: '2026-12-05', period: 'morning' }], contactPreference: 'phone' },
    });
    expect(wrong.status).toBe(422);
    const problem = await wrong.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/preferredDates', message: 'Preferred dates must be weekdays that are not federal holidays' },
        { pointer: '/explanation', message: 'Explain why you need the appointment' },
        { pointer: '/travelDate', message: 'Enter the date you must travel' },
        { pointer: '/contactPhone', message: 'Enter a phone number' },
      ]),
    );
    const unknownOffice = await api.send(createAppointmentRequestOperation, {
      path: '/appointment-requests',
      json: { receiptNumber: theCase.receiptNumber, reason: 'adit_stamp', fieldOfficeCode: 'NOPE', preferredDates: [{ date: '2026-12-02', period: 'morning' }], contactPreference: 'email' },
      headers: { 'accept-language': 'es' },
    });
    expect(await unknownOffice.json()).toMatchObject({ status: 422, errors: [{ pointer: '/fieldOfficeCode', message: expect.stringMatching(/oficina/i) }] });

    const strangers = await api.send(createAppointmentRequestOperation, {
      path: '/appointment-requests',
      json: { receiptNumber: otherCase.receiptNumber, reason: 'adit_stamp', fieldOfficeCode: office.code, preferredDates: [{ date: '2026-12-02', period: 'morning' }], contactPreference: 'email' },
    });
    expect(strangers.status).toBe(404);
    const theirs = await (await apiTestClient(db(), clock, other)).send(createAppointmentRequestOperation, {
      path: '/appointment-requests',
      json: { receiptNumber: otherCase.receiptNumber, reason: 'adit_stamp', fieldOfficeCode: office.code, preferredDates: [{ date: '2026-12-02', period: 'afternoon' }], contactPreference: 'email' },
    });
    const { reference } = await theirs.json();
    expect((await api.send(readAppointmentRequestOperation, { params: { reference } })).status).toBe(404);
    expect((await api.send(cancelAppointmentRequestOperation, { path: '/x', json: {}, params: { reference } })).status).toBe(404);
    expect((await api.send(readAppointmentRequestOperation, { params: { reference: 'not a reference' } })).status).toBe(404);

    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ receiptNumber: fc.constant(theCase.receiptNumber), reason: fc.string(), preferredDates: fc.anything() }).map((v) => JSON.stringify(v))), async (text) => {
        const answer = await api.send(createAppointmentRequestOperation, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

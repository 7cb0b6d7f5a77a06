import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointmentRequestEvents, appointmentRequests, auditLog, notifications } from '@/db/schema';
import { renderNotification } from '@/lib/notifications/templates';
import { fixedClock } from '@/lib/clock';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, addTestFieldOffice, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import type { RequestAnswers } from './request-rules';
import { testRequestAnswers } from './testing/answers';
import { submitAppointmentRequest } from './submit-request';

const db = () => getDb();
// Thursday 3 December 2026, 10:00 in Phoenix.
const start = () => fixedClock('2026-12-03T17:00:00Z');

async function answers(overrides: Partial<RequestAnswers> = {}): Promise<RequestAnswers> {
  const office = await addTestFieldOffice(db());
  return testRequestAnswers(office.code, { aNumber: 'A123456789', ...overrides });
}

describe('submitting an appointment request', () => {
  it('records the request with a reference, its due time, the first timeline entry and the audit entry', async () => {
    const clock = start();
    const applicant = await createTestUser(db(), clock);
    const result = await submitAppointmentRequest(db(), clock, { requester: applicant, answers: await answers(), caseId: null });
    if (!result.ok) throw new Error(result.error);
    expect(result.request).toMatchObject({ status: 'submitted', urgent: false, requesterId: applicant.id, caseId: null });
    expect(result.request.reference).toMatch(/^AR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // 30 business days in Phoenix, at the same time of day (Christmas, New Year's Day and Martin Luther King Jr. Day not counted).
    expect(result.request.dueAt).toEqual(new Date('2027-01-19T17:00:00Z'));
    const events = await db().select().from(appointmentRequestEvents).where(eq(appointmentRequestEvents.requestId, result.request.id));
    expect(events.map((event) => event.kind)).toEqual(['submitted']);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'appointment_request.submit'), eq(auditLog.objectId, result.request.reference)));
    expect(audit.map((entry) => entry.outcome)).toEqual(['success']);
    // The reference number by email, in the requester's language.
    const [email] = await db().select().from(notifications).where(eq(notifications.dedupeKey, `appointment-request-submitted:${result.request.reference}`));
    expect(email).toMatchObject({ channel: 'email', recipient: applicant.email, language: applicant.preferredLanguage });
    const options = { now: clock.now(), portalUrl: 'https://portal.example.gov' };
    const english = renderNotification({ ...email, payload: email.payload as Record<string, unknown> }, {}, options);
    expect(english.subject).toBe(`We received your appointment request ${result.request.reference}`);
    expect(english.text).toMatch(/Reference number: AR-\S+\nReason: +ADIT stamp\n/);
    expect(english.text).toContain('We aim to answer within 30 business days. We will contact you by email.');
    const spanish = renderNotification({ ...email, language: 'es', payload: { ...(email.payload as Record<string, unknown>), reason: 'other', otherReason: 'deferred_action', urgent: true } }, {}, options);
    expect(spanish.subject).toBe(`Recibimos su solicitud de cita ${result.request.reference}`);
    expect(spanish.text).toMatch(/Motivo: +Otro: Acción diferida\n/);
    expect(spanish.text).toContain('en un plazo de 72 horas. Nos comunicaremos con usted por correo electrónico.');
  });

  it('makes emergency advance parole urgent: due 72 hours later', async () => {
    const clock = start();
    const applicant = await createTestUser(db(), clock);
    const result = await submitAppointmentRequest(db(), clock, {
      requester: applicant,
      answers: await answers({ reason: 'emergency_advance_parole', explanation: 'Family emergency', travelDate: '2026-12-09', destination: 'Lima, Peru' }),
      caseId: null,
    });
    expect(result.ok && [result.request.urgent, result.request.dueAt]).toEqual([true, new Date('2026-12-06T17:00:00Z')]);
  });

  it('refuses a second open request for the same reason, naming the first; another reason is fine', async () => {
    const clock = start();
    const applicant = await createTestUser(db(), clock);
    const first = await submitAppointmentRequest(db(), clock, { requester: applicant, answers: await answers(), caseId: null });
    const again = await submitAppointmentRequest(db(), clock, { requester: applicant, answers: await answers(), caseId: null });
    expect(again).toEqual({ ok: false, error: 'duplicate', reference: first.ok && first.request.reference });
    const other = await submitAppointmentRequest(db(), clock, { requester: applicant, answers: await answers({ reason: 'immigration_judge_grant' }), caseId: null });
    expect(other.ok).toBe(true);
  });

  it('makes exactly one request of 20 submitted at once by one person for one reason', async () => {
    const clock = start();
    const applicant = await createTestUser(db(), clock);
    const same = await answers();
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAppointmentRequest(db(), clock, { requester: applicant, answers: same, caseId: null })));
    const made = results.filter((result) => result.ok);
    expect(made).toHaveLength(1);
    const reference = made[0].ok && made[0].request.reference;
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.error === 'duplicate' && result.reference === reference)).toBe(true);
    expect(await db().select().from(appointmentRequests).where(eq(appointmentRequests.requesterId, applicant.id))).toHaveLength(1);
  });

  it('lets a representative ask only for a linked client case, once per client and reason', async () => {
    const clock = start();
    const rita = await addTestRepresentative(db(), clock);
    const [client, otherClient, stranger] = [await addTestCase(db(), clock), await addTestCase(db(), clock), await addTestCase(db(), clock)];
    await linkTestCase(db(), clock, client, rita, 'representative');
    await linkTestCase(db(), clock, otherClient, rita, 'representative');
    const ask = async (caseId: number | null) => submitAppointmentRequest(db(), clock, { requester: rita, answers: await answers(), caseId });

    expect(await ask(null)).toEqual({ ok: false, error: 'invalid', errors: { caseId: 'required' } });
    expect(await ask(stranger.id)).toEqual({ ok: false, error: 'invalid', errors: { caseId: 'not_linked' } });
    const forClient = await ask(client.id);
    expect(forClient.ok && forClient.request.caseId).toBe(client.id);
    expect((await ask(otherClient.id)).ok).toBe(true);
    expect(await ask(client.id)).toMatchObject({ ok: false, error: 'duplicate' });
  });

  it('refuses an office that does not exist', async () => {
    const clock = start();
    const applicant = await createTestUser(db(), clock);
    expect(await submitAppointmentRequest(db(), clock, { requester: applicant, answers: await answers({ fieldOfficeCode: 'NOPE' }), caseId: null })).toEqual({
      ok: false,
      error: 'invalid',
      errors: { fieldOfficeCode: 'unknown' },
    });
  });
});

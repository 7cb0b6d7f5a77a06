import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointmentRequestEvents, appointments, notifications, type User } from '@/db/schema';
import { renderNotification } from '@/lib/notifications/templates';
import { fixedClock, MINUTE } from '@/lib/clock';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestFieldOffice, renameUser } from '@/lib/cases/testing/case-fixtures';
import { answerMoreInfo, cancelRequest, claimRequest, decideRequest, type Decision } from './review';
import { submitAppointmentRequest } from './submit-request';
import { testRequestAnswers } from './testing/answers';

const db = () => getDb();
const start = () => fixedClock('2026-12-03T17:00:00Z');

async function submitted(clock = start(), requester?: User) {
  const office = await addTestFieldOffice(db());
  const applicant = requester ?? (await createTestUser(db(), clock));
  const result = await submitAppointmentRequest(db(), clock, {
    requester: applicant,
    caseId: null,
    answers: testRequestAnswers(office.code),
  });
  if (!result.ok) throw new Error(result.error);
  return { applicant, office, reference: result.request.reference, id: result.request.id };
}

const officer = async (given: string) => renameUser(db(), await createTestUser(db(), start(), { role: 'officer' }), given, 'Officer');
/** The outcome emails sent for a request, oldest first. */
const outcomesOf = async (reference: string) =>
  (await db().select().from(notifications).where(eq(notifications.template, 'appointment-request-outcome')).orderBy(asc(notifications.id))).filter(
    (n) => (n.payload as { reference?: string }).reference === reference,
  );

const timeline = async (requestId: number) =>
  (await db().select().from(appointmentRequestEvents).where(eq(appointmentRequestEvents.requestId, requestId)).orderBy(asc(appointmentRequestEvents.id))).map((e) => e.kind);

describe('reviewing an appointment request', () => {
  it('is claimed by one officer; another is told who has it and since when', async () => {
    const clock = start();
    const { reference } = await submitted(clock);
    const [olga, omar] = [await officer('Olga'), await officer('Omar')];
    expect(await claimRequest(db(), clock, { officer: olga, reference })).toMatchObject({ ok: true, request: { status: 'in_review', claimedBy: olga.id } });
    expect(await claimRequest(db(), clock, { officer: omar, reference })).toEqual({ ok: false, error: 'claimed', by: 'Olga Officer', at: clock.now() });
    expect(await decideRequest(db(), clock, { officer: omar, reference, decision: { kind: 'not_needed', message: 'x' } })).toMatchObject({ ok: false, error: 'claimed' });
  });

  it('is decided only after a claim, and scheduling makes the appointment at the office', async () => {
    const clock = start();
    const { reference, office, id } = await submitted(clock);
    const olga = await officer('Olga');
    const schedule: Decision = { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z') };
    expect(await decideRequest(db(), clock, { officer: olga, reference, decision: schedule })).toEqual({ ok: false, error: 'not_claimed' });
    await claimRequest(db(), clock, { officer: olga, reference });
    clock.advance(5 * MINUTE);
    const decided = await decideRequest(db(), clock, { officer: olga, reference, decision: schedule });
    expect(decided).toMatchObject({ ok: true, request: { status: 'appointment_scheduled', decidedBy: olga.id, openKey: null } });
    const [appointment] = await db().select().from(appointments).where(eq(appointments.requestId, id));
    expect(appointment).toMatchObject({ kind: 'field_office', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z'), endsAt: new Date('2026-12-07T16:30:00Z') });
    // Decided: nobody decides it again, and the second try says who decided it and when.
    expect(await decideRequest(db(), clock, { officer: olga, reference, decision: { kind: 'not_needed', message: 'x' } })).toEqual({
      ok: false,
      error: 'decided',
      by: 'Olga Officer',
      at: clock.now(),
    });
    expect(await timeline(id)).toEqual(['submitted', 'claimed', 'scheduled']);
    // The requester is emailed when, where (in the office's zone) and what to bring.
    const [email] = await outcomesOf(reference);
    const rendered = renderNotification({ ...email, payload: email.payload as Record<string, unknown> }, {}, { now: clock.now(), portalUrl: 'https://portal.example.gov' });
    expect(rendered.subject).toBe(`Your appointment for request ${reference}`);
    expect(rendered.text).toContain('Monday, December 7, 2026 at 9:00 AM MST');
    expect(rendered.text).toContain('2035 N Central Ave, Phoenix, AZ 85004');
  });

  it('stands by exactly one decision when two officers claim and decide at once', async () => {
    const clock = start();
    const { reference, office, id } = await submitted(clock);
    const [olga, omar] = [await officer('Olga'), await officer('Omar')];
    const claimAndDecide = async (who: User, decision: Decision) => {
      await claimRequest(db(), clock, { officer: who, reference });
      return decideRequest(db(), clock, { officer: who, reference, decision });
    };
    const results = await Promise.all([
      claimAndDecide(olga, { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-08T16:00:00Z') }),
      claimAndDecide(omar, { kind: 'not_needed', message: 'Your green card is on its way.' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const loser = results.find((result) => !result.ok)!;
    expect(loser.ok === false && ['claimed', 'decided'].includes(loser.error)).toBe(true);
    expect((await timeline(id)).filter((kind) => kind === 'scheduled' || kind === 'not_needed')).toHaveLength(1);
    expect(await outcomesOf(reference)).toHaveLength(1);
  });

  it('records one decision when the same officer sends it twice at once', async () => {
    const clock = start();
    const { reference, office, id } = await submitted(clock);
    const olga = await officer('Olga');
    await claimRequest(db(), clock, { officer: olga, reference });
    const decision: Decision = { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-09T16:00:00Z') };
    const results = await Promise.all([1, 2].map(() => decideRequest(db(), clock, { officer: olga, reference, decision })));
    expect(results.map((result) => (result.ok ? 'ok' : result.error)).sort()).toEqual(['decided', 'ok']);
    expect(await db().select().from(appointments).where(eq(appointments.requestId, id))).toHaveLength(1);
  });

  it('goes back to the queue, unclaimed, when the requester answers a question', async () => {
    const clock = start();
    const { reference, applicant, id } = await submitted(clock);
    const [olga, omar] = [await officer('Olga'), await officer('Omar')];
    await claimRequest(db(), clock, { officer: olga, reference });
    const asked = await decideRequest(db(), clock, { officer: olga, reference, decision: { kind: 'more_info', question: 'Which card was lost?', followUpBy: 'email' } });
    expect(asked).toMatchObject({ ok: true, request: { status: 'more_info_needed', decidedBy: null } });
    const answered = await answerMoreInfo(db(), clock, { requester: applicant, reference, answer: 'My permanent resident card.' });
    expect(answered).toMatchObject({ ok: true, request: { status: 'submitted', claimedBy: null } });
    expect(await claimRequest(db(), clock, { officer: omar, reference })).toMatchObject({ ok: true });
    expect(await timeline(id)).toEqual(['submitted', 'claimed', 'more_info_requested', 'more_info_answered', 'claimed']);
  });

  it('can be cancelled by the requester while undecided, which frees the reason for a new request', async () => {
    const clock = start();
    const { reference, applicant } = await submitted(clock);
    expect(await cancelRequest(db(), clock, { requester: applicant, reference })).toMatchObject({ ok: true, request: { status: 'cancelled', openKey: null } });
    expect((await outcomesOf(reference)).map((n) => (n.payload as { outcome: string }).outcome)).toEqual(['cancelled']);
    expect(await cancelRequest(db(), clock, { requester: applicant, reference })).toEqual({ ok: false, error: 'closed', status: 'cancelled' });
    expect((await submitted(clock, applicant)).reference).not.toBe(reference);
  });

  it('can have its scheduled appointment cancelled by the requester while it is ahead, freeing the time', async () => {
    const clock = start();
    const { reference, applicant, office, id } = await submitted(clock);
    const olga = await officer('Olga');
    await claimRequest(db(), clock, { officer: olga, reference });
    await decideRequest(db(), clock, { officer: olga, reference, decision: { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z') } });
    clock.advance(MINUTE);
    // Two tabs: one cancellation, the other told it is closed.
    const [first, second] = await Promise.all([cancelRequest(db(), clock, { requester: applicant, reference }), cancelRequest(db(), clock, { requester: applicant, reference })]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const [appointment] = await db().select().from(appointments).where(eq(appointments.requestId, id));
    expect(appointment).toMatchObject({ status: 'cancelled', cancelledAt: clock.now() });
    expect(await timeline(id)).toEqual(['submitted', 'claimed', 'scheduled', 'cancelled']);
    expect((await outcomesOf(reference)).map((n) => (n.payload as { outcome: string }).outcome)).toEqual(['scheduled', 'cancelled']);
  });

  it('keeps an appointment that has already begun', async () => {
    const clock = start();
    const { reference, applicant, office } = await submitted(clock);
    const olga = await officer('Olga');
    await claimRequest(db(), clock, { officer: olga, reference });
    await decideRequest(db(), clock, { officer: olga, reference, decision: { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z') } });
    const later = fixedClock('2026-12-07T16:05:00Z');
    expect(await cancelRequest(db(), later, { requester: applicant, reference })).toEqual({ ok: false, error: 'closed', status: 'appointment_scheduled' });
  });

  it("answers another person's reference exactly like one that does not exist", async () => {
    const clock = start();
    const { reference } = await submitted(clock);
    const someoneElse = await createTestUser(db(), clock);
    expect(await cancelRequest(db(), clock, { requester: someoneElse, reference })).toEqual({ ok: false, error: 'not_found' });
    expect(await cancelRequest(db(), clock, { requester: someoneElse, reference: 'AR-0000-0000' })).toEqual({ ok: false, error: 'not_found' });
    expect(await answerMoreInfo(db(), clock, { requester: someoneElse, reference, answer: 'x' })).toEqual({ ok: false, error: 'not_found' });
  });
});

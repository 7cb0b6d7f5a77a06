import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { biometricSlots, type Asc } from '@/db/schema';
import { addTestAppointment, addTestAsc, addTestCase, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, fixedClock, HOUR } from '@/lib/clock';
import { ascListOperation, ascSlotsOperation, biometricsOperation, rescheduleOperation } from './biometrics-api';
import { apiTestClient } from './testing/api-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const db = () => getDb();
const clock = fixedClock('2026-12-03T15:00:00Z');
const at = (ms: number) => new Date(clock.now().getTime() + ms);
let made = 0;

async function slot(centre: Asc, startsAt: Date, capacity = 3, booked = 0) {
  const [row] = await db().insert(biometricSlots).values({ ascId: centre.id, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), capacity, booked }).returning();
  return row;
}

async function clientWithAppointment(centre: Asc, options: { startsIn?: number; rescheduleCount?: number } = {}) {
  const rita = await addTestRepresentative(db(), clock);
  const theCase = await addTestCase(db(), clock, { biometricsRequired: true });
  await linkTestCase(db(), clock, theCase, rita, 'representative');
  const booked = await slot(centre, at((options.startsIn ?? 5 * DAY) + made++ * 60_000), 1, 1);
  await addTestAppointment(db(), clock, { caseId: theCase.id, ascId: centre.id, slotId: booked.id, startsAt: booked.startsAt, status: 'scheduled', rescheduleCount: options.rescheduleCount ?? 0 });
  return { rita, theCase, booked };
}

describe('biometrics through the API', () => {
  it('reads a client’s appointment, finds centres and open times, reschedules with good cause, and says which rule stops it', async () => {
    const centre = await addTestAsc(db(), { code: 'PHXAPI' });
    const { rita, theCase, booked } = await clientWithAppointment(centre);
    const target = await slot(centre, at(10 * DAY));
    const api = await apiTestClient(db(), clock, rita);

    const before = await (await api.send(biometricsOperation, { params: { receipt: theCase.receiptNumber } })).json();
    expect(before).toMatchObject({ canReschedule: true, blockedBy: null, message: null, appointment: { startsAt: booked.startsAt.toISOString(), centre: { code: 'PHXAPI', timeZone: 'America/Phoenix' }, rescheduleCount: 0 } });

    const near = await (await api.send(ascListOperation, { path: '/ascs?zip=85004' })).json();
    expect(near.centres.map((c: { code: string }) => c.code)).toContain('PHXAPI');
    expect((await api.send(ascListOperation, { path: '/ascs?zip=abc' })).status).toBe(422);

    const weeks = await Promise.all([0, 1].map(async (week) => (await api.send(ascSlotsOperation, { path: `/ascs/PHXAPI/slots?week=${week}`, params: { code: 'phxapi' } })).json()));
    const open = weeks.flatMap((w) => w.days.flatMap((d: { slots: { id: number }[] }) => d.slots.map((s) => s.id)));
    expect(open).toContain(target.id);
    expect(open).not.toContain(booked.id); // full
    expect((await api.send(ascSlotsOperation, { path: '/ascs/NOPE/slots', params: { code: 'NOPE' } })).status).toBe(404);

    const moved = await api.send(rescheduleOperation, { path: '/x', json: { slotId: target.id, goodCause: 'planned_travel' }, params: { receipt: theCase.receiptNumber } });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ appointment: { startsAt: target.startsAt.toISOString(), rescheduleCount: 1 }, canReschedule: true });
    const [seat] = await db().select().from(biometricSlots).where(eq(biometricSlots.id, target.id));
    expect(seat.booked).toBe(1);

    const soon = await clientWithAppointment(centre, { startsIn: 11 * HOUR });
    const late = await (await apiTestClient(db(), clock, soon.rita)).send(rescheduleOperation, { path: '/x', json: { slotId: target.id, goodCause: 'illness' }, params: { receipt: soon.theCase.receiptNumber }, headers: { 'accept-language': 'es' } });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'reschedule-not-allowed', rule: 'too_late', detail: expect.stringMatching(/12 horas/) });
    const twice = await clientWithAppointment(centre, { rescheduleCount: 2 });
    const twiceApi = await apiTestClient(db(), clock, twice.rita);
    expect(await (await twiceApi.send(biometricsOperation, { params: { receipt: twice.theCase.receiptNumber } })).json()).toMatchObject({ canReschedule: false, blockedBy: 'twice_rescheduled' });
  });

  it('gives the last seat to one of two clients, and answers another representative’s case and bad input without a 5xx', async () => {
    const centre = await addTestAsc(db());
    const last = await slot(centre, at(20 * DAY), 1, 0);
    const first = await clientWithAppointment(centre);
    const second = await clientWithAppointment(centre);
    const [a, b] = await Promise.all([first, second].map((c) => apiTestClient(db(), clock, c.rita)));
    const answers = await Promise.all([
      a.send(rescheduleOperation, { path: '/x', json: { slotId: last.id, goodCause: 'illness' }, params: { receipt: first.theCase.receiptNumber } }),
      b.send(rescheduleOperation, { path: '/x', json: { slotId: last.id, goodCause: 'illness' }, params: { receipt: second.theCase.receiptNumber } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await answers.find((r) => r.status === 409)!.json()).toMatchObject({ code: 'slot-taken', errors: [{ pointer: '/slotId' }] });

    expect((await a.send(biometricsOperation, { params: { receipt: second.theCase.receiptNumber } })).status).toBe(404);
    expect((await a.send(rescheduleOperation, { path: '/x', json: { slotId: last.id, goodCause: 'illness' }, params: { receipt: second.theCase.receiptNumber } })).status).toBe(404);
    const bad = await a.send(rescheduleOperation, { path: '/x', json: { slotId: 'soon', goodCause: 'boredom' }, params: { receipt: first.theCase.receiptNumber } });
    expect(await bad.json()).toMatchObject({ status: 422, errors: [{ pointer: '/slotId' }, { pointer: '/goodCause', message: expect.stringContaining('planned_travel') }] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ slotId: fc.anything(), goodCause: fc.string() }).map((v) => JSON.stringify(v))), async (text) => {
        const answer = await a.send(rescheduleOperation, { method: 'POST', body: text, headers: { 'content-type': 'application/json' }, params: { receipt: first.theCase.receiptNumber } });
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appointments, auditLog, biometricSlots, notifications, type Asc, type Case, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestAppointment, addTestAsc, addTestCase, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, fixedClock, HOUR } from '@/lib/clock';
import { biometricsCalendarFor, biometricsNoticeFor } from './biometrics-documents';
import { openSlotsWeek } from './slots';
import { reminderKeyPrefix, rescheduleBiometrics } from './reschedule';

const db = () => getDb();
const clock = fixedClock('2026-12-03T15:00:00Z');
const at = (ms: number) => new Date(clock.now().getTime() + ms);
let made = 0;

async function slot(centre: Asc, startsAt: Date, capacity = 3, booked = 0) {
  const [row] = await db()
    .insert(biometricSlots)
    .values({ ascId: centre.id, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), capacity, booked })
    .returning();
  return row;
}

/** An applicant with a pending I-485 and a biometrics appointment on its own booked slot. */
async function applicantWithAppointment(centre: Asc, options: { startsIn?: number; rescheduleCount?: number; formType?: string } = {}) {
  const user = await createTestUser(db(), clock);
  const theCase = await addTestCase(db(), clock, { formType: options.formType ?? 'I-485', biometricsRequired: true, state: 'pending' });
  await linkTestCase(db(), clock, theCase, user, 'applicant');
  // Each person's own slot, a minute apart: a centre has one slot per start time.
  const booked = await slot(centre, at((options.startsIn ?? 5 * DAY) + made++ * 60_000), 1, 1);
  const appointment = await addTestAppointment(db(), clock, { caseId: theCase.id, ascId: centre.id, slotId: booked.id, startsAt: booked.startsAt, status: 'scheduled', rescheduleCount: options.rescheduleCount ?? 0 });
  return { user, theCase, appointment, oldSlot: booked };
}

const seatsOf = async (slotId: number) => (await db().select().from(biometricSlots).where(eq(biometricSlots.id, slotId)))[0].booked;
const reschedule = (user: User, theCase: Case, slotId: number) =>
  rescheduleBiometrics(db(), clock, { actor: user, receiptNumber: theCase.receiptNumber, slotId, goodCause: 'planned_travel', confirmBy: 'email' });

describe('rescheduling a biometrics appointment', () => {
  it('moves the seat, counts the reschedule, withdraws reminders for the old time, audits and confirms', async () => {
    const centre = await addTestAsc(db());
    const other = await addTestAsc(db(), { name: 'Honolulu ASC', timeZone: 'Pacific/Honolulu' });
    const { user, theCase, appointment, oldSlot } = await applicantWithAppointment(centre);
    const target = await slot(other, at(10 * DAY));
    await db().insert(notifications).values({
      channel: 'email', recipient: user.email, language: 'en', template: 'case-status-changed', payload: {},
      dedupeKey: `${reminderKeyPrefix(appointment.id)}${oldSlot.startsAt.getTime()}`, status: 'pending', nextAttemptAt: at(4 * DAY), createdAt: clock.now(),
    });

    const result = await reschedule(user, theCase, target.id);
    expect(result).toMatchObject({ ok: true, appointment: { slotId: target.id, ascId: other.id, rescheduleCount: 1, startsAt: target.startsAt }, asc: { name: 'Honolulu ASC' }, sentBy: 'email' });
    expect(await seatsOf(oldSlot.id)).toBe(0);
    expect(await seatsOf(target.id)).toBe(1);
    const [reminder] = await db().select().from(notifications).where(eq(notifications.dedupeKey, `${reminderKeyPrefix(appointment.id)}${oldSlot.startsAt.getTime()}`));
    expect(reminder.status).toBe('cancelled');
    const [confirmation] = await db().select().from(notifications).where(and(eq(notifications.template, 'biometrics-rescheduled'), eq(notifications.recipient, user.email)));
    expect(confirmation.payload).toMatchObject({ receiptNumber: theCase.receiptNumber, timeZone: 'Pacific/Honolulu', ascName: 'Honolulu ASC' });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'biometrics.reschedule'), eq(auditLog.objectId, theCase.receiptNumber)));
    expect(audit.detail).toMatchObject({ goodCause: 'planned_travel', to: { slotId: target.id } });
  });

  it('refuses with the rule: within 12 hours, after two reschedules, for an adoption form', async () => {
    const centre = await addTestAsc(db());
    const target = await slot(centre, at(10 * DAY));
    const soon = await applicantWithAppointment(centre, { startsIn: 11 * HOUR });
    expect(await reschedule(soon.user, soon.theCase, target.id)).toEqual({ ok: false, error: 'blocked', rule: 'too_late' });
    const twice = await applicantWithAppointment(centre, { rescheduleCount: 2 });
    expect(await reschedule(twice.user, twice.theCase, target.id)).toEqual({ ok: false, error: 'blocked', rule: 'twice_rescheduled' });
    const adoption = await applicantWithAppointment(centre, { formType: 'I-600A' });
    expect(await reschedule(adoption.user, adoption.theCase, target.id)).toEqual({ ok: false, error: 'blocked', rule: 'excluded_form' });
    expect(await seatsOf(target.id)).toBe(0);
  });

  it('refuses a time less than 24 hours ahead, a closed or full slot, and answers another person like a case that does not exist', async () => {
    const centre = await addTestAsc(db());
    const { user, theCase } = await applicantWithAppointment(centre);
    expect(await reschedule(user, theCase, (await slot(centre, at(20 * HOUR))).id)).toEqual({ ok: false, error: 'taken' });
    expect(await reschedule(user, theCase, (await slot(centre, at(6 * DAY), 2, 2)).id)).toEqual({ ok: false, error: 'taken' });
    const closed = await slot(centre, at(7 * DAY));
    await db().update(biometricSlots).set({ closed: true }).where(eq(biometricSlots.id, closed.id));
    expect(await reschedule(user, theCase, closed.id)).toEqual({ ok: false, error: 'taken' });
    expect(await reschedule(user, theCase, 999_999)).toEqual({ ok: false, error: 'invalid_slot' });
    const stranger = await createTestUser(db(), clock);
    expect(await reschedule(stranger, theCase, (await slot(centre, at(8 * DAY))).id)).toEqual({ ok: false, error: 'not_found' });
  });

  it('books once on a double submit', async () => {
    const centre = await addTestAsc(db());
    const { user, theCase } = await applicantWithAppointment(centre);
    const target = await slot(centre, at(9 * DAY), 5);
    const results = await Promise.all([reschedule(user, theCase, target.id), reschedule(user, theCase, target.id)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await seatsOf(target.id)).toBe(1);
    const [moved] = await db().select().from(appointments).where(eq(appointments.caseId, theCase.id));
    expect(moved.rescheduleCount).toBe(1);
  });

  it("lets a linked representative do it for a client and tells the applicant; the notice and calendar file are for them only", async () => {
    const centre = await addTestAsc(db());
    const { user: applicant, theCase } = await applicantWithAppointment(centre);
    const representative = await addTestRepresentative(db(), clock);
    await linkTestCase(db(), clock, theCase, representative, 'representative');
    const target = await slot(centre, at(12 * DAY));
    expect(await reschedule(representative, theCase, target.id)).toMatchObject({ ok: true });
    const [told] = await db().select().from(notifications).where(and(eq(notifications.template, 'biometrics-rescheduled'), eq(notifications.recipient, applicant.email)));
    expect(told.payload).toMatchObject({ byRepresentative: true });

    const options = { now: clock.now(), portalUrl: 'https://portal.example' };
    const notice = await biometricsNoticeFor(db(), applicant, theCase.receiptNumber, 'es', options);
    expect(notice).toMatchObject({ contentType: 'application/pdf', filename: `biometrics-${theCase.receiptNumber}.pdf` });
    const calendar = await biometricsCalendarFor(db(), representative, theCase.receiptNumber, 'en', options);
    expect(String(calendar?.body)).toContain('TZID=America/Phoenix');
    const stranger = await createTestUser(db(), clock);
    expect(await biometricsNoticeFor(db(), stranger, theCase.receiptNumber, 'en', options)).toBeNull();
  });

  it('never oversells: 200 people race for the last 5 seats, 5 win, 195 are told the time was just taken (20 rounds)', async () => {
    const centre = await addTestAsc(db());
    const people = [];
    for (let i = 0; i < 200; i++) people.push(await applicantWithAppointment(centre));
    for (let round = 0; round < 20; round++) {
      // Everyone may reschedule again: the race, not the two-reschedule rule, decides each round.
      await db().update(appointments).set({ rescheduleCount: 0 }).where(eq(appointments.ascId, centre.id));
      const lastSeats = await slot(centre, at(15 * DAY + round * HOUR), 40, 35);
      const results = await Promise.all(people.map(({ user, theCase }) => reschedule(user, theCase, lastSeats.id)));
      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(5);
      expect(results.filter((r) => !r.ok && r.error === 'taken'), `round ${round}`).toHaveLength(195);
    }
    // Every slot's count is the appointments on it (the 35 seats booked before each round's slot are not ours), never above capacity.
    const rows = await db().select().from(biometricSlots).where(eq(biometricSlots.ascId, centre.id));
    const held = new Map<number, number>();
    for (const booking of await db().select({ slotId: appointments.slotId }).from(appointments).where(eq(appointments.status, 'scheduled'))) {
      if (booking.slotId !== null) held.set(booking.slotId, (held.get(booking.slotId) ?? 0) + 1);
    }
    for (const row of rows) {
      expect(row.booked).toBeLessThanOrEqual(row.capacity);
      expect((held.get(row.id) ?? 0) + (row.capacity === 40 ? 35 : 0)).toBe(row.booked);
    }
  }, 120_000);

  it("lists open times a week at a time by the centre's own days, across a daylight-saving change", async () => {
    const centre = await addTestAsc(db(), { name: 'New York ASC', timeZone: 'America/New_York' });
    const monday = new Date('2026-11-02T14:00:00Z'); // 9:00 EST, the day after the clocks went back
    const friday = new Date('2026-10-30T13:00:00Z'); // 9:00 EDT
    const lateFriday = new Date('2026-10-31T03:30:00Z'); // 23:30 EDT on Friday, already Saturday in UTC
    for (const startsAt of [friday, lateFriday, monday]) await slot(centre, startsAt);
    await slot(centre, new Date('2026-10-29T13:00:00Z'), 2, 2); // full
    const asOf = new Date('2026-10-28T12:00:00Z');
    const week = await openSlotsWeek(db(), asOf, centre.id, 0);
    const shown = Object.fromEntries(week!.days.map((day) => [day.date, day.slots.map((open) => open.startsAt.toISOString())]));
    expect(week!.days[0].date).toBe('2026-10-29');
    expect(shown['2026-10-29']).toEqual([]);
    expect(shown['2026-10-30']).toEqual([friday.toISOString(), lateFriday.toISOString()]);
    expect(shown['2026-11-02']).toEqual([monday.toISOString()]);
    expect(week!.weekCount).toBe(13);
    expect((await openSlotsWeek(db(), asOf, centre.id, 1))!.days[0].date).toBe('2026-11-05');
  });

  it('lets two people swap times at once without either failing', async () => {
    const centre = await addTestAsc(db());
    for (let round = 0; round < 10; round++) {
      const ana = await applicantWithAppointment(centre);
      const ben = await applicantWithAppointment(centre);
      // Room for one more at each of their times.
      await db().update(biometricSlots).set({ capacity: 2 }).where(eq(biometricSlots.id, ana.oldSlot.id));
      await db().update(biometricSlots).set({ capacity: 2 }).where(eq(biometricSlots.id, ben.oldSlot.id));
      const results = await Promise.all([reschedule(ana.user, ana.theCase, ben.oldSlot.id), reschedule(ben.user, ben.theCase, ana.oldSlot.id)]);
      expect(results.map((r) => r.ok), `round ${round}`).toEqual([true, true]);
      expect(await seatsOf(ana.oldSlot.id)).toBe(1);
      expect(await seatsOf(ben.oldSlot.id)).toBe(1);
    }
  });
});

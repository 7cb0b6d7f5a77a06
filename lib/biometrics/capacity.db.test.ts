import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, biometricSlots, type Asc } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestAsc } from '@/lib/cases/testing/case-fixtures';
import { fixedClock } from '@/lib/clock';
import { capacityWeek, setDayClosed, setSlotCapacity } from './capacity';

const db = () => getDb();
const clock = fixedClock('2026-10-20T15:00:00Z');

async function slot(centre: Asc, startsAt: string, capacity = 4, booked = 0) {
  const at = new Date(startsAt);
  const [row] = await db().insert(biometricSlots).values({ ascId: centre.id, startsAt: at, endsAt: new Date(at.getTime() + 900_000), capacity, booked }).returning();
  return row;
}

describe("managing a centre's capacity", () => {
  it("closes and opens only that local day, across the fall daylight-saving change, keeping the booked seats", async () => {
    const supervisor = await createTestUser(db(), clock, { role: 'supervisor' });
    const centre = await addTestAsc(db(), { name: 'New York ASC', timeZone: 'America/New_York' });
    const saturdayNight = await slot(centre, '2026-11-01T03:30:00Z', 4, 2); // Oct 31, 23:30 EDT
    const sundayEarly = await slot(centre, '2026-11-01T04:30:00Z'); // Nov 1, 00:30 EDT
    const sundayLate = await slot(centre, '2026-11-02T04:30:00Z'); // Nov 1, 23:30 EST (a 25-hour day)
    const monday = await slot(centre, '2026-11-02T05:30:00Z'); // Nov 2, 00:30 EST
    expect(await setDayClosed(db(), clock, { supervisor, ascId: centre.id, date: '2026-11-01', closed: true })).toEqual({ ok: true, slots: 2 });
    const closed = async (id: number) => (await db().select().from(biometricSlots).where(eq(biometricSlots.id, id)))[0];
    expect((await closed(sundayEarly.id)).closed).toBe(true);
    expect((await closed(sundayLate.id)).closed).toBe(true);
    expect((await closed(saturdayNight.id)).closed).toBe(false);
    expect((await closed(monday.id)).closed).toBe(false);
    expect((await closed(saturdayNight.id)).booked).toBe(2);

    const week = await capacityWeek(db(), centre.id, '2026-10-26');
    expect(week?.days.find((day) => day.date === '2026-11-01')).toMatchObject({ closed: true });
    expect(week?.days.find((day) => day.date === '2026-10-31')?.slots.map((s) => s.id)).toEqual([saturdayNight.id]);

    expect(await setDayClosed(db(), clock, { supervisor, ascId: centre.id, date: '2026-11-01', closed: false })).toEqual({ ok: true, slots: 2 });
    expect((await closed(sundayLate.id)).closed).toBe(false);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.objectType, 'asc'), eq(auditLog.objectId, centre.code)));
    expect(audits.map((a) => a.action)).toEqual(['capacity.close_day', 'capacity.open_day']);
  });

  it('closes a day in Phoenix by its own midnight (no daylight-saving time)', async () => {
    const supervisor = await createTestUser(db(), clock, { role: 'supervisor' });
    const centre = await addTestAsc(db());
    const late = await slot(centre, '2026-11-02T06:30:00Z'); // Nov 1, 23:30 MST
    const next = await slot(centre, '2026-11-02T07:30:00Z'); // Nov 2, 00:30 MST
    expect(await setDayClosed(db(), clock, { supervisor, ascId: centre.id, date: '2026-11-02', closed: true })).toEqual({ ok: true, slots: 1 });
    expect((await db().select().from(biometricSlots).where(eq(biometricSlots.id, next.id)))[0].closed).toBe(true);
    expect((await db().select().from(biometricSlots).where(eq(biometricSlots.id, late.id)))[0].closed).toBe(false);
  });

  it('never sets a capacity below the seats booked, even when two supervisors change it at once', async () => {
    const supervisor = await createTestUser(db(), clock, { role: 'supervisor' });
    const centre = await addTestAsc(db());
    const busy = await slot(centre, '2026-11-10T16:00:00Z', 5, 3);
    expect(await setSlotCapacity(db(), clock, { supervisor, slotId: busy.id, capacity: 2 })).toEqual({ ok: false, error: 'below_booked', booked: 3 });
    expect(await setSlotCapacity(db(), clock, { supervisor, slotId: busy.id, capacity: -1 })).toEqual({ ok: false, error: 'invalid' });
    expect(await setSlotCapacity(db(), clock, { supervisor, slotId: 999_999, capacity: 3 })).toEqual({ ok: false, error: 'not_found' });
    const results = await Promise.all([3, 8].map((capacity) => setSlotCapacity(db(), clock, { supervisor, slotId: busy.id, capacity })));
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const [row] = await db().select().from(biometricSlots).where(eq(biometricSlots.id, busy.id));
    expect([3, 8]).toContain(row.capacity);
    expect(row.booked).toBeLessThanOrEqual(row.capacity);
  });
});

/**
 * Supervisors manage the seats of the centres (spec §6): close or open a day at a centre (its slots
 * take no new bookings; people already booked keep their seats), and change a slot's capacity, never
 * below the seats already booked. Each change is one conditional UPDATE, atomic on both stores even
 * while people are booking, and audited.
 */
import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ascs, biometricSlots, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { addDays, isIsoDate } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { startOfLocalDay } from './slots';

export const MAX_SLOT_CAPACITY = 100;
const WEEK_DAYS = 7;

/** A centre's week as its supervisor sees it: each local day with its slots, seats and whether it is closed. */
export async function capacityWeek(db: DbOrTx, ascId: number, weekStart: string) {
  const [centre] = await db.select().from(ascs).where(eq(ascs.id, ascId));
  if (!centre || !isIsoDate(weekStart)) return null;
  const dates = Array.from({ length: WEEK_DAYS }, (_, index) => addDays(weekStart, index));
  const rows = await db
    .select()
    .from(biometricSlots)
    .where(
      and(
        eq(biometricSlots.ascId, centre.id),
        gte(biometricSlots.startsAt, startOfLocalDay(weekStart, centre.timeZone)),
        lt(biometricSlots.startsAt, startOfLocalDay(addDays(weekStart, WEEK_DAYS), centre.timeZone)),
      ),
    )
    .orderBy(asc(biometricSlots.startsAt));
  const days = dates.map((date) => {
    const from = startOfLocalDay(date, centre.timeZone).getTime();
    const to = startOfLocalDay(addDays(date, 1), centre.timeZone).getTime();
    const slots = rows.filter((slot) => slot.startsAt.getTime() >= from && slot.startsAt.getTime() < to);
    return { date, slots, closed: slots.length > 0 && slots.every((slot) => slot.closed) };
  });
  return { asc: centre, days };
}

type Supervisor = Pick<User, 'id' | 'role'>;

/** Closes (or opens) every slot of a centre's local day. Answers how many slots it changed; 0 when the centre or day has none. */
export async function setDayClosed(
  db: DbOrTx,
  clock: Clock,
  input: { supervisor: Supervisor; ascId: number; date: string; closed: boolean; requestId?: string | null },
): Promise<{ ok: true; slots: number } | { ok: false; error: 'not_found' }> {
  const [centre] = await db.select().from(ascs).where(eq(ascs.id, input.ascId));
  if (!centre || !isIsoDate(input.date)) return { ok: false, error: 'not_found' };
  const changed = await db
    .update(biometricSlots)
    .set({ closed: input.closed })
    .where(
      and(
        eq(biometricSlots.ascId, centre.id),
        gte(biometricSlots.startsAt, startOfLocalDay(input.date, centre.timeZone)),
        lt(biometricSlots.startsAt, startOfLocalDay(addDays(input.date, 1), centre.timeZone)),
      ),
    )
    .returning({ id: biometricSlots.id });
  await recordAudit(db, clock, {
    actor: { id: input.supervisor.id, role: input.supervisor.role },
    action: input.closed ? 'capacity.close_day' : 'capacity.open_day',
    objectType: 'asc',
    objectId: centre.code,
    outcome: 'success',
    detail: { date: input.date, slots: changed.length },
    requestId: input.requestId,
  });
  return { ok: true, slots: changed.length };
}

/** A slot's new capacity: refused below the seats already booked (read as they are at that moment). */
export async function setSlotCapacity(
  db: DbOrTx,
  clock: Clock,
  input: { supervisor: Supervisor; slotId: number; capacity: number; requestId?: string | null },
): Promise<{ ok: true } | { ok: false; error: 'not_found' } | { ok: false; error: 'invalid' } | { ok: false; error: 'below_booked'; booked: number }> {
  if (!Number.isSafeInteger(input.capacity) || input.capacity < 0 || input.capacity > MAX_SLOT_CAPACITY) return { ok: false, error: 'invalid' };
  const [changed] = await db
    .update(biometricSlots)
    .set({ capacity: input.capacity })
    .where(and(eq(biometricSlots.id, input.slotId), lte(biometricSlots.booked, input.capacity)))
    .returning();
  if (!changed) {
    const [slot] = await db.select({ booked: biometricSlots.booked }).from(biometricSlots).where(eq(biometricSlots.id, input.slotId));
    return slot ? { ok: false, error: 'below_booked', booked: slot.booked } : { ok: false, error: 'not_found' };
  }
  await recordAudit(db, clock, {
    actor: { id: input.supervisor.id, role: input.supervisor.role },
    action: 'capacity.set',
    objectType: 'biometric_slot',
    objectId: String(changed.id),
    outcome: 'success',
    detail: { capacity: input.capacity },
    requestId: input.requestId,
  });
  return { ok: true };
}

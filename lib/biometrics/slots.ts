/**
 * The open times of a centre (spec §6): seats left, not closed, from 24 hours to 90 days ahead, a
 * week of the centre's own calendar days at a time, each day in the centre's time zone (so a day is
 * 23 or 25 hours long when the clocks change, and Phoenix, Honolulu and San Juan never change).
 */
import { TZDate } from '@date-fns/tz';
import { and, asc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ascs, biometricSlots, type Asc } from '@/db/schema';
import { addDays, isoDateInZone } from '@/lib/calendar/iso-date';
import { DAY, HOUR } from '@/lib/clock';

export const BOOKING_MIN_LEAD_MS = 24 * HOUR;
export const BOOKING_HORIZON_DAYS = 90;
const WEEK_DAYS = 7;

/** The instant a calendar day begins in a zone. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, day, 0, 0, 0, 0, timeZone).getTime());
}

/** The window a new booking must start in, as of `now`. */
export function bookableWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() + BOOKING_MIN_LEAD_MS), to: new Date(now.getTime() + BOOKING_HORIZON_DAYS * DAY) };
}

export interface OpenSlot {
  id: number;
  startsAt: Date;
  endsAt: Date;
  seatsLeft: number;
}

export async function openSlotsWeek(
  db: DbOrTx,
  now: Date,
  ascId: number,
  week: number,
): Promise<{ asc: Asc; week: number; weekCount: number; days: { date: string; slots: OpenSlot[] }[] } | null> {
  const [centre] = await db.select().from(ascs).where(eq(ascs.id, ascId));
  if (!centre) return null;
  const window = bookableWindow(now);
  const firstDay = isoDateInZone(window.from, centre.timeZone);
  const lastDay = isoDateInZone(window.to, centre.timeZone);
  const dayCount = Math.round((startOfLocalDay(lastDay, 'UTC').getTime() - startOfLocalDay(firstDay, 'UTC').getTime()) / DAY) + 1;
  const weekCount = Math.ceil(dayCount / WEEK_DAYS);
  const shown = Math.min(Math.max(0, week), weekCount - 1);
  const weekStart = addDays(firstDay, shown * WEEK_DAYS);
  const dates = Array.from({ length: WEEK_DAYS }, (_, index) => addDays(weekStart, index)).filter((date) => date <= lastDay);
  const rows = await db
    .select({ id: biometricSlots.id, startsAt: biometricSlots.startsAt, endsAt: biometricSlots.endsAt, capacity: biometricSlots.capacity, booked: biometricSlots.booked })
    .from(biometricSlots)
    .where(
      and(
        eq(biometricSlots.ascId, centre.id),
        gte(biometricSlots.startsAt, startOfLocalDay(weekStart, centre.timeZone)),
        lt(biometricSlots.startsAt, startOfLocalDay(addDays(weekStart, WEEK_DAYS), centre.timeZone)),
        gt(biometricSlots.startsAt, window.from),
        lte(biometricSlots.startsAt, window.to),
        eq(biometricSlots.closed, false),
        lt(biometricSlots.booked, sql`${biometricSlots.capacity}`),
      ),
    )
    .orderBy(asc(biometricSlots.startsAt));
  const byDay = new Map<string, OpenSlot[]>(dates.map((date) => [date, []]));
  for (const row of rows) {
    byDay.get(isoDateInZone(row.startsAt, centre.timeZone))?.push({ id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, seatsLeft: row.capacity - row.booked });
  }
  return { asc: centre, week: shown, weekCount, days: [...byDay].map(([date, slots]) => ({ date, slots })) };
}

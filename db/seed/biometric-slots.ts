/**
 * Biometrics time slots an ASC publishes: weekdays that are not federal holidays, every half hour
 * of its opening hours in its own time zone. Each slot is computed from the local wall-clock time
 * with @date-fns/tz and stored as a UTC instant, so a slot stays at 8:00 local on both sides of a
 * daylight-saving change (and Arizona, Hawaii and Puerto Rico, which do not change, stay put).
 */
import { TZDate } from '@date-fns/tz';
import { isFederalHoliday } from '@/lib/calendar/federal-holidays';
import { addDays, isoDateInZone, isWeekend } from '@/lib/calendar/iso-date';
import type { Random } from './random';

export interface SlotHours {
  /** Local opening time, minutes after midnight. */
  opensAt: number;
  /** Local closing time: the last slot ends then. */
  closesAt: number;
  slotMinutes: number;
}

export const ASC_HOURS: SlotHours = { opensAt: 8 * 60, closesAt: 16 * 60, slotMinutes: 30 };

export interface PlannedSlot {
  startsAt: Date;
  endsAt: Date;
  /** Local date and time, for finding a slot again (YYYY-MM-DD, HH:MM). */
  localDate: string;
  localTime: string;
  capacity: number;
}

/** The instant of a local wall-clock time in a zone. */
export function localInstant(isoDate: string, minutesAfterMidnight: number, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const local = new TZDate(y, m - 1, d, Math.floor(minutesAfterMidnight / 60), minutesAfterMidnight % 60, 0, 0, timeZone);
  return new Date(local.getTime());
}

/** The days on which an ASC opens, from the day after today (local) through `days` days ahead. */
export function openingDays(now: Date, timeZone: string, days: number): string[] {
  const today = isoDateInZone(now, timeZone);
  const result: string[] = [];
  for (let i = 1; i <= days; i++) {
    const day = addDays(today, i);
    if (!isWeekend(day) && !isFederalHoliday(day)) result.push(day);
  }
  return result;
}

export function planSlots(
  now: Date,
  timeZone: string,
  seats: number,
  random: Random,
  { days = 90, hours = ASC_HOURS }: { days?: number; hours?: SlotHours } = {},
): PlannedSlot[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const slots: PlannedSlot[] = [];
  for (const day of openingDays(now, timeZone, days)) {
    for (let start = hours.opensAt; start + hours.slotMinutes <= hours.closesAt; start += hours.slotMinutes) {
      slots.push({
        startsAt: localInstant(day, start, timeZone),
        endsAt: localInstant(day, start + hours.slotMinutes, timeZone),
        localDate: day,
        localTime: `${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
        // Staffing varies from slot to slot; published capacity stays within 2–6 seats.
        capacity: Math.min(6, Math.max(2, seats + random.int(-1, 1))),
      });
    }
  }
  return slots;
}

/**
 * Biometrics appointments for the journeys: a case's appointment booked straight into the store on
 * a seeded slot (its seat counted), as the case system would have booked it.
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { appointments, ascs, biometricSlots, type Case } from '@/db/schema';
import { e2eStore } from './accounts';

const DAY_MS = 86_400_000;

/** An appointment at `startsAt` outside the published slots (one the case system booked by hand), for rules about its time. */
export async function biometricsAt(theCase: Case, options: { ascCode: string; startsAt: Date }): Promise<void> {
  const { db } = e2eStore();
  const [centre] = await db.select().from(ascs).where(eq(ascs.code, options.ascCode));
  await db.insert(appointments).values({
    kind: 'biometrics',
    caseId: theCase.id,
    ascId: centre.id,
    startsAt: options.startsAt,
    endsAt: new Date(options.startsAt.getTime() + 15 * 60_000),
    status: 'scheduled',
    createdAt: new Date(),
  });
}

/** Books the first slot with room at the centre `ascCode` from `from` on; returns the slot's start. */
export async function bookBiometrics(theCase: Case, options: { ascCode: string; from: Date; rescheduleCount?: number }): Promise<Date> {
  const { db } = e2eStore();
  const [centre] = await db.select().from(ascs).where(eq(ascs.code, options.ascCode));
  const [slot] = await db
    .select()
    .from(biometricSlots)
    .where(and(eq(biometricSlots.ascId, centre.id), gt(biometricSlots.startsAt, options.from), lt(biometricSlots.booked, biometricSlots.capacity), lt(biometricSlots.startsAt, new Date(options.from.getTime() + 30 * DAY_MS))))
    .orderBy(asc(biometricSlots.startsAt))
    .limit(1);
  await db.update(biometricSlots).set({ booked: sql`${biometricSlots.booked} + 1` }).where(eq(biometricSlots.id, slot.id));
  await db.insert(appointments).values({
    kind: 'biometrics',
    caseId: theCase.id,
    ascId: centre.id,
    slotId: slot.id,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: 'scheduled',
    rescheduleCount: options.rescheduleCount ?? 0,
    createdAt: new Date(),
  });
  return slot.startsAt;
}

/** Reading a case's biometrics appointment, with the centre where it is. */
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { appointments, ascs, type Appointment, type Asc } from '@/db/schema';

/** The case's scheduled biometrics appointment (the latest booked) and its centre, or null. */
export async function biometricsAppointmentOf(db: DbOrTx, caseId: number): Promise<{ appointment: Appointment; asc: Asc } | null> {
  const [row] = await db
    .select({ appointment: appointments, asc: ascs })
    .from(appointments)
    .innerJoin(ascs, eq(ascs.id, appointments.ascId))
    .where(and(eq(appointments.caseId, caseId), eq(appointments.kind, 'biometrics'), eq(appointments.status, 'scheduled')))
    .orderBy(desc(appointments.startsAt), desc(appointments.id))
    .limit(1);
  return row ?? null;
}

/**
 * Rescheduling a biometrics appointment (spec §6): one transaction on both stores. The new seat is
 * taken by a conditional UPDATE (only while the slot has room, is open and is in the bookable
 * window), the appointment moves only from where the person saw it (its slot and reschedule count),
 * the old seat is freed, reminders queued for the old time are withdrawn, and the audit entry and the
 * confirmation are written with it. Of many people racing for the last seat exactly one wins; the
 * others are told it was taken and nothing of theirs changes. A double submit books once.
 */
import { and, eq, gt, isNull, like, lt, lte, sql } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { appointments, biometricSlots, caseLinks, notifications, users, type Appointment, type Asc, type User } from '@/db/schema';
import { queueCaseEvent } from '@/lib/api/webhooks/webhooks';
import { recordAudit } from '@/lib/audit/record-audit';
import { caseForViewer } from '@/lib/cases/case-views';
import type { Clock } from '@/lib/clock';
import { textingOffered } from '@/lib/notifications/config';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { reserveText } from '@/lib/notifications/text-limits';
import { biometricsAppointmentOf } from './biometrics-views';
import { rescheduleBlock, type RescheduleBlock } from './eligibility';
import type { GoodCause } from './good-causes';
import { bookableWindow } from './slots';

export type RescheduleResult =
  | { ok: true; appointment: Appointment; asc: Asc; sentBy: 'email' | 'text' }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'blocked'; rule: RescheduleBlock }
  | { ok: false; error: 'taken' }
  | { ok: false; error: 'invalid_slot' };

/** The appointment moved under us (another tab or a double submit): the transaction is undone and the outcome re-read. */
class MovedMeanwhile extends Error {}
/** The chosen time has no seat for us (taken, closed or out of the window): the transaction is undone. */
class NoSeat extends Error {}

/** Reminders of an appointment are queued with keys that begin with this, so a move can withdraw them. */
export const reminderKeyPrefix = (appointmentId: number) => `biometrics-reminder:${appointmentId}:`;

export async function rescheduleBiometrics(
  db: Db,
  clock: Clock,
  input: { actor: User; receiptNumber: string; slotId: number; goodCause: GoodCause; confirmBy: 'email' | 'text'; requestId?: string | null },
): Promise<RescheduleResult> {
  const theCase = await caseForViewer(db, input.actor, input.receiptNumber);
  if (!theCase) return { ok: false, error: 'not_found' };
  try {
    return await transaction(db, async (tx): Promise<RescheduleResult> => {
      const now = clock.now();
      const found = await biometricsAppointmentOf(tx, theCase.id);
      // Already at that time (a second click that came after the first had finished): done, once.
      if (found && found.appointment.slotId === input.slotId) return { ok: true, appointment: found.appointment, asc: found.asc, sentBy: input.confirmBy };
      const rule = rescheduleBlock(theCase, found?.appointment ?? null, now);
      if (rule || !found) return { ok: false, error: 'blocked', rule: rule ?? 'no_appointment' };
      const { appointment: old, asc: oldAsc } = found;

      const window = bookableWindow(now);
      // The seats are locked in one order (ascending slot id) by everyone, so two people swapping
      // times cannot wait on each other (a deadlock on Postgres would fail one of them).
      const takeNewSeat = async () => {
        const [taken] = await tx
          .update(biometricSlots)
          .set({ booked: sql`${biometricSlots.booked} + 1` })
          .where(
            and(
              eq(biometricSlots.id, input.slotId),
              lt(biometricSlots.booked, sql`${biometricSlots.capacity}`),
              eq(biometricSlots.closed, false),
              gt(biometricSlots.startsAt, window.from),
              lte(biometricSlots.startsAt, window.to),
            ),
          )
          .returning();
        // No seat: undo whatever this transaction did (the old seat may already be freed).
        if (!taken) throw new NoSeat();
        return taken;
      };
      const freeOldSeat = async () => {
        if (old.slotId === null) return;
        await tx
          .update(biometricSlots)
          .set({ booked: sql`${biometricSlots.booked} - 1` })
          .where(and(eq(biometricSlots.id, old.slotId), gt(biometricSlots.booked, 0)));
      };
      let slot;
      if (old.slotId !== null && old.slotId < input.slotId) {
        await freeOldSeat();
        slot = await takeNewSeat();
      } else {
        slot = await takeNewSeat();
        await freeOldSeat();
      }

      const [moved] = await tx
        .update(appointments)
        .set({ slotId: slot.id, ascId: slot.ascId, startsAt: slot.startsAt, endsAt: slot.endsAt, rescheduleCount: old.rescheduleCount + 1 })
        .where(
          and(
            eq(appointments.id, old.id),
            eq(appointments.status, 'scheduled'),
            eq(appointments.rescheduleCount, old.rescheduleCount),
            old.slotId === null ? isNull(appointments.slotId) : eq(appointments.slotId, old.slotId),
          ),
        )
        .returning();
      if (!moved) throw new MovedMeanwhile();
      // Reminders for the old time must not go out.
      await tx
        .update(notifications)
        .set({ status: 'cancelled' })
        .where(and(eq(notifications.status, 'pending'), like(notifications.dedupeKey, `${reminderKeyPrefix(old.id)}%`)));

      const newAsc = slot.ascId === oldAsc.id ? oldAsc : (await biometricsAppointmentOf(tx, theCase.id))!.asc;
      await queueCaseEvent(tx, clock, theCase.id, 'appointment.changed', { receiptNumber: theCase.receiptNumber, kind: 'biometrics', startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), centre: { code: newAsc.code, name: newAsc.name } });
      await recordAudit(tx, clock, {
        actor: { id: input.actor.id, role: input.actor.role },
        action: 'biometrics.reschedule',
        objectType: 'case',
        objectId: theCase.receiptNumber,
        outcome: 'success',
        detail: { goodCause: input.goodCause, from: { ascId: oldAsc.id, slotId: old.slotId, startsAt: old.startsAt.toISOString() }, to: { ascId: newAsc.id, slotId: slot.id, startsAt: slot.startsAt.toISOString() } },
        requestId: input.requestId,
      });

      const payload = {
        receiptNumber: theCase.receiptNumber,
        startsAt: slot.startsAt.toISOString(),
        timeZone: newAsc.timeZone,
        ascName: newAsc.name,
        address: `${newAsc.street}, ${newAsc.city}, ${newAsc.state} ${newAsc.zip}`,
        byRepresentative: false,
      };
      const key = `biometrics-rescheduled:${moved.id}:${moved.rescheduleCount}`;
      // By text when chosen and possible (a provider, a phone, the text limits); otherwise by email.
      const byText =
        input.confirmBy === 'text' && textingOffered() && input.actor.phone !== null && (await reserveText(tx, clock, { accountId: input.actor.id, phone: input.actor.phone })).ok;
      await enqueueNotification(tx, clock, {
        channel: byText ? 'sms' : 'email',
        recipient: byText ? input.actor.phone! : input.actor.email,
        language: input.actor.preferredLanguage,
        template: 'biometrics-rescheduled',
        payload,
        dedupeKey: `${key}:actor`,
      });
      // A representative acted: the applicant is told too, by email, if they have an account on the case.
      if (input.actor.role === 'representative') {
        const [applicant] = await tx
          .select({ id: users.id, email: users.email, language: users.preferredLanguage })
          .from(caseLinks)
          .innerJoin(users, eq(users.id, caseLinks.userId))
          .where(and(eq(caseLinks.caseId, theCase.id), eq(caseLinks.role, 'applicant'), isNull(caseLinks.endedAt)));
        if (applicant) {
          await enqueueNotification(tx, clock, {
            channel: 'email',
            recipient: applicant.email,
            language: applicant.language,
            template: 'biometrics-rescheduled',
            payload: { ...payload, byRepresentative: true },
            dedupeKey: `${key}:applicant`,
          });
        }
      }
      return { ok: true, appointment: moved, asc: newAsc, sentBy: byText ? 'text' : 'email' };
    });
  } catch (error) {
    if (error instanceof NoSeat) {
      const [exists] = await db.select({ id: biometricSlots.id }).from(biometricSlots).where(eq(biometricSlots.id, input.slotId));
      return { ok: false, error: exists ? 'taken' : 'invalid_slot' };
    }
    if (!(error instanceof MovedMeanwhile)) throw error;
    // Someone (often this same person, a second click) moved it first: the same booking reads as done.
    const now = await biometricsAppointmentOf(db, theCase.id);
    if (now && now.appointment.slotId === input.slotId) return { ok: true, appointment: now.appointment, asc: now.asc, sentBy: input.confirmBy };
    return { ok: false, error: 'taken' };
  }
}

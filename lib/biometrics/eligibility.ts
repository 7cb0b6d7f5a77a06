/**
 * Whether a biometrics appointment may be rescheduled online now (spec §6, after USCIS), and if not,
 * the one rule that stops it, checked in this order so the person is told the first that applies.
 */
import type { Case } from '@/db/schema';
import { HOUR } from '@/lib/clock';

export type RescheduleBlock = 'no_biometrics' | 'not_pending' | 'excluded_form' | 'no_appointment' | 'too_late' | 'twice_rescheduled';

/** Intercountry adoption forms: their biometrics are arranged by the agency, never online. */
export const EXCLUDED_FORMS: readonly string[] = ['I-600', 'I-600A', 'I-800', 'I-800A'];
/** Up to 12 hours before the appointment the centre has planned its day: no more changes online. */
export const RESCHEDULE_CUTOFF_MS = 12 * HOUR;
export const MAX_RESCHEDULES = 2;

export function rescheduleBlock(
  theCase: Pick<Case, 'formType' | 'state' | 'biometricsRequired'>,
  appointment: { startsAt: Date; rescheduleCount: number } | null,
  now: Date,
): RescheduleBlock | null {
  if (!theCase.biometricsRequired) return 'no_biometrics';
  if (theCase.state !== 'pending') return 'not_pending';
  if (EXCLUDED_FORMS.includes(theCase.formType)) return 'excluded_form';
  if (!appointment) return 'no_appointment';
  if (appointment.startsAt.getTime() - now.getTime() <= RESCHEDULE_CUTOFF_MS) return 'too_late';
  if (appointment.rescheduleCount >= MAX_RESCHEDULES) return 'twice_rescheduled';
  return null;
}

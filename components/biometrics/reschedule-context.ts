import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { biometricsAppointmentOf } from '@/lib/biometrics/biometrics-views';
import { rescheduleBlock } from '@/lib/biometrics/eligibility';
import { firstOpenStep, reschedulePath, rescheduleDraft, stepIndex, type RescheduleStep } from '@/lib/biometrics/reschedule-flow';
import { requireArea } from '@/lib/auth/current-user';
import { caseForViewer } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

/**
 * What every reschedule page starts from: the signed-in person, the case (the same "not found" as a
 * receipt number that does not exist when it is not theirs), its biometrics appointment, and the
 * rule that stops rescheduling, if any.
 */
export async function caseBiometrics(receipt: string) {
  const { user } = await requireArea('cases');
  const receiptNumber = normaliseReceiptNumber(receipt);
  const db = getDb();
  const theCase = receiptNumber ? await caseForViewer(db, user, receiptNumber) : null;
  if (!theCase) notFound();
  const found = await biometricsAppointmentOf(db, theCase.id);
  const block = rescheduleBlock(theCase, found?.appointment ?? null, systemClock.now());
  return { user, db, theCase, found, block };
}

/**
 * A step of the flow: only while rescheduling is allowed (otherwise the appointment's page, which
 * says why), and only once the steps before it are answered (otherwise the first that is not).
 */
export async function rescheduleStep(locale: Locale, receipt: string, step: RescheduleStep) {
  const context = await caseBiometrics(receipt);
  const { theCase, found, block, db, user } = context;
  if (block || !found) redirect({ href: reschedulePath(theCase.receiptNumber, 'start'), locale });
  const draft = await rescheduleDraft(db, user.id, theCase.receiptNumber);
  const open = firstOpenStep(draft);
  if (stepIndex(open) < stepIndex(step)) redirect({ href: reschedulePath(theCase.receiptNumber, open), locale });
  return { ...context, appointment: found!.appointment, asc: found!.asc, draft };
}

'use server';
/**
 * The server actions of "Reschedule biometrics appointment". Each starts with requireArea('cases')
 * (applicants and representatives, signed in) before reading the form; then the case must be one the
 * person may see (others read as "not found") and its appointment still reschedulable. Failed pages
 * answer with the messages and what was chosen; the rest redirect.
 */
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import type { User } from '@/db/schema';
import { requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { caseForViewer } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { biometricsAppointmentOf } from './biometrics-views';
import { rescheduleBlock } from './eligibility';
import { rescheduleBiometrics } from './reschedule';
import { clearRescheduleDraft, firstOpenStep, isGoodCause, reschedulePath, rescheduleDraft, saveRescheduleDraft, type RescheduleDraft } from './reschedule-flow';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 50) : '';
};
const idOf = (text: string) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/** The case of the form, seen by this person, with its reschedulable appointment; otherwise the right page instead. */
async function reschedulableCase(user: User, form: FormData) {
  const receiptNumber = normaliseReceiptNumber(field(form, 'receiptNumber'));
  const db = getDb();
  const theCase = receiptNumber ? await caseForViewer(db, user, receiptNumber) : null;
  if (!theCase) notFound();
  const locale = await getLocale();
  const found = await biometricsAppointmentOf(db, theCase.id);
  // Not (or no longer) reschedulable: the appointment's page says which rule stops it.
  if (rescheduleBlock(theCase, found?.appointment ?? null, systemClock.now())) redirect({ href: reschedulePath(theCase.receiptNumber, 'start'), locale });
  const draft = await rescheduleDraft(db, user.id, theCase.receiptNumber);
  return { user, theCase, db, locale, draft };
}

async function keep(context: Awaited<ReturnType<typeof reschedulableCase>>, answers: Partial<RescheduleDraft>) {
  const { db, user, draft, theCase, locale } = context;
  const saved = await saveRescheduleDraft(db, systemClock, user.id, draft, answers);
  return redirect({ href: reschedulePath(theCase.receiptNumber, firstOpenStep(saved)), locale });
}

async function problem(previous: FormState, name: 'goodCause' | 'ascId' | 'slotId' | 'confirmBy', values?: Record<string, string>): Promise<FormState> {
  const t = await getTranslations('reschedule.errors');
  return { attempt: previous.attempt + 1, fieldErrors: { [name]: t(`${name}.required`) }, values };
}

export async function chooseGoodCauseAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const context = await reschedulableCase(user, form);
  const goodCause = field(form, 'goodCause');
  if (!isGoodCause(goodCause)) return problem(previous, 'goodCause');
  return keep(context, { goodCause });
}

export async function chooseCentreAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const context = await reschedulableCase(user, form);
  const ascId = idOf(field(form, 'ascId'));
  if (!ascId) return problem(previous, 'ascId', { zip: field(form, 'zip') });
  return keep(context, { ascId, zip: field(form, 'zip') || context.draft.zip });
}

export async function chooseTimeAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const context = await reschedulableCase(user, form);
  const slotId = idOf(field(form, 'slotId'));
  if (!slotId) return problem(previous, 'slotId');
  return keep(context, { slotId });
}

/** "Confirm new appointment": one atomic booking; a seat taken meanwhile goes back to fresh times. */
export async function confirmRescheduleAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const { theCase, db, locale, draft } = await reschedulableCase(user, form);
  const confirmBy = field(form, 'confirmBy');
  if (confirmBy !== 'email' && confirmBy !== 'text') return problem(previous, 'confirmBy');
  const step = firstOpenStep(draft);
  if (step !== 'check' || !draft.goodCause || !draft.slotId) return redirect({ href: reschedulePath(theCase.receiptNumber, step), locale });

  const outcome = await rescheduleBiometrics(db, systemClock, {
    actor: user,
    receiptNumber: theCase.receiptNumber,
    slotId: draft.slotId,
    goodCause: draft.goodCause,
    confirmBy,
    requestId: (await requestMeta()).requestId,
  });
  if (outcome.ok) {
    await clearRescheduleDraft(db, user.id);
    return redirect({ href: `${reschedulePath(theCase.receiptNumber, 'rescheduled')}?by=${outcome.sentBy}`, locale });
  }
  if (outcome.error === 'taken' || outcome.error === 'invalid_slot') {
    await saveRescheduleDraft(db, systemClock, user.id, draft, { slotId: undefined });
    return redirect({ href: `${reschedulePath(theCase.receiptNumber, 'time')}?taken=1`, locale });
  }
  if (outcome.error === 'not_found') notFound();
  return redirect({ href: reschedulePath(theCase.receiptNumber, 'start'), locale });
}

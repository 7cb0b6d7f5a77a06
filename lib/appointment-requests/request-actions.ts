'use server';
/**
 * The requester's server actions: each page of "Request an appointment", the submission, cancelling
 * and answering an officer's question. Each starts with requireArea('cases') (applicants and
 * representatives, signed in) before reading the form: a server action is reachable by a POST from
 * anywhere. Failed steps answer with the messages and what was typed; the rest redirect.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { caseForViewer } from '@/lib/cases/case-views';
import { systemClock } from '@/lib/clock';
import { clearDraft, readDraft, saveDraft } from '@/lib/forms/drafts';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { normaliseRequestReference } from './reference';
import {
  asRequestDraft,
  draftFormFields,
  firstIncompleteStep,
  isRequestStep,
  NO_CASE,
  nextStep,
  requestToday,
  stepAnswers,
  stepErrors,
  type DraftErrors,
  type RequestDraft,
} from './request-flow';
import { parseRequestAnswers } from './request-rules';
import { answerMoreInfo, cancelRequest } from './review';
import { submitAppointmentRequest } from './submit-request';
import { ANSWER_MAX, stepPath } from './request-paths';

export type RequestStepState = FormState;
const DRAFT = 'appointment-request' as const;
const roleOf = (role: string) => (role === 'representative' ? 'representative' : 'applicant');

async function messagesFor(errors: DraftErrors): Promise<Record<string, string>> {
  const t = await getTranslations('appointments.errors');
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, t(`${field}.${code}` as never)]));
}

/** "Continue" on a page of the request: judge its fields, keep them in the draft, go on. */
export async function saveRequestStepAction(previous: RequestStepState, form: FormData): Promise<RequestStepState> {
  const { user } = await requireArea('cases');
  const attempt = previous.attempt + 1;
  const step = form.get('step');
  const locale = await getLocale();
  if (!isRequestStep(step)) return redirect({ href: stepPath('reason'), locale });
  const changing = form.get('change') === '1';
  const db = getDb();
  const role = roleOf(user.role);
  const today = requestToday(systemClock.now());

  const answers = stepAnswers(step, form);
  const draft: RequestDraft = { ...asRequestDraft(await readDraft(db, DRAFT, user.id)), ...answers };
  const errors = stepErrors(step, draft, today, role);
  if (step === 'case' && !errors.caseReceipt && draft.caseReceipt !== NO_CASE) {
    // Only one of the person's own linked cases; anything else reads as not linked, whoever it belongs to.
    if (!(await caseForViewer(db, user, draft.caseReceipt!))) errors.caseReceipt = 'not_linked';
  }
  if (Object.keys(errors).length > 0) return { attempt, values: draftFormFields(answers), fieldErrors: await messagesFor(errors) };

  const saved = asRequestDraft(await saveDraft(db, systemClock, DRAFT, user.id, answers));
  const next = nextStep(step, saved, today, role, changing);
  return redirect({ href: next === 'check' ? '/appointments/request/check' : stepPath(next, changing), locale });
}

/** "Submit request" on "Check your answers". */
export async function submitRequestAction(previous: RequestStepState): Promise<RequestStepState> {
  const { user } = await requireArea('cases');
  const attempt = previous.attempt + 1;
  const locale = await getLocale();
  const db = getDb();
  const role = roleOf(user.role);
  const today = requestToday(systemClock.now());
  const draft = asRequestDraft(await readDraft(db, DRAFT, user.id));

  // A page left incomplete (or a preferred date that has passed meanwhile): back to it, to fix.
  const incomplete = firstIncompleteStep(draft, today, role);
  const parsed = parseRequestAnswers(draft, today);
  if (incomplete || !parsed.ok) return redirect({ href: stepPath(incomplete ?? 'reason', true), locale });

  const t = await getTranslations('appointments.check');
  const theCase = draft.caseReceipt && draft.caseReceipt !== NO_CASE ? await caseForViewer(db, user, draft.caseReceipt) : null;
  if (draft.caseReceipt !== NO_CASE && !theCase) return { attempt, formError: t('caseNotLinked') };

  const outcome = await submitAppointmentRequest(db, systemClock, {
    requester: user,
    answers: parsed.data,
    caseId: theCase?.id ?? null,
    requestId: (await requestMeta()).requestId,
  });
  if (outcome.ok) {
    await clearDraft(db, DRAFT, user.id);
    return redirect({ href: `/appointments/request/submitted?reference=${outcome.request.reference}`, locale });
  }
  if (outcome.error === 'duplicate') return { attempt, formError: t('duplicate', { reference: outcome.reference }) };
  return { attempt, formError: outcome.errors.caseId ? t('caseNotLinked') : t('officeUnknown') };
}

/** The requester cancels an undecided request, or a scheduled appointment. */
export async function cancelRequestAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const reference = normaliseRequestReference(String(form.get('reference') ?? ''));
  const locale = await getLocale();
  if (!reference) return redirect({ href: '/appointments', locale });
  const outcome = await cancelRequest(getDb(), systemClock, { requester: user, reference, requestId: (await requestMeta()).requestId });
  if (!outcome.ok && outcome.error === 'not_found') return redirect({ href: '/appointments', locale });
  // Cancelled now, or already closed meanwhile: the page says which.
  return redirect({ href: `/appointments/${reference}${outcome.ok ? '?cancelled=1' : ''}`, locale });
}

/** The requester answers "more information needed": the request goes back to the officers' queue. */
export async function answerQuestionAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('cases');
  const attempt = previous.attempt + 1;
  const reference = normaliseRequestReference(String(form.get('reference') ?? ''));
  const locale = await getLocale();
  if (!reference) return redirect({ href: '/appointments', locale });
  const answer = String(form.get('answer') ?? '').slice(0, 5_000);
  const t = await getTranslations('appointments.errors');
  const trimmed = answer.trim();
  if (!trimmed) return { attempt, values: { answer }, fieldErrors: { answer: t('answer.required') } };
  if (trimmed.length > ANSWER_MAX) return { attempt, values: { answer }, fieldErrors: { answer: t('answer.too_long') } };
  const outcome = await answerMoreInfo(getDb(), systemClock, { requester: user, reference, answer: trimmed, requestId: (await requestMeta()).requestId });
  if (!outcome.ok && outcome.error === 'not_found') return redirect({ href: '/appointments', locale });
  return redirect({ href: `/appointments/${reference}${outcome.ok ? '?answered=1' : ''}`, locale });
}

'use server';
/**
 * The officers' server actions on an appointment request: claim it, and record the decision. Each
 * starts with requireArea('officer') (officers and supervisors), before it reads the form: a server
 * action is reachable by a POST from anywhere. Then: parse, call the review service as this officer,
 * and either go back to the request page with a notice, or answer with translated messages and what
 * was typed. When another officer got there first, the message says who and when.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { isoDateUtc } from '@/lib/calendar/iso-date';
import { DECISION_FIELDS, parseDecisionForm, type DecisionField } from './decision-form';
import { requestForOfficer } from './officer-views';
import { fieldOfficeChoices } from './request-options';
import { addBusinessDays } from './due-time';
import { normaliseRequestReference } from './reference';
import { claimRequest, decideRequest, type Refusal } from './review';

export type ClaimState = FormState<never>;
export type DecisionState = FormState<DecisionField>;

/** Long enough to give back a message that is over the limit, so the officer can shorten it. */
const TYPED_MAX = 5000;

function typed(form: FormData): Partial<Record<DecisionField, string>> {
  const values: Partial<Record<DecisionField, string>> = {};
  for (const field of DECISION_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, TYPED_MAX);
  }
  return values;
}

const referenceOf = (form: FormData) => {
  const value = form.get('reference');
  return typeof value === 'string' ? normaliseRequestReference(value.slice(0, 40)) : null;
};

/** The refusal in words: who claimed or decided it and when, in the office's time zone. */
async function refusalMessage(refusal: Refusal, reference: string): Promise<string> {
  const [t, tStatus, format] = await Promise.all([getTranslations('officerRequests.errors'), getTranslations('officerRequests.statuses'), getFormatter()]);
  switch (refusal.error) {
    case 'claimed':
    case 'decided': {
      const view = await requestForOfficer(getDb(), reference);
      const date = format.dateTime(refusal.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: view?.office.timeZone ?? 'UTC', timeZoneName: 'short' });
      return t(refusal.error, { name: refusal.by, date });
    }
    case 'not_claimed':
      return t('notClaimed');
    case 'closed':
      return t('closed', { status: tStatus(refusal.status).toLowerCase() });
    case 'unknown_office':
      return t('fieldOfficeId.invalid');
    case 'not_found':
      return t('notFound');
  }
}

export async function claimRequestAction(previous: ClaimState, form: FormData): Promise<ClaimState> {
  const { user } = await requireArea('officer');
  const attempt = previous.attempt + 1;
  const reference = referenceOf(form);
  if (!reference) return { attempt, formError: (await getTranslations('officerRequests.errors'))('notFound') };
  const outcome = await claimRequest(getDb(), systemClock, { officer: user, reference, requestId: (await requestMeta()).requestId });
  if (outcome.ok) return redirect({ href: `/officer/appointment-requests/${reference}?claimed=1`, locale: await getLocale() });
  return { attempt, formError: await refusalMessage(outcome, reference) };
}

export async function decideRequestAction(previous: DecisionState, form: FormData): Promise<DecisionState> {
  const { user } = await requireArea('officer');
  const attempt = previous.attempt + 1;
  const values = typed(form);
  const t = await getTranslations('officerRequests.errors');
  const reference = referenceOf(form);
  if (!reference) return { attempt, values, formError: t('notFound') };

  const parsed = parseDecisionForm(form, { now: systemClock.now(), offices: await fieldOfficeChoices(getDb()) });
  if (!parsed.ok) {
    const fieldErrors: Partial<Record<DecisionField, string>> = {};
    for (const field of DECISION_FIELDS) {
      const problem = parsed.problems[field];
      if (problem) fieldErrors[field] = (t as unknown as (key: string, values?: Record<string, string>) => string)(`${field}.${problem}`, { example: addBusinessDays(isoDateUtc(systemClock.now()), 5) });
    }
    return { attempt, values, fieldErrors };
  }

  const outcome = await decideRequest(getDb(), systemClock, { officer: user, reference, decision: parsed.decision, requestId: (await requestMeta()).requestId });
  if (outcome.ok) return redirect({ href: `/officer/appointment-requests/${reference}?decided=1`, locale: await getLocale() });
  if (outcome.error === 'unknown_office') return { attempt, values, fieldErrors: { fieldOfficeId: t('fieldOfficeId.invalid') } };
  return { attempt, values, formError: await refusalMessage(outcome, reference) };
}

'use server';
/**
 * The officers' callback actions. Each starts with requireArea('officer') (officers and
 * supervisors, signed in) before it reads the form: a server action is reachable by a POST from
 * anywhere. Then the step itself decides, in one conditional update, whether it still applies.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { recordCallOutcome, startCallback } from './callbacks';

const numberFrom = (form: FormData) => {
  const value = String(form.get('serviceRequestNumber') ?? '');
  return /^\d{8}$/.test(value) ? value : null;
};

export type CallOutcomeState = FormState<'outcome' | 'note'>;

/** "Start callback": the text-ahead, or a call now. The page says which, or why it could not start. */
export async function startCallbackAction(previous: FormState, form: FormData): Promise<FormState> {
  const { user } = await requireArea('officer');
  const number = numberFrom(form);
  const locale = await getLocale();
  if (!number) return redirect({ href: '/officer/callbacks', locale });
  const outcome = await startCallback(getDb(), systemClock, user, number);
  if (!outcome.ok && outcome.error === 'not_found') return redirect({ href: '/officer/callbacks', locale });
  return redirect({ href: `/officer/callbacks/${number}?${outcome.ok ? `started=${outcome.how}` : 'problem=not_startable'}`, locale });
}

/** The call's outcome, by the officer who started it: "Reached" or "No answer", with an optional note. */
export async function recordCallOutcomeAction(previous: CallOutcomeState, form: FormData): Promise<CallOutcomeState> {
  const { user } = await requireArea('officer');
  const number = numberFrom(form);
  const locale = await getLocale();
  if (!number) return redirect({ href: '/officer/callbacks', locale });
  const t = await getTranslations('callbacks.officer.outcome');
  const outcome = String(form.get('outcome') ?? '');
  const note = String(form.get('note') ?? '').trim();
  const values = { outcome, note: note.slice(0, 600) };
  const fieldErrors: CallOutcomeState['fieldErrors'] = {};
  if (outcome !== 'reached' && outcome !== 'no_answer') fieldErrors.outcome = t('required');
  if (note.length > 500) fieldErrors.note = t('noteTooLong');
  if (fieldErrors.outcome || fieldErrors.note) return { attempt: previous.attempt + 1, values, fieldErrors };
  const result = await recordCallOutcome(getDb(), systemClock, user, number, { reached: outcome === 'reached', note: note || null });
  if (!result.ok && result.error === 'not_found') return redirect({ href: '/officer/callbacks', locale });
  if (!result.ok) return { attempt: previous.attempt + 1, values, formError: t(result.error === 'not_yours' ? 'notYours' : 'notCalling') };
  return redirect({ href: `/officer/callbacks/${number}?recorded=1`, locale });
}

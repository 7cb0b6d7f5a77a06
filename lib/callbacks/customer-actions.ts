'use server';
/**
 * The customer's callback actions. Each starts with requireArea('cases') (applicants and
 * representatives, signed in) before reading the form; a request names only the person's own cases,
 * and only the person's own request can be cancelled (anyone else's number reads as "not found").
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formFields } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { textingRules } from '@/lib/notifications/config';
import { CALLBACK_FIELDS, parseCallbackRequest, type CallbackField } from './callback-rules';
import { casesForCallback } from './callback-views';
import { cancelCallback, requestCallback } from './callbacks';

export type CallbackRequestState = FormState<CallbackField>;

export async function requestCallbackAction(previous: CallbackRequestState, form: FormData): Promise<CallbackRequestState> {
  const { user } = await requireArea('cases');
  const raw = formFields(form);
  const values = Object.fromEntries(CALLBACK_FIELDS.map((field) => [field, typeof raw[field] === 'string' ? String(raw[field]).slice(0, 100) : ''])) as Record<CallbackField, string>;
  const linked = (await casesForCallback(getDb(), user)).map((c) => c.receiptNumber);
  const parsed = parseCallbackRequest(raw, linked, textingRules());
  if (!parsed.ok) {
    const t = await getTranslations('callbackRequest.errors');
    const fieldErrors = Object.fromEntries(Object.entries(parsed.problems).map(([field, code]) => [field, t(`${field}.${code}` as never)]));
    return { attempt: previous.attempt + 1, values, fieldErrors };
  }
  const callback = await requestCallback(getDb(), systemClock, user, parsed.input);
  return redirect({ href: `/callbacks/${callback.serviceRequestNumber}?created=1`, locale: await getLocale() });
}

export async function cancelCallbackAction(form: FormData): Promise<void> {
  const { user } = await requireArea('cases');
  const number = String(form.get('serviceRequestNumber') ?? '').slice(0, 8);
  const outcome = /^\d{8}$/.test(number) ? await cancelCallback(getDb(), systemClock, user, number) : ({ ok: false, error: 'not_found' } as const);
  const locale = await getLocale();
  if (!outcome.ok && outcome.error === 'not_found') return redirect({ href: '/callbacks', locale });
  return redirect({ href: `/callbacks/${number}?${outcome.ok ? 'cancelled=1' : 'cancel=started'}`, locale });
}

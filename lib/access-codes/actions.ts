'use server';
/**
 * The "Link a case" and "Request a new access code" forms' server actions. Each starts with
 * requireArea('cases') — applicants and representatives only, signed in — before reading the form:
 * a server action is reachable by a POST from anywhere. Then: parse with the shared schema, call
 * the service for the caller's own account, answer with translated messages and what was typed
 * (never the access code), or redirect.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { formFields, requestMeta } from '@/lib/auth/actions/sign-up-support';
import { requireArea } from '@/lib/auth/current-user';
import { minutesToWait } from '@/lib/auth/sign-in-display';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { linkCaseSchema, problemsByField, requestCodeSchema, type LinkCaseField, type RequestCodeField } from './access-code-forms';
import { linkCaseWithAccessCode } from './link-case';
import { requestNewAccessCode } from './request-new-code';
import type { ZodError } from 'zod';
import { getTranslations } from '@/lib/i18n/server';

export type LinkCaseState = FormState<LinkCaseField> & {
  /** The code was real but expired, used or replaced: offer "Request a new access code". */
  offerNewCode?: boolean;
  /** Already linked to this account: the case page to go to. */
  linkedReceipt?: string;
};

/** Each field's problem key (from the shared schema) as its translated message. */
function fieldMessages<Field extends string>(t: (key: string) => string, error: ZodError, fields: readonly Field[]) {
  const problems = problemsByField(error);
  return Object.fromEntries(fields.map((field) => [field, problems[field] && t(`${field}.${problems[field]}`)])) as Partial<Record<Field, string>>;
}

const text = (form: FormData, field: string) => {
  const value = formFields(form)[field];
  return typeof value === 'string' ? value.slice(0, 200) : '';
};

export async function linkCaseAction(previous: LinkCaseState, form: FormData): Promise<LinkCaseState> {
  const { user } = await requireArea('cases');
  const t = await getTranslations('cases.errors');
  const attempt = previous.attempt + 1;
  // The receipt number comes back as typed; the code never does (it is a secret, and short to retype).
  const values = { receiptNumber: text(form, 'receiptNumber') };

  const parsed = linkCaseSchema.safeParse({ receiptNumber: text(form, 'receiptNumber'), accessCode: text(form, 'accessCode') });
  if (!parsed.success) return { attempt, values, fieldErrors: fieldMessages(t as never, parsed.error, ['receiptNumber', 'accessCode'] as const) };

  const outcome = await linkCaseWithAccessCode(getDb(), systemClock, { user, ...parsed.data, requestId: (await requestMeta()).requestId });
  const locale = await getLocale();
  if (outcome.ok) {
    const linked = outcome.usedApplicantCode ? 'applicant-code' : outcome.role;
    return redirect({ href: `/cases/${outcome.receiptNumber}?linked=${linked}`, locale });
  }
  const now = systemClock.now();
  switch (outcome.error) {
    case 'invalid': {
      const paused = outcome.receiptPausedUntil ?? outcome.accountPausedUntil;
      return {
        attempt,
        values,
        fieldErrors: { accessCode: t('accessCode.invalid') },
        formError: paused ? t('pausedNow', { minutes: minutesToWait(paused, now) }) : undefined,
      };
    }
    case 'expired':
    case 'used':
    case 'replaced':
      return { attempt, values, offerNewCode: true, fieldErrors: { accessCode: t(`accessCode.${outcome.error}`) } };
    case 'representative_code':
      return { attempt, values, fieldErrors: { accessCode: t('accessCode.representativeCode') } };
    case 'already_linked':
      return { attempt, values, linkedReceipt: parsed.data.receiptNumber, formError: t('alreadyLinked') };
    case 'linked_to_another_account':
      return { attempt, values, formError: t('linkedToAnotherAccount') };
    case 'throttled_account':
    case 'throttled_receipt':
      return {
        attempt,
        values,
        formError: t(outcome.error === 'throttled_account' ? 'throttledAccount' : 'throttledReceipt', { minutes: minutesToWait(outcome.until, now) }),
      };
  }
}

export type RequestCodeState = FormState<RequestCodeField | 'dateOfBirthDay' | 'dateOfBirthMonth' | 'dateOfBirthYear'>;

export async function requestAccessCodeAction(previous: RequestCodeState, form: FormData): Promise<RequestCodeState> {
  const { user } = await requireArea('cases');
  const t = await getTranslations('cases.errors');
  const attempt = previous.attempt + 1;
  const values = {
    receiptNumber: text(form, 'receiptNumber'),
    dateOfBirthMonth: text(form, 'dateOfBirthMonth').slice(0, 4),
    dateOfBirthDay: text(form, 'dateOfBirthDay').slice(0, 4),
    dateOfBirthYear: text(form, 'dateOfBirthYear').slice(0, 8),
  };
  const parsed = requestCodeSchema.safeParse({
    receiptNumber: values.receiptNumber,
    dateOfBirth: { month: values.dateOfBirthMonth, day: values.dateOfBirthDay, year: values.dateOfBirthYear },
  });
  if (!parsed.success) return { attempt, values, fieldErrors: fieldMessages(t as never, parsed.error, ['receiptNumber', 'dateOfBirth'] as const) };
  const outcome = await requestNewAccessCode(getDb(), systemClock, { user, ...parsed.data, requestId: (await requestMeta()).requestId });
  if (!outcome.ok) return { attempt, values, formError: t('throttledRequest', { minutes: minutesToWait(outcome.until, systemClock.now()) }) };
  return redirect({ href: '/access-codes/request?sent=1', locale: await getLocale() });
}

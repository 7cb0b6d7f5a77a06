'use server';
/**
 * The password reset forms' server actions: ask for a link, start with the link, prove the second
 * step, choose the new password. Open to anyone, as signing in is: the link and the second step are
 * the keys, checked by the services (lib/auth/password-reset.ts) on every step; the in-progress
 * state lives in its own httpOnly cookie.
 */
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import type { FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { beginPasswordReset, completePasswordReset, proveResetSecondStep, requestPasswordReset } from '../password-reset';
import { clearPasswordResetCookie, readPasswordResetCookie, savePasswordResetCookie } from '../password-reset-cookie';
import { rememberThisBrowser } from '../pending-sign-in';
import { minutesToWait } from '../sign-in-display';
import { backupCodeSchema, codeSchema, issueKeys, signInSchema, type CodeFormState, type SecondStepMethod } from '../sign-in-schemas';

const requestId = async () => (await headers()).get('x-request-id');

/** The link expired or was used meanwhile, or the cookie is gone: start again with a new link. */
async function startAgain(): Promise<never> {
  await clearPasswordResetCookie();
  return redirect({ href: '/password-reset?reason=restart', locale: await getLocale() });
}

export type RequestResetState = FormState<'email'>;

export async function requestResetAction(previous: RequestResetState, form: FormData): Promise<RequestResetState> {
  const t = await getTranslations();
  const typed = String(form.get('email') ?? '');
  const state = { attempt: previous.attempt + 1, values: { email: typed.trim().slice(0, 254) } };
  const parsed = signInSchema.shape.email.safeParse(typed);
  if (!parsed.success) {
    const key = issueKeys(parsed.error)[''] ?? 'emailFormat';
    return { ...state, fieldErrors: { email: t(`signIn.errors.${key}`) } };
  }
  const result = await requestPasswordReset(getDb(), systemClock, { email: parsed.data, requestId: await requestId() });
  if (!result.ok) return { ...state, formError: t('passwordReset.request.throttled', { minutes: minutesToWait(result.until, systemClock.now()) }) };
  return redirect({ href: '/password-reset?sent=1', locale: await getLocale() });
}

/** "Continue" on the link's page: the second step's code is sent and the reset moves into the cookie. */
export async function continueResetAction(form: FormData): Promise<void> {
  const token = String(form.get('token') ?? '');
  const result = await beginPasswordReset(getDb(), systemClock, { token, requestId: await requestId() });
  if (!result.ok) return startAgain();
  await savePasswordResetCookie({ token });
  return redirect({ href: '/password-reset/verify', locale: await getLocale() });
}

const methods: readonly SecondStepMethod[] = ['email', 'sms', 'totp', 'backup'];

export async function verifyResetCodeAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const t = await getTranslations('signIn');
  const reset = await readPasswordResetCookie();
  if (!reset) return startAgain();
  // The method only picks the wording of a message; the service checks what the account really uses.
  const method = methods.find((m) => m === form.get('method')) ?? 'email';
  const kind = method === 'backup' ? 'backup' : 'code';
  const attempt = previous.attempt + 1;
  const parsed = (kind === 'backup' ? backupCodeSchema : codeSchema).safeParse({ code: String(form.get('code') ?? '') });
  if (!parsed.success) {
    const keys = issueKeys(parsed.error);
    return { attempt, fieldErrors: { code: keys.code && t(`errors.${keys.code}`) } };
  }
  const result = await proveResetSecondStep(getDb(), systemClock, { token: reset.token, code: parsed.data.code, kind, requestId: await requestId() });
  if (!result.ok) {
    if (result.error === 'locked') return { attempt, formError: t('errors.codeLocked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
    if (result.error === 'wrong') return { attempt, fieldErrors: { code: t(`errors.codeWrong.${method}`) } };
    return startAgain();
  }
  await savePasswordResetCookie({ token: reset.token, proof: result.proof });
  return redirect({ href: '/password-reset/new-password', locale: await getLocale() });
}

export type NewPasswordState = FormState<'newPassword'>;

export async function newPasswordAction(previous: NewPasswordState, form: FormData): Promise<NewPasswordState> {
  const reset = await readPasswordResetCookie();
  if (!reset) return startAgain();
  const result = await completePasswordReset(getDb(), systemClock, {
    token: reset.token,
    proof: reset.proof,
    password: String(form.get('newPassword') ?? ''),
    requestId: await requestId(),
  });
  if (!result.ok) {
    if (result.error === 'password') {
      const t = await getTranslations('passwordReset');
      return { attempt: previous.attempt + 1, fieldErrors: { newPassword: t(`newPassword.errors.${result.problem}`) } };
    }
    if (result.error === 'not_proven') return redirect({ href: '/password-reset/verify', locale: await getLocale() });
    return startAgain();
  }
  await clearPasswordResetCookie();
  // The link and the second step prove more than a sign-in does: this browser is the owner's from now on.
  await rememberThisBrowser(result.user.id);
  return redirect({ href: '/sign-in?reset=1', locale: await getLocale() });
}

'use server';
/**
 * The sign-in forms' server actions: parse with the shared schemas, call the sign-in services
 * (lib/auth/sign-in-flow.ts), keep the pending session in its cookie, and answer with translated
 * messages or a redirect. Signing in is open to anyone, so there is no policy to ask; the
 * services throttle guessing.
 */
import { redirect as redirectToPath } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { safeReturnPath } from '../return-path';
import { requestMeta } from './sign-up-support';
import { clearPendingSignIn, finishSignIn, knownDevicesOfThisBrowser, pendingSignInToken, setPendingSignIn } from '../pending-sign-in';
import { landingPath } from '../policy';
import { minutesToWait } from '../sign-in-display';
import { beginSignIn, resendSignInCode, verifySignInCode } from '../sign-in-flow';
import {
  backupCodeSchema,
  codeSchema,
  issueKeys,
  signInSchema,
  type CodeFormState,
  type ResendFormState,
  type SecondStepMethod,
  type SignInFormState,
} from '../sign-in-schemas';
import { getTranslations } from '@/lib/i18n/server';

/** The page to come back to, if one was given and it is a page of this site. */
function returnToFrom(form: FormData): string | null {
  const raw = form.get('returnTo');
  const path = typeof raw === 'string' ? safeReturnPath(raw) : '/';
  return path === '/' ? null : path;
}

const withReturnTo = (path: string, returnTo: string | null, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams(extra);
  if (returnTo) query.set('returnTo', returnTo);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
};

/** The pending sign-in is gone (timed out, finished elsewhere, cookie lost): start again at step one. */
async function startAgain(returnTo: string | null): Promise<never> {
  await clearPendingSignIn();
  return redirect({ href: withReturnTo('/sign-in', returnTo, { reason: 'restart' }), locale: await getLocale() });
}

export async function signInAction(previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const t = await getTranslations('signIn');
  const typed = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
  const returnTo = returnToFrom(form);
  const state = { attempt: previous.attempt + 1, email: typed.email.trim().slice(0, 254) };

  const parsed = signInSchema.safeParse(typed);
  if (!parsed.success) {
    const keys = issueKeys(parsed.error);
    return {
      ...state,
      fieldErrors: {
        email: keys.email && t(`errors.${keys.email}`),
        password: keys.password && t(`errors.${keys.password}`),
      },
    };
  }

  const result = await beginSignIn(getDb(), systemClock, { ...parsed.data, ...(await requestMeta()), knownDevices: await knownDevicesOfThisBrowser() });
  if (!result.ok && result.error !== 'invalid') {
    const minutes = minutesToWait(result.until, systemClock.now());
    const message = result.error === 'busy' ? 'errors.busy' : result.scope === 'browser' ? 'errors.passwordSlowedDown' : 'errors.passwordLocked';
    return { ...state, formError: t(message, { minutes }) };
  }
  if (!result.ok) return { ...state, fieldErrors: { email: t('errors.invalid') } };

  await setPendingSignIn(result.token);
  const locale = await getLocale();
  if (result.next === 'confirm_email') redirect({ href: withReturnTo('/sign-up/confirm', returnTo), locale });
  // A text-message user whose code had to be emailed instead (texts spent or not offered) is told so on the page.
  const emailedInstead = result.user.secondFactor === 'sms' && result.codeSentBy === 'email';
  return redirect({ href: withReturnTo('/sign-in/verify', returnTo, emailedInstead ? { sentBy: 'email' } : {}), locale });
}

const methods: readonly SecondStepMethod[] = ['email', 'sms', 'totp', 'backup'];

export async function verifyCodeAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const t = await getTranslations('signIn');
  const returnTo = returnToFrom(form);
  const token = await pendingSignInToken();
  if (!token) return startAgain(returnTo);
  // The method only picks the wording of a message; the service checks what the account really uses.
  const rawMethod = form.get('method');
  const method = methods.find((m) => m === rawMethod) ?? 'email';
  const kind = method === 'backup' ? 'backup' : 'code';
  const attempt = previous.attempt + 1;

  const parsed = (kind === 'backup' ? backupCodeSchema : codeSchema).safeParse({ code: String(form.get('code') ?? '') });
  if (!parsed.success) {
    const keys = issueKeys(parsed.error);
    return { attempt, fieldErrors: { code: keys.code && t(`errors.${keys.code}`) } };
  }

  const result = await verifySignInCode(getDb(), systemClock, { token, code: parsed.data.code, kind, requestId: (await requestMeta()).requestId });
  if (!result.ok) {
    switch (result.error) {
      case 'expired':
        return startAgain(returnTo);
      case 'locked':
        return { attempt, formError: t('errors.codeLocked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
      case 'needs_reset':
        return { attempt, formError: t('errors.codeNeedsReset') };
      case 'spent':
        return { attempt, fieldErrors: { code: t('errors.codeSpent') } };
      case 'invalid':
        return { attempt, fieldErrors: { code: t(`errors.codeWrong.${method}`) } };
    }
  }

  await finishSignIn(result.token, result.user.id);
  // returnTo already carries the language prefix of the page it came from; the landing page gets this page's.
  if (returnTo) redirectToPath(returnTo);
  return redirect({ href: landingPath(result.user.role), locale: await getLocale() });
}

export async function resendCodeAction(previous: ResendFormState, form: FormData): Promise<ResendFormState> {
  const t = await getTranslations('signIn');
  const returnTo = returnToFrom(form);
  const token = await pendingSignInToken();
  if (!token) return startAgain(returnTo);
  const attempt = previous.attempt + 1;
  const result = await resendSignInCode(getDb(), systemClock, { token, requestId: (await requestMeta()).requestId });
  if (result.ok) return { attempt, outcome: 'sent', message: `${t(`resend.sent.${result.channel}`)} ${t('resend.remaining', { count: result.remaining })}` };
  switch (result.error) {
    case 'expired':
      return startAgain(returnTo);
    case 'throttled':
      return { attempt, outcome: 'throttled', message: t('resend.throttled', { minutes: minutesToWait(result.until, systemClock.now()) }) };
    case 'no_code_needed':
      return { attempt, outcome: 'none', message: t('resend.notNeeded') };
  }
}

'use server';
/**
 * The settings pages' server actions. Each one starts with requireArea('account') — signed in, or
 * sent to sign in — before it reads the form: server actions are reachable by a POST from anywhere,
 * whatever page rendered them. Then: parse the form, call the service in lib/auth/account-settings.ts
 * on the caller's own account (never an id from the form), answer with translated messages and what
 * was typed (never a password), or redirect.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { typedValues, type FormState } from '@/lib/forms/form-state';
import {
  ACCOUNT_SETTINGS_FIELDS,
  changePassword,
  changeSecondFactor,
  confirmPassword,
  makeNewBackupCodes,
  signOutEverywhere,
  updateAccountSettings,
  type AccountSettingsField,
} from '../account-settings';
import { clearSessionCookie } from '../auth';
import { requireArea } from '../current-user';
import { clearPendingSignIn } from '../pending-sign-in';
import { beginSecondFactorSetup, resendPhoneCode } from '../second-factor-setup';
import { clearSecondFactorSetup, readSecondFactorSetup, saveSecondFactorSetup } from '../second-factor-setup-state';
import { minutesToWait } from '../sign-in-display';
import { textingRules } from '@/lib/notifications/config';
import { textPausedUntil } from '@/lib/notifications/text-limits';
import { parseSecondFactorChoice, parseSixDigitCode, type CodeFormState, type ResendFormState } from '../sign-up-schema';
import { formFields, phoneResendRefusal, requestMeta, textLimitMessage, translator } from './sign-up-support';
import { getTranslations } from '@/lib/i18n/server';

const requestId = async () => (await requestMeta()).requestId;

export type AccountSettingsState = FormState<AccountSettingsField>;

export async function updateSettingsAction(previous: AccountSettingsState, form: FormData): Promise<AccountSettingsState> {
  const { user } = await requireArea('account');
  const t = await getTranslations('settings.account.errors');
  const raw = typedValues(form, ACCOUNT_SETTINGS_FIELDS);
  const result = await updateAccountSettings(getDb(), systemClock, user, raw, await requestId());
  if (!result.ok) {
    const fieldErrors: AccountSettingsState['fieldErrors'] = {};
    for (const [field, error] of Object.entries(result.errors) as [AccountSettingsField, string][]) fieldErrors[field] = t(`${field}.${error}` as never);
    return { attempt: previous.attempt + 1, fieldErrors, values: raw };
  }
  // The page comes back in the language just chosen: pages, emails and texts all follow it.
  return redirect({ href: '/settings?saved=1', locale: result.preferredLanguage });
}

export type ChangePasswordState = FormState<'currentPassword' | 'newPassword'>;

export async function changePasswordAction(previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const { user, sessionId } = await requireArea('account');
  const t = await getTranslations('settings');
  const result = await changePassword(getDb(), systemClock, {
    user,
    sessionId,
    currentPassword: String(form.get('currentPassword') ?? ''),
    newPassword: String(form.get('newPassword') ?? ''),
    requestId: await requestId(),
  });
  if (!result.ok) {
    const { currentPassword, newPassword } = result.errors;
    return {
      attempt: previous.attempt + 1,
      formError: result.locked ? t('errors.locked', { minutes: minutesToWait(result.locked, systemClock.now()) }) : undefined,
      fieldErrors: {
        currentPassword: currentPassword && t(`password.errors.current.${currentPassword}`),
        newPassword: newPassword && t(`password.errors.new.${newPassword}`),
      },
    };
  }
  return redirect({ href: '/settings/security?done=password', locale: await getLocale() });
}

export type BackupCodesState = FormState<'password'> & { codes?: string[] };

export async function makeBackupCodesAction(previous: BackupCodesState, form: FormData): Promise<BackupCodesState> {
  const { user } = await requireArea('account');
  const t = await getTranslations('settings');
  const result = await makeNewBackupCodes(getDb(), systemClock, { user, password: String(form.get('password') ?? ''), requestId: await requestId() });
  const attempt = previous.attempt + 1;
  if (result.ok) return { attempt, codes: result.codes };
  if (result.error === 'locked') return { attempt, formError: t('errors.locked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
  return { attempt, fieldErrors: { password: t(`errors.confirmPassword.${result.error}`) } };
}

/** "Sign out everywhere else": this browser stays signed in. */
export async function signOutOthersAction(): Promise<void> {
  const { user, sessionId } = await requireArea('account');
  await signOutEverywhere(getDb(), systemClock, { user, sessionId, includeThisSession: false, requestId: await requestId() });
  redirect({ href: '/settings/security?done=signed_out_others', locale: await getLocale() });
}

/** "Sign out everywhere": every session ends, this one too, and this browser's cookie goes with it. */
export async function signOutEverywhereAction(): Promise<void> {
  const { user, sessionId } = await requireArea('account');
  await signOutEverywhere(getDb(), systemClock, { user, sessionId, includeThisSession: true, requestId: await requestId() });
  await clearSessionCookie();
  await clearPendingSignIn();
  redirect({ href: '/sign-in?signedOut=1', locale: await getLocale() });
}

export type ChooseSecondFactorState = FormState<'password' | 'secondFactor' | 'phone'>;

/**
 * Changing the second step, first form: the password again and the new method. Only after the
 * password is right does the set-up begin (a code texted, an authenticator secret made) and its
 * sealed state go to the browser; the confirmation step reads that state, so it cannot be reached
 * without the password.
 */
export async function chooseSecondFactorAction(previous: ChooseSecondFactorState, form: FormData): Promise<ChooseSecondFactorState> {
  const { user } = await requireArea('account');
  const t = await translator();
  const attempt = previous.attempt + 1;
  const values = typedValues(form, ['secondFactor', 'phone'] as const);
  const fieldErrors: ChooseSecondFactorState['fieldErrors'] = {};
  const choice = parseSecondFactorChoice(formFields(form), textingRules());
  if (!choice.ok) for (const [field, code] of Object.entries(choice.errors)) fieldErrors[field as 'phone'] = t(`secondFactor.errors.${field}.${code}`);
  else if (choice.data.method === 'email' && user.secondFactor === 'email') fieldErrors.secondFactor = t('settings.secondFactor.sameEmail');

  const password = String(form.get('password') ?? '');
  if (!password) fieldErrors.password = t('settings.errors.confirmPassword.required');
  else {
    const meta = await requestMeta();
    const check = await confirmPassword(getDb(), systemClock, user, password, 'second_factor_change', meta.requestId);
    if (!check.ok && check.error === 'locked') {
      return { attempt, values, fieldErrors, formError: t('settings.errors.locked', { minutes: minutesToWait(check.until, systemClock.now()) }) };
    }
    if (!check.ok) fieldErrors.password = t('settings.errors.confirmPassword.invalid');
  }
  if (!choice.ok || Object.values(fieldErrors).some(Boolean)) return { attempt, values, fieldErrors };
  const paused = choice.data.method === 'sms' && (await textPausedUntil(getDb(), systemClock, { accountId: user.id, phone: choice.data.phone }));
  if (paused) return { attempt, values, fieldErrors: { phone: textLimitMessage(t, paused, systemClock.now()) } };

  const setup = await beginSecondFactorSetup(getDb(), systemClock, user, choice.data, (await requestMeta()).requestId);
  await saveSecondFactorSetup(user.id, setup, systemClock.now());
  return redirect({ href: '/settings/security/second-factor/confirm', locale: await getLocale() });
}

/** Changing the second step, second form: the code that proves the new method (none for email). */
export async function confirmSecondFactorAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const { user, sessionId } = await requireArea('account');
  const locale = await getLocale();
  const setup = await readSecondFactorSetup(user.id, systemClock.now());
  if (!setup) return redirect({ href: '/settings/security/second-factor/confirm', locale });
  const t = await translator();
  const attempt = previous.attempt + 1;
  let code = '';
  if (setup.method !== 'email') {
    const parsed = parseSixDigitCode(form.get('code'));
    if (!parsed.ok) return { attempt, fieldErrors: { code: t(`secondFactor.errors.code.${parsed.error}`) } };
    code = parsed.code;
  }
  const result = await changeSecondFactor(getDb(), systemClock, { user, sessionId, setup, code, requestId: (await requestMeta()).requestId });
  if (!result.ok) {
    if (result.error === 'locked') return { attempt, formError: t('secondFactor.errors.locked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
    return { attempt, fieldErrors: { code: t(setup.method === 'totp' ? 'secondFactor.errors.code.wrongTotp' : 'secondFactor.errors.code.wrongSms') } };
  }
  await clearSecondFactorSetup();
  return redirect({ href: '/settings/security?done=second_factor', locale });
}

/** "Send a new code" while confirming a new phone. */
export async function resendSecondFactorCodeAction(previous: ResendFormState): Promise<ResendFormState> {
  const { user } = await requireArea('account');
  const setup = await readSecondFactorSetup(user.id, systemClock.now());
  if (setup?.method !== 'sms') return redirect({ href: '/settings/security/second-factor/confirm', locale: await getLocale() });
  const t = await translator();
  const result = await resendPhoneCode(getDb(), systemClock, user, setup, (await requestMeta()).requestId);
  const attempt = previous.attempt + 1;
  if (result.ok) return { attempt, outcome: 'sent', message: t('secondFactor.sms.resent') };
  return { attempt, outcome: 'throttled', message: phoneResendRefusal(t, result, systemClock.now()) };
}

/** "Cancel" while changing the second step: the pending set-up is forgotten, nothing changed. */
export async function cancelSecondFactorAction(): Promise<void> {
  await requireArea('account');
  await clearSecondFactorSetup();
  redirect({ href: '/settings/security', locale: await getLocale() });
}

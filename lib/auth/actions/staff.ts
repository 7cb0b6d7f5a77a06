'use server';
/**
 * Staff accounts' server actions. The supervisor's actions start with requireArea('supervisor')
 * before reading the form (anyone else gets "not found"). The set-up actions are for people who are
 * not signed in yet: the set-up link's token (or, after it, the set-up's pending session) is what
 * proves who they are, and the services check it before anything changes.
 */
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { typedValues, type FormState } from '@/lib/forms/form-state';
import { requireArea } from '../current-user';
import { passwordProblem } from '../password-policy';
import { resendPhoneCode } from '../second-factor-setup';
import { clearSecondFactorSetup, readSecondFactorSetup, saveSecondFactorSetup } from '../second-factor-setup-state';
import { minutesToWait } from '../sign-in-display';
import { textingRules } from '@/lib/notifications/config';
import { textPausedUntil } from '@/lib/notifications/text-limits';
import { parseSecondFactorChoice, parseSixDigitCode, type CodeFormState, type ResendFormState } from '../sign-up-schema';
import {
  checkStaffSetupLink,
  createStaffAccount,
  finishStaffSetup,
  pendingStaffSetup,
  resendStaffSetupLink,
  startStaffSetup,
  STAFF_ACCOUNT_FIELDS,
  type StaffAccountField,
} from '../staff-accounts';
import { clearStaffSetupCookie, readStaffSetupCookie, saveStaffSetupCookie } from '../staff-setup-cookie';
import { formFields, phoneResendRefusal, requestMeta, textLimitMessage, translator } from './sign-up-support';
import { getTranslations } from '@/lib/i18n/server';

const requestId = async () => (await requestMeta()).requestId;

export type CreateStaffState = FormState<StaffAccountField>;

export async function createStaffAction(previous: CreateStaffState, form: FormData): Promise<CreateStaffState> {
  const { user } = await requireArea('supervisor');
  const values = typedValues(form, STAFF_ACCOUNT_FIELDS);
  const result = await createStaffAccount(getDb(), systemClock, {
    email: values.email ?? '',
    givenName: values.givenName ?? '',
    familyName: values.familyName ?? '',
    role: (values.role ?? '') as 'officer',
    preferredLanguage: (values.preferredLanguage ?? '') as 'en',
    createdBy: { id: user.id, role: user.role },
    requestId: await requestId(),
  });
  if (!result.ok) {
    const t = await getTranslations('staff.create.errors');
    const fieldErrors: CreateStaffState['fieldErrors'] = {};
    for (const [field, error] of Object.entries(result.errors) as [StaffAccountField, string][]) fieldErrors[field] = t(`${field}.${error}` as never);
    return { attempt: previous.attempt + 1, fieldErrors, values };
  }
  return redirect({ href: `/officer/staff?created=${result.user.id}`, locale: await getLocale() });
}

/** "Send a new set-up link" on a row of the staff list. */
export async function resendStaffLinkAction(form: FormData): Promise<void> {
  const { user } = await requireArea('supervisor');
  const userId = Number(form.get('userId'));
  const locale = await getLocale();
  if (!Number.isSafeInteger(userId) || userId <= 0) return redirect({ href: '/officer/staff', locale });
  const result = await resendStaffSetupLink(getDb(), systemClock, { userId, actor: { id: user.id, role: user.role }, requestId: await requestId() });
  if (!result.ok) return redirect({ href: `/officer/staff?refused=${userId}`, locale });
  return redirect({ href: `/officer/staff?resent=${userId}`, locale });
}

export type StaffSetupState = FormState<'password' | 'secondFactor' | 'phone'>;

/**
 * The set-up link's form: a password and the second step. Open to people who are not signed in:
 * the link's token is the proof, checked (and used up) by the service.
 */
export async function startStaffSetupAction(previous: StaffSetupState, form: FormData): Promise<StaffSetupState> {
  const token = String(form.get('token') ?? '');
  const locale = await getLocale();
  const link = await checkStaffSetupLink(getDb(), systemClock, token);
  // Expired or used while the page was open: the page itself says so.
  if (link.status !== 'valid') return redirect({ href: `/staff/setup?token=${encodeURIComponent(token)}`, locale });

  const raw = formFields(form);
  const values = typedValues(form, ['secondFactor', 'phone'] as const);
  const password = String(form.get('password') ?? '');
  const t = await translator();
  const fieldErrors: StaffSetupState['fieldErrors'] = {};
  const problem = password ? passwordProblem(password, { email: link.user.email }) : 'required';
  if (problem) fieldErrors.password = t(`settings.passwordProblems.${problem}`);
  const choice = parseSecondFactorChoice(raw, textingRules());
  if (!choice.ok) for (const [field, code] of Object.entries(choice.errors)) fieldErrors[field as 'phone'] = t(`secondFactor.errors.${field}.${code}`);
  if (!choice.ok || problem) return { attempt: previous.attempt + 1, fieldErrors, values };
  // Checked before the link is used up by the password: a paused number asks for another choice.
  const paused = choice.data.method === 'sms' && (await textPausedUntil(getDb(), systemClock, { accountId: link.user.id, phone: choice.data.phone }));
  if (paused) return { attempt: previous.attempt + 1, fieldErrors: { phone: textLimitMessage(t, paused, systemClock.now()) }, values };

  const meta = await requestMeta();
  const started = await startStaffSetup(getDb(), systemClock, { token, password, choice: choice.data, ...meta });
  if (!started.ok) {
    if (started.error === 'password') return { attempt: previous.attempt + 1, fieldErrors: { password: t(`settings.passwordProblems.${started.problem}`) }, values };
    return redirect({ href: `/staff/setup?token=${encodeURIComponent(token)}`, locale });
  }
  await saveStaffSetupCookie({ pendingToken: started.pendingToken });
  await saveSecondFactorSetup(started.user.id, started.setup, systemClock.now());
  return redirect({ href: '/staff/setup/confirm', locale });
}

/** The set-up's second form: the code that proves the chosen second step (none for email). */
export async function confirmStaffSetupAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const locale = await getLocale();
  const stored = await readStaffSetupCookie();
  const user = await pendingStaffSetup(getDb(), systemClock, stored?.pendingToken);
  const setup = user ? await readSecondFactorSetup(user.id, systemClock.now()) : null;
  if (!user || !setup) return redirect({ href: '/staff/setup/confirm', locale });

  const attempt = previous.attempt + 1;
  const t = await translator();
  let code = '';
  if (setup.method !== 'email') {
    const parsed = parseSixDigitCode(form.get('code'));
    if (!parsed.ok) return { attempt, fieldErrors: { code: t(`secondFactor.errors.code.${parsed.error}`) } };
    code = parsed.code;
  }
  const result = await finishStaffSetup(getDb(), systemClock, { pendingToken: stored?.pendingToken, setup, code, requestId: (await requestMeta()).requestId });
  if (!result.ok) {
    if (result.error === 'locked') return { attempt, formError: t('secondFactor.errors.locked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
    if (result.error === 'invalid') return { attempt, fieldErrors: { code: t(setup.method === 'totp' ? 'secondFactor.errors.code.wrongTotp' : 'secondFactor.errors.code.wrongSms') } };
    return redirect({ href: '/staff/setup/confirm', locale });
  }
  await clearSecondFactorSetup();
  await saveStaffSetupCookie({ backupCodes: result.backupCodes, email: result.user.email });
  return redirect({ href: '/staff/setup/done', locale });
}

/** "Send a new code" while confirming a phone during set-up. */
export async function resendStaffSetupCodeAction(previous: ResendFormState): Promise<ResendFormState> {
  const locale = await getLocale();
  const stored = await readStaffSetupCookie();
  const user = await pendingStaffSetup(getDb(), systemClock, stored?.pendingToken);
  const setup = user ? await readSecondFactorSetup(user.id, systemClock.now()) : null;
  if (!user || setup?.method !== 'sms') return redirect({ href: '/staff/setup/confirm', locale });
  const t = await translator();
  const result = await resendPhoneCode(getDb(), systemClock, user, setup, (await requestMeta()).requestId);
  const attempt = previous.attempt + 1;
  if (result.ok) return { attempt, outcome: 'sent', message: t('secondFactor.sms.resent') };
  return { attempt, outcome: 'throttled', message: phoneResendRefusal(t, result, systemClock.now()) };
}

/** The backup codes were shown: forget them and go to sign in. */
export async function leaveStaffSetupAction(): Promise<void> {
  await clearStaffSetupCookie();
  redirect({ href: '/sign-in', locale: await getLocale() });
}

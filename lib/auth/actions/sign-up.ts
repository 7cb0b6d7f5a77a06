'use server';
/**
 * The sign-up pages' server actions. Each one checks where this browser is in signing up
 * (signUpStage: the pending session and the sealed progress cookie), sends the person to the right
 * step when this is not it, parses the form with the shared rules, calls the service, and answers
 * with translated messages or a redirect. Signing up is open to anyone: the services limit guessing
 * and repetition.
 */
import { randomBytes } from 'node:crypto';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { clearSecondFactorSetup, saveSecondFactorSetup } from '../second-factor-setup-state';
import { textingRules } from '@/lib/notifications/config';
import { beginSecondFactorSetup } from '../second-factor-setup';
import { finishSignIn, setPendingSignIn } from '../pending-sign-in';
import { passwordProblem } from '../password-policy';
import { landingPath } from '../policy';
import { formFields, goToStage, requestMeta, translator, type Translate } from './sign-up-support';
import { maskEmail, minutesToWait } from '../sign-in-display';
import { normaliseEmail } from '../sign-in';
import {
  confirmEmail,
  createAccount,
  finishSignUp,
  newAttemptId,
  refuseCodeForExistingAccount,
  remakeBackupCodes,
  resendConfirmationCode,
  resendForExistingAccount,
} from '../sign-up';
import { clearSignUpProgress, saveSignUpProgress, signUpStage } from '../sign-up-progress';
import {
  SIGN_UP_FIELDS,
  keptSignUpValues,
  parseSignUp,
  parseSixDigitCode,
  signUpErrorKey,
  type CodeFormState,
  type ConfirmSavedFormState,
  type ResendFormState,
  type SignUpErrors,
  type SignUpFormState,
} from '../sign-up-schema';

function translateErrors(t: Translate, errors: SignUpErrors): SignUpFormState['fieldErrors'] {
  const messages: SignUpFormState['fieldErrors'] = {};
  for (const field of SIGN_UP_FIELDS) {
    const code = errors[field];
    if (code) messages[field] = t(signUpErrorKey(field, code));
  }
  return messages;
}

/** Step 1: the account details. */
export async function signUpAction(previous: SignUpFormState, form: FormData): Promise<SignUpFormState> {
  const raw = formFields(form);
  const state = { attempt: previous.attempt + 1, values: keptSignUpValues(raw) };
  const t = await translator();

  const parsed = parseSignUp(raw, passwordProblem, textingRules());
  if (!parsed.ok) return { ...state, fieldErrors: translateErrors(t, parsed.errors) };

  const result = await createAccount(getDb(), systemClock, { ...parsed.data, ...(await requestMeta()) });
  if (!result.ok) {
    return { ...state, formError: t('signUp.errors.throttled', { minutes: minutesToWait(result.until, systemClock.now()) }) };
  }

  await clearSecondFactorSetup();
  if (result.status === 'exists') {
    // Looks like a pending session's token but matches none: the next page behaves as if a code was sent.
    const token = randomBytes(32).toString('base64url');
    await setPendingSignIn(token);
    await saveSignUpProgress(token, {
      userId: null,
      email: normaliseEmail(parsed.data.email),
      attemptId: newAttemptId(),
      emailConfirmed: false,
      secondFactorSet: false,
    });
  } else {
    const { secondFactor, phone } = parsed.data;
    await setPendingSignIn(result.token);
    await saveSignUpProgress(result.token, {
      userId: result.user.id,
      choice: secondFactor === 'sms' ? { method: 'sms', phone: phone! } : { method: secondFactor },
      emailConfirmed: false,
      secondFactorSet: false,
    });
  }
  return redirect({ href: '/sign-up/confirm', locale: await getLocale() });
}

/** Step 2: the code from the confirmation email. */
export async function confirmEmailAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'confirm_email' && stage.step !== 'exists') return goToStage(stage, '/sign-up/confirm');
  const attempt = previous.attempt + 1;
  const t = await translator();
  const parsed = parseSixDigitCode(form.get('code'));
  if (!parsed.ok) return { attempt, fieldErrors: { code: t(`signUp.confirm.errors.${parsed.error}`) } };
  const locked = (until: Date) => ({ attempt, formError: t('signUp.confirm.errors.locked', { minutes: minutesToWait(until, systemClock.now()) }) });
  const wrong = { attempt, fieldErrors: { code: t('signUp.confirm.errors.wrong') } };

  if (stage.step === 'exists') {
    const refused = await refuseCodeForExistingAccount(getDb(), systemClock, stage.attemptId);
    return refused.error === 'locked' ? locked(refused.until) : wrong;
  }

  const meta = await requestMeta();
  const result = await confirmEmail(getDb(), systemClock, { token: stage.token, code: parsed.code, ...meta });
  if (!result.ok) {
    if (result.error === 'locked') return locked(result.until);
    if (result.error === 'invalid') return wrong;
    return goToStage(await signUpStage(), '/sign-up/confirm');
  }

  await setPendingSignIn(result.token);
  // The method chosen on the first page is set up now, so a texted code arrives while the person turns the page.
  const choice = stage.progress?.choice;
  if (choice) {
    const setup = await beginSecondFactorSetup(getDb(), systemClock, result.user, choice, meta.requestId);
    await saveSecondFactorSetup(result.user.id, setup, systemClock.now());
  } else {
    await clearSecondFactorSetup();
  }
  await saveSignUpProgress(result.token, { userId: result.user.id, choice, emailConfirmed: true, secondFactorSet: false });
  return redirect({ href: '/sign-up/second-step', locale: await getLocale() });
}

/** "Send a new code" on the confirmation page. */
export async function resendConfirmationAction(previous: ResendFormState): Promise<ResendFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'confirm_email' && stage.step !== 'exists') return goToStage(stage, '/sign-up/confirm');
  const attempt = previous.attempt + 1;
  const t = await translator();
  const { requestId } = await requestMeta();
  const result =
    stage.step === 'exists'
      ? await resendForExistingAccount(getDb(), systemClock, { attemptId: stage.attemptId, email: stage.email, requestId })
      : await resendConfirmationCode(getDb(), systemClock, { token: stage.token, requestId });
  if (result.ok) {
    const email = stage.step === 'exists' ? stage.email : stage.user.email;
    return { attempt, outcome: 'sent', message: t('signUp.confirm.resent', { email: maskEmail(email) }) };
  }
  if (result.error === 'throttled') {
    return { attempt, outcome: 'throttled', message: t('signUp.confirm.resendThrottled', { minutes: minutesToWait(result.until, systemClock.now()) }) };
  }
  return goToStage(await signUpStage(), '/sign-up/confirm');
}

/** Step 4: the backup codes are saved; the account is ready and the person is signed in. */
export async function finishSignUpAction(previous: ConfirmSavedFormState, form: FormData): Promise<ConfirmSavedFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'backup_codes') return goToStage(stage, '/sign-up/backup-codes');
  if (form.get('saved') !== 'yes') {
    const t = await translator();
    return { attempt: previous.attempt + 1, fieldErrors: { saved: t('secondFactor.backupCodes.errors.saved') } };
  }
  const result = await finishSignUp(getDb(), systemClock, { token: stage.token, requestId: (await requestMeta()).requestId });
  if (!result.ok) return goToStage(await signUpStage(), '/sign-up/backup-codes');
  await finishSignIn(result.token, result.user.id);
  await clearSignUpProgress();
  await clearSecondFactorSetup();
  // The language the person chose for the portal, from now on.
  return redirect({ href: landingPath(result.user.role), locale: result.user.preferredLanguage });
}

/** The codes were no longer there to show (they are shown once): a new set replaces them. */
export async function remakeBackupCodesAction(): Promise<void> {
  const stage = await signUpStage();
  if (stage.step !== 'backup_codes') return goToStage(stage, '/sign-up/backup-codes');
  const codes = await remakeBackupCodes(getDb(), systemClock, stage.user, (await requestMeta()).requestId);
  await saveSignUpProgress(stage.token, { ...stage.progress, backupCodes: codes });
  return redirect({ href: '/sign-up/backup-codes', locale: await getLocale() });
}

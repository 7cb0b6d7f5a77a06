'use server';
/**
 * Step 3 of signing up: setting up the second step. Only a browser that proved the email code in
 * this pending session gets here (signUpStage); the method being set up rests sealed in its own
 * cookie until it is proven. Settings reuse the domain functions, the cookie helpers and the forms
 * with their own actions (they ask for the password again instead of a pending sign-up).
 */
import { getLocale } from 'next-intl/server';
import { getDb, transaction } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { setPendingSignIn } from '../pending-sign-in';
import { textingRules } from '@/lib/notifications/config';
import { textPausedUntil } from '@/lib/notifications/text-limits';
import { beginSecondFactorSetup, completeSecondFactorSetup, resendPhoneCode } from '../second-factor-setup';
import { clearSecondFactorSetup, readSecondFactorSetup, saveSecondFactorSetup } from '../second-factor-setup-state';
import { minutesToWait } from '../sign-in-display';
import { renewPendingSession } from '../sign-up';
import { saveSignUpProgress, signUpStage } from '../sign-up-progress';
import {
  keptSignUpValues,
  parseSecondFactorChoice,
  parseSixDigitCode,
  type ChoiceFormState,
  type CodeFormState,
  type ResendFormState,
} from '../sign-up-schema';
import { formFields, goToStage, phoneResendRefusal, requestMeta, textLimitMessage, translator } from './sign-up-support';

const HERE = '/sign-up/second-step';

/** Choosing (or changing) the method on the second-step page. */
export async function chooseSecondFactorAction(previous: ChoiceFormState, form: FormData): Promise<ChoiceFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'second_step') return goToStage(stage, HERE);
  const raw = formFields(form);
  const parsed = parseSecondFactorChoice(raw, textingRules());
  if (!parsed.ok) {
    const t = await translator();
    const { secondFactor, phone } = keptSignUpValues(raw);
    return {
      attempt: previous.attempt + 1,
      values: { secondFactor, phone },
      fieldErrors: {
        secondFactor: parsed.errors.secondFactor && t(`secondFactor.errors.secondFactor.${parsed.errors.secondFactor}`),
        phone: parsed.errors.phone && t(`secondFactor.errors.phone.${parsed.errors.phone}`),
      },
    };
  }
  const paused = parsed.data.method === 'sms' && (await textPausedUntil(getDb(), systemClock, { accountId: stage.user.id, phone: parsed.data.phone }));
  if (paused) {
    const { secondFactor, phone } = keptSignUpValues(raw);
    return { attempt: previous.attempt + 1, values: { secondFactor, phone }, fieldErrors: { phone: textLimitMessage(await translator(), paused, systemClock.now()) } };
  }
  const setup = await beginSecondFactorSetup(getDb(), systemClock, stage.user, parsed.data, (await requestMeta()).requestId);
  await saveSecondFactorSetup(stage.user.id, setup, systemClock.now());
  await saveSignUpProgress(stage.token, { ...stage.progress, choice: parsed.data });
  return redirect({ href: HERE, locale: await getLocale() });
}

/** Proving the method: the authenticator's code, the texted code, or (email) just continuing. */
export async function confirmSecondFactorAction(previous: CodeFormState, form: FormData): Promise<CodeFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'second_step') return goToStage(stage, HERE);
  const setup = await readSecondFactorSetup(stage.user.id, systemClock.now());
  // The set-up expired or was never begun: the page offers the choice again.
  if (!setup) return redirect({ href: HERE, locale: await getLocale() });
  const attempt = previous.attempt + 1;
  const t = await translator();

  let code = '';
  if (setup.method !== 'email') {
    const parsed = parseSixDigitCode(form.get('code'));
    if (!parsed.ok) return { attempt, fieldErrors: { code: t(`secondFactor.errors.code.${parsed.error}`) } };
    code = parsed.code;
  }

  const meta = await requestMeta();
  const result = await completeSecondFactorSetup(getDb(), systemClock, { user: stage.user, setup, code, requestId: meta.requestId });
  if (!result.ok) {
    if (result.error === 'locked') return { attempt, formError: t('secondFactor.errors.locked', { minutes: minutesToWait(result.until, systemClock.now()) }) };
    if (result.error === 'invalid') return { attempt, fieldErrors: { code: t(setup.method === 'totp' ? 'secondFactor.errors.code.wrongTotp' : 'secondFactor.errors.code.wrongSms') } };
    return goToStage(await signUpStage(), HERE);
  }

  // A completed step earns a fresh pending session, so saving the codes has its own 15 minutes.
  const token = await transaction(getDb(), (tx) => renewPendingSession(tx, systemClock, stage.token, stage.user.id, meta.userAgent));
  await setPendingSignIn(token);
  await saveSignUpProgress(token, { ...stage.progress, secondFactorSet: true, backupCodes: result.backupCodes ?? undefined });
  await clearSecondFactorSetup();
  return redirect({ href: '/sign-up/backup-codes', locale: await getLocale() });
}

/** "Send a new code" while confirming the phone. */
export async function resendPhoneCodeAction(previous: ResendFormState): Promise<ResendFormState> {
  const stage = await signUpStage();
  if (stage.step !== 'second_step') return goToStage(stage, HERE);
  const setup = await readSecondFactorSetup(stage.user.id, systemClock.now());
  if (setup?.method !== 'sms') return redirect({ href: HERE, locale: await getLocale() });
  const t = await translator();
  const attempt = previous.attempt + 1;
  const result = await resendPhoneCode(getDb(), systemClock, stage.user, setup, (await requestMeta()).requestId);
  if (result.ok) return { attempt, outcome: 'sent', message: t('secondFactor.sms.resent') };
  return { attempt, outcome: 'throttled', message: phoneResendRefusal(t, result, systemClock.now()) };
}

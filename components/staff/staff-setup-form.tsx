'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { SecondFactorChoiceFields } from '@/components/auth/second-factor-choice-fields';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { startStaffSetupAction, type StaffSetupState } from '@/lib/auth/actions/staff';

/**
 * The set-up link's form: a password and the second step (the choice fields shared with sign-up).
 * The token travels in a hidden field; the password is never sent back after a failed submit.
 */
export function StaffSetupForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('staff.setup');
  const [state, action] = useActionState(startStaffSetupAction, { attempt: 0 } as StaffSetupState);
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(errors, ['password', 'secondFactor', 'phone'])} formError={state.formError} />
      <form key={state.attempt} action={action} noValidate className="max-w-[40rem]">
        <input type="hidden" name="token" value={token} />
        {/* For password managers: the account this new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextInput
          id="password"
          type="password"
          label={t('password.label')}
          hint={t('password.hint')}
          autoComplete="new-password"
          spellCheck={false}
          error={errors.password}
        />
        <SecondFactorChoiceFields defaultMethod={state.values?.secondFactor} defaultPhone={state.values?.phone} errors={errors} />
        <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
      </form>
    </>
  );
}

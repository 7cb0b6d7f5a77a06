'use client';

import { useTranslations } from 'next-intl';
import { SecondFactorChoiceFields } from '@/components/auth/second-factor-choice-fields';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { startStaffSetupAction, type StaffSetupState } from '@/lib/auth/actions/staff';

/**
 * The set-up link's form: a password and the second step (the choice fields shared with sign-up).
 * The token travels in a hidden field; the password is never sent back after a failed submit.
 */
export function StaffSetupForm({ token, email, texting }: { token: string; email: string; texting: boolean }) {
  const t = useTranslations('staff.setup');
  return (
    <ActionForm action={startStaffSetupAction} fields={['password', 'secondFactor', 'phone']} className="max-w-[40rem]">
      {(state: StaffSetupState) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
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
            <SecondFactorChoiceFields defaultMethod={state.values?.secondFactor} defaultPhone={state.values?.phone} errors={errors} texting={texting} />
            <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestResetAction, type RequestResetState } from '@/lib/auth/actions/password-reset';

/** "Send reset link": the email address, kept after a failed submit. Works without JavaScript. */
export function PasswordResetRequestForm() {
  const t = useTranslations('passwordReset.request');
  return (
    <ActionForm action={requestResetAction} fields={['email']} className="max-w-[30rem]">
      {(state: RequestResetState) => (
        <>
          <TextInput
            id="email"
            type="email"
            label={t('emailLabel')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={state.values?.email}
            error={state.fieldErrors?.email}
          />
          <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

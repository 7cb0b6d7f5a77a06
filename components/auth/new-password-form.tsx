'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { newPasswordAction, type NewPasswordState } from '@/lib/auth/actions/password-reset';

/** The new password of a reset. It is never sent back after a failed submit: each attempt mounts an empty field. */
export function NewPasswordForm({ email }: { email: string }) {
  const t = useTranslations('passwordReset.newPassword');
  return (
    <ActionForm action={newPasswordAction} fields={['newPassword']} className="max-w-[30rem]">
      {(state: NewPasswordState) => (
        <>
          {/* For password managers: which account this new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <TextInput id="newPassword" type="password" label={t('label')} hint={t('hint')} autoComplete="new-password" spellCheck={false} error={state.fieldErrors?.newPassword} />
          <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

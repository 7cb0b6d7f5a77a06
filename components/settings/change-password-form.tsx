'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { changePasswordAction, type ChangePasswordState } from '@/lib/auth/actions/settings';
import { Link } from '@/lib/i18n/link';

/**
 * The current password again and the new one. Neither is ever sent back after a failed submit:
 * each attempt mounts empty fields (keyed by the attempt), with the errors beside them.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations('settings.password');
  return (
    <ActionForm action={changePasswordAction} fields={['currentPassword', 'newPassword']} className="max-w-[30rem]">
      {(state: ChangePasswordState) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            {/* For password managers: which account this new password belongs to. */}
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
            <TextInput id="currentPassword" type="password" label={t('current.label')} autoComplete="current-password" spellCheck={false} error={errors.currentPassword} />
            <TextInput id="newPassword" type="password" label={t('new.label')} hint={t('new.hint')} autoComplete="new-password" spellCheck={false} error={errors.newPassword} />
            <div className="mt-8 flex flex-wrap items-center gap-6">
              <SubmitButton>{t('submit')}</SubmitButton>
              <Link href="/settings/security" className="inline-flex min-h-11 items-center">
                {t('cancel')}
              </Link>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

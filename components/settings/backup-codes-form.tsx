'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { BackupCodesList } from '@/components/auth/backup-codes-list';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { makeBackupCodesAction, type BackupCodesState } from '@/lib/auth/actions/settings';
import { Link } from '@/lib/i18n/link';

/**
 * The password again, then the ten new codes, shown this once: they come back in the action's answer
 * and are never stored in clear, so a reload shows the form again, not the codes.
 */
export function BackupCodesForm({ email, left, total }: { email: string; left: number; total: number }) {
  const t = useTranslations('settings');
  const tb = useTranslations('secondFactor.backupCodes');
  const [state, action] = useActionState(makeBackupCodesAction, { attempt: 0 } as BackupCodesState);

  if (state.codes) {
    return (
      <>
        <Alert type="success" heading={t('backupCodes.doneTitle')} role="status" className="no-print">
          {t('backupCodes.done')}
        </Alert>
        <p className="no-print max-w-[40rem]">{tb('lead')}</p>
        <Alert type="warning" heading={tb('warningTitle')} className="no-print">
          {tb('warning')}
        </Alert>
        <BackupCodesList codes={state.codes} email={email} />
        <ButtonLink href="/settings/security" className="no-print">
          {t('backupCodes.finish')}
        </ButtonLink>
      </>
    );
  }

  const errors = state.fieldErrors ?? {};
  return (
    <>
      <p>{t('backupCodes.left', { count: left, total })}</p>
      <ErrorSummary key={state.attempt} errors={toErrorSummaryItems(errors, ['password'])} formError={state.formError} />
      <form key={state.attempt} action={action} noValidate className="max-w-[30rem]">
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextInput
          id="password"
          type="password"
          label={t('confirmPassword.label')}
          hint={t('confirmPassword.hint')}
          autoComplete="current-password"
          spellCheck={false}
          error={errors.password}
        />
        <div className="mt-8 flex flex-wrap items-center gap-6">
          <SubmitButton>{t('backupCodes.submit')}</SubmitButton>
          <Link href="/settings/security" className="inline-flex min-h-11 items-center">
            {t('password.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

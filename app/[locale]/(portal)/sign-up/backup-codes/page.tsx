import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { BackupCodesList } from '@/components/auth/backup-codes-list';
import { BackupCodesSavedForm } from '@/components/auth/backup-codes-saved-form';
import { SignUpEnded } from '@/components/auth/sign-up-ended';
import { SignUpSteps } from '@/components/auth/sign-up-steps';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { finishSignUpAction, remakeBackupCodesAction } from '@/lib/auth/actions/sign-up';
import { requireSignUpStage } from '@/lib/auth/sign-up-progress';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-up/backup-codes'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signUp.backupCodes' });
  return { title: t('title') };
}

/**
 * Step 4: the ten backup codes, shown this once (they rest sealed in this browser's sign-up cookie
 * until the person continues, and are never retrievable afterwards: only their hashes are stored).
 */
export default async function BackupCodesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const stage = await requireSignUpStage(locale, 'backup_codes');
  if (stage.step === 'none') return <SignUpEnded />;

  const [t, tb] = await Promise.all([getTranslations({ locale, namespace: 'signUp.backupCodes' }), getTranslations({ locale, namespace: 'secondFactor.backupCodes' })]);
  const codes = stage.progress.backupCodes;
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <SignUpSteps current={4} />
      {codes?.length ? (
        <>
          <p className="lead no-print max-w-[40rem]">{tb('lead')}</p>
          <Alert type="warning" heading={tb('warningTitle')} className="no-print">
            {tb('warning')}
          </Alert>
          <BackupCodesList codes={codes} email={stage.user.email} />
          <ClientMessages namespaces={['secondFactor']}>
            <BackupCodesSavedForm action={finishSignUpAction} checkboxLabel={tb('saved')} submitLabel={t('finish')} />
          </ClientMessages>
        </>
      ) : (
        <>
          <Alert type="info" heading={tb('missingTitle')}>
            {tb('missing')}
          </Alert>
          <form action={remakeBackupCodesAction}>
            <Button>{tb('makeNew')}</Button>
          </form>
        </>
      )}
    </>
  );
}

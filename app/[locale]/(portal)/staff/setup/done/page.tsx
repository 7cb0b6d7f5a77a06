import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { BackupCodesList } from '@/components/auth/backup-codes-list';
import { StaffSetupSteps } from '@/components/staff/staff-setup-steps';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { leaveStaffSetupAction } from '@/lib/auth/actions/staff';
import { readStaffSetupCookie } from '@/lib/auth/staff-setup-cookie';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/staff/setup/done'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'staff.setup' });
  return { title: t('doneTitle') };
}

/**
 * The end of a staff account's set-up: the ten backup codes, shown this once (sealed in this
 * browser's set-up cookie until the person goes on to sign in), then sign in as everyone does.
 */
export default async function StaffSetupDonePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const stored = await readStaffSetupCookie();
  const [t, tb] = await Promise.all([getTranslations({ locale, namespace: 'staff.setup' }), getTranslations({ locale, namespace: 'secondFactor.backupCodes' })]);
  const codes = stored?.backupCodes;

  if (!codes?.length || !stored?.email) {
    return (
      <>
        <PageHeading>{t('doneTitle')}</PageHeading>
        <Alert type="info" heading={tb('missingTitle')}>
          {t('missingCodes')}
        </Alert>
        <ButtonLink href="/sign-in">{t('signIn')}</ButtonLink>
      </>
    );
  }

  return (
    <>
      <PageHeading lead={t('done')}>{t('doneTitle')}</PageHeading>
      <StaffSetupSteps current={3} />
      <p className="no-print max-w-[40rem]">{tb('lead')}</p>
      <Alert type="warning" heading={tb('warningTitle')} className="no-print">
        {tb('warning')}
      </Alert>
      <BackupCodesList codes={codes} email={stored.email} />
      <form action={leaveStaffSetupAction} className="no-print">
        <Button>{t('signIn')}</Button>
      </form>
    </>
  );
}

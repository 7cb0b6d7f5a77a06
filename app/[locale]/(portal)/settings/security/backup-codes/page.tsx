import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { BackupCodesForm } from '@/components/settings/backup-codes-form';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { BACKUP_CODE_COUNT, remainingBackupCodes } from '@/lib/auth/backup-codes';
import { requireArea } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings/security/backup-codes'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.backupCodes' });
  return { title: t('title') };
}

/** A new set of ten backup codes, after the password; the old set stops working. */
export default async function BackupCodesPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('account');
  const [t, left] = await Promise.all([getTranslations({ locale, namespace: 'settings' }), remainingBackupCodes(getDb(), user.id)]);
  return (
    <>
      <p className="no-print mb-6">
        <Link href="/settings/security">{t('backToSecurity')}</Link>
      </p>
      <PageHeading lead={t('backupCodes.lead')}>{t('backupCodes.title')}</PageHeading>
      <ClientMessages namespaces={['settings', 'secondFactor']}>
        <BackupCodesForm email={user.email} left={left} total={BACKUP_CODE_COUNT} />
      </ClientMessages>
    </>
  );
}

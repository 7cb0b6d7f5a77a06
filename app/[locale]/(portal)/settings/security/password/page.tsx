import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { PageHeading } from '@/components/ui/page-heading';
import { requireArea } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings/security/password'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.password' });
  return { title: t('title') };
}

export default async function ChangePasswordPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('account');
  const t = await getTranslations({ locale, namespace: 'settings' });
  return (
    <>
      <p className="mb-6">
        <Link href="/settings/security">{t('backToSecurity')}</Link>
      </p>
      <PageHeading lead={t('password.lead')}>{t('password.title')}</PageHeading>
      <ClientMessages namespaces={['settings']}>
        <ChangePasswordForm email={user.email} />
      </ClientMessages>
    </>
  );
}

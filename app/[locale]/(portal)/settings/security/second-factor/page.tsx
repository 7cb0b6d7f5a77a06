import type { Metadata } from 'next';
import { textingOffered } from '@/lib/notifications/config';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { ChooseSecondFactorForm } from '@/components/settings/choose-second-factor-form';
import { PageHeading } from '@/components/ui/page-heading';
import { requireArea } from '@/lib/auth/current-user';
import { phoneEnding } from '@/lib/auth/sign-in-display';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings/security/second-factor'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.secondFactor' });
  return { title: t('title') };
}

/** Changing the second step, first part: the password again and the new method. */
export default async function ChangeSecondFactorPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('account');
  const t = await getTranslations({ locale, namespace: 'settings' });
  const method = t(`secondFactor.methods.${user.secondFactor ?? 'none'}`, { ending: phoneEnding(user.phone) ?? '' });
  return (
    <>
      <p className="mb-6">
        <Link href="/settings/security">{t('backToSecurity')}</Link>
      </p>
      <PageHeading lead={t('secondFactor.lead')}>{t('secondFactor.title')}</PageHeading>
      <p className="font-bold">{t('secondFactor.current', { method })}</p>
      <ClientMessages namespaces={['settings', 'secondFactor']}>
        <ChooseSecondFactorForm email={user.email} defaultPhone={user.phone ? formatPhoneNumber(user.phone) : undefined} texting={textingOffered()} />
      </ClientMessages>
    </>
  );
}

import type { Metadata } from 'next';
import { textingOffered } from '@/lib/notifications/config';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { StaffSetupForm } from '@/components/staff/staff-setup-form';
import { StaffSetupSteps } from '@/components/staff/staff-setup-steps';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { checkStaffSetupLink } from '@/lib/auth/staff-accounts';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/staff/setup'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'staff.setup' });
  // The address carries a one-time token: keep it out of search engines.
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Where a staff set-up link leads. Open to anyone: the token is the key. A link that is malformed,
 * expired, replaced or already used says so plainly and what to do instead.
 */
export default async function StaffSetupPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const [t, link] = await Promise.all([getTranslations({ locale, namespace: 'staff.setup' }), checkStaffSetupLink(getDb(), systemClock, token)]);

  if (link.status !== 'valid') {
    return (
      <>
        <PageHeading>{t('unusable.title')}</PageHeading>
        <Alert type={link.status === 'used' ? 'info' : 'warning'}>{t(`unusable.${link.status}`)}</Alert>
        {link.status === 'used' ? <ButtonLink href="/sign-in">{t('unusable.signIn')}</ButtonLink> : null}
      </>
    );
  }

  const { user } = link;
  return (
    <>
      <PageHeading lead={t('lead', { name: `${user.givenName} ${user.familyName}`.trim() })}>{t('title')}</PageHeading>
      <StaffSetupSteps current={1} />
      <p className="font-bold">{t('account', { email: user.email, role: t(`roles.${user.role === 'supervisor' ? 'supervisor' : 'officer'}`) })}</p>
      <ClientMessages namespaces={['staff', 'secondFactor']}>
        <StaffSetupForm token={token} email={user.email} texting={textingOffered()} />
      </ClientMessages>
    </>
  );
}

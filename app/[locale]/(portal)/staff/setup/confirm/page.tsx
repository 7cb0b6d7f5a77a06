import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorProof } from '@/components/auth/second-factor-proof';
import { StaffSetupSteps } from '@/components/staff/staff-setup-steps';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { confirmStaffSetupAction, resendStaffSetupCodeAction } from '@/lib/auth/actions/staff';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
import { pendingStaffSetup } from '@/lib/auth/staff-accounts';
import { readStaffSetupCookie } from '@/lib/auth/staff-setup-cookie';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/staff/setup/confirm'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'staff.setup' });
  return { title: t('title') };
}

/**
 * Setting up a staff account, second part: prove the chosen second step, with the same views as at
 * sign-up. Only for the browser that used the link, while its set-up session lasts.
 */
export default async function StaffSetupConfirmPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const stored = await readStaffSetupCookie();
  const user = await pendingStaffSetup(getDb(), systemClock, stored?.pendingToken);
  const setup = user ? await readSecondFactorSetup(user.id, systemClock.now()) : null;
  const t = await getTranslations({ locale, namespace: 'staff.setup' });

  if (!user || !setup) {
    return (
      <>
        <PageHeading>{t('ended.title')}</PageHeading>
        <Alert type="warning">{t('ended.body')}</Alert>
        <ButtonLink href="/sign-in">{t('signIn')}</ButtonLink>
      </>
    );
  }

  return (
    <SecondFactorProof
      setup={setup}
      email={user.email}
      caption={t('title')}
      steps={<StaffSetupSteps current={2} />}
      confirm={confirmStaffSetupAction}
      resend={resendStaffSetupCodeAction}
    />
  );
}

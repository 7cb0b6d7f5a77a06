import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorCodeForm, SecondFactorContinueForm } from '@/components/auth/second-factor-code-form';
import { SecondFactorResendForm } from '@/components/auth/second-factor-resend-form';
import { SecondFactorTotpInstructions } from '@/components/auth/second-factor-totp-instructions';
import { ClientMessages } from '@/components/layout/client-messages';
import { StaffSetupSteps } from '@/components/staff/staff-setup-steps';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { confirmStaffSetupAction, resendStaffSetupCodeAction } from '@/lib/auth/actions/staff';
import { totpEnrolment } from '@/lib/auth/second-factor-setup';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
import { phoneEnding } from '@/lib/auth/sign-in-display';
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
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: 'staff.setup' }), getTranslations({ locale, namespace: 'secondFactor' })]);

  if (!user || !setup) {
    return (
      <>
        <PageHeading>{t('ended.title')}</PageHeading>
        <Alert type="warning">{t('ended.body')}</Alert>
        <ButtonLink href="/sign-in">{t('signIn')}</ButtonLink>
      </>
    );
  }

  if (setup.method === 'totp') {
    const enrolment = await totpEnrolment(user.email, setup.secret);
    return (
      <>
        <PageHeading caption={t('title')} lead={tf('totp.lead')}>
          {tf('totp.title')}
        </PageHeading>
        <StaffSetupSteps current={2} />
        <SecondFactorTotpInstructions qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmStaffSetupAction} label={tf('totp.codeLabel')} hint={tf('totp.codeHint')} submitLabel={tf('submit')} />
        </ClientMessages>
      </>
    );
  }

  if (setup.method === 'sms') {
    return (
      <>
        <PageHeading caption={t('title')} lead={tf('sms.lead', { ending: phoneEnding(setup.phone) ?? '' })}>
          {tf('sms.title')}
        </PageHeading>
        <StaffSetupSteps current={2} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmStaffSetupAction} label={tf('sms.codeLabel')} hint={tf('sms.codeHint')} submitLabel={tf('submit')}>
            <p className="mt-4 mb-0">{tf('sms.expiry')}</p>
          </SecondFactorCodeForm>
          <h2 className="mt-12 text-[1.3125rem]">{tf('sms.resendTitle')}</h2>
          <p className="max-w-[40rem]">{tf('sms.resendBody')}</p>
          <SecondFactorResendForm action={resendStaffSetupCodeAction} label={tf('sms.resend')} />
        </ClientMessages>
      </>
    );
  }

  return (
    <>
      <PageHeading caption={t('title')} lead={tf('email.lead', { email: user.email })}>
        {tf('email.title')}
      </PageHeading>
      <StaffSetupSteps current={2} />
      <ClientMessages namespaces={['secondFactor']}>
        <SecondFactorContinueForm action={confirmStaffSetupAction} submitLabel={tf('submit')} />
      </ClientMessages>
    </>
  );
}

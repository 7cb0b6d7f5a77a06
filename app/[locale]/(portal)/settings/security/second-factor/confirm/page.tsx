import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorCodeForm, SecondFactorContinueForm } from '@/components/auth/second-factor-code-form';
import { SecondFactorResendForm } from '@/components/auth/second-factor-resend-form';
import { SecondFactorTotpInstructions } from '@/components/auth/second-factor-totp-instructions';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { cancelSecondFactorAction, confirmSecondFactorAction, resendSecondFactorCodeAction } from '@/lib/auth/actions/settings';
import { requireArea } from '@/lib/auth/current-user';
import { totpEnrolment } from '@/lib/auth/second-factor-setup';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
import { phoneEnding } from '@/lib/auth/sign-in-display';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/settings/security/second-factor/confirm'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'settings.secondFactor' });
  return { title: t('confirmTitle') };
}

/**
 * Changing the second step, second part: prove the new method, with the same set-up views as at
 * sign-up. Reached only through the first part (its sealed state exists only after the password).
 */
export default async function ConfirmSecondFactorPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('account');
  const setup = await readSecondFactorSetup(user.id, systemClock.now());
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: 'settings.secondFactor' }), getTranslations({ locale, namespace: 'secondFactor' })]);

  if (!setup) {
    return (
      <>
        <PageHeading>{t('confirmTitle')}</PageHeading>
        <Alert type="warning" heading={t('expiredTitle')}>
          {t('expired')}
        </Alert>
        <ButtonLink href="/settings/security/second-factor">{t('startAgain')}</ButtonLink>
      </>
    );
  }

  const cancel = (
    <form action={cancelSecondFactorAction} className="mt-10">
      <Button variant="unstyled">{t('cancel')}</Button>
    </form>
  );

  if (setup.method === 'totp') {
    const enrolment = await totpEnrolment(user.email, setup.secret);
    return (
      <>
        <PageHeading caption={t('title')} lead={tf('totp.lead')}>
          {tf('totp.title')}
        </PageHeading>
        <SecondFactorTotpInstructions qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmSecondFactorAction} label={tf('totp.codeLabel')} hint={tf('totp.codeHint')} submitLabel={tf('submit')} />
        </ClientMessages>
        {cancel}
      </>
    );
  }

  if (setup.method === 'sms') {
    return (
      <>
        <PageHeading caption={t('title')} lead={tf('sms.lead', { ending: phoneEnding(setup.phone) ?? '' })}>
          {tf('sms.title')}
        </PageHeading>
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmSecondFactorAction} label={tf('sms.codeLabel')} hint={tf('sms.codeHint')} submitLabel={tf('submit')}>
            <p className="mt-4 mb-0">{tf('sms.expiry')}</p>
          </SecondFactorCodeForm>
          <h2 className="mt-12 text-[1.3125rem]">{tf('sms.resendTitle')}</h2>
          <p className="max-w-[40rem]">{tf('sms.resendBody')}</p>
          <SecondFactorResendForm action={resendSecondFactorCodeAction} label={tf('sms.resend')} />
        </ClientMessages>
        {cancel}
      </>
    );
  }

  return (
    <>
      <PageHeading caption={t('title')} lead={tf('email.lead', { email: user.email })}>
        {tf('email.title')}
      </PageHeading>
      <ClientMessages namespaces={['secondFactor']}>
        <SecondFactorContinueForm action={confirmSecondFactorAction} submitLabel={tf('submit')} />
      </ClientMessages>
      {cancel}
    </>
  );
}

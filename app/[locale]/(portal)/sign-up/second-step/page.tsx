import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorChoiceForm } from '@/components/auth/second-factor-choice-form';
import { SecondFactorCodeForm, SecondFactorContinueForm } from '@/components/auth/second-factor-code-form';
import { SecondFactorResendForm } from '@/components/auth/second-factor-resend-form';
import { SecondFactorTotpInstructions } from '@/components/auth/second-factor-totp-instructions';
import { SignUpEnded } from '@/components/auth/sign-up-ended';
import { SignUpSteps } from '@/components/auth/sign-up-steps';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { chooseSecondFactorAction, confirmSecondFactorAction, resendPhoneCodeAction } from '@/lib/auth/actions/second-factor-setup';
import { totpEnrolment } from '@/lib/auth/second-factor-setup';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
import { phoneEnding } from '@/lib/auth/sign-in-display';
import { requireSignUpStage } from '@/lib/auth/sign-up-progress';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-up/second-step'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signUp.secondStep' });
  return { title: t('title') };
}

/**
 * Step 3: setting up the second step chosen on the first page (or choosing it here, when the choice
 * is not known in this browser or the person wants another). Each method has its own view.
 */
export default async function SecondStepPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const stage = await requireSignUpStage(locale, 'second_step');
  if (stage.step === 'none') return <SignUpEnded />;

  const { user, progress } = stage;
  const changing = (await searchParams).change === '1';
  const setup = changing ? null : await readSecondFactorSetup(user.id, systemClock.now());
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: 'signUp.secondStep' }), getTranslations({ locale, namespace: 'secondFactor' })]);
  const changeLink = (
    <p className="mt-10">
      <Link href="/sign-up/second-step?change=1">{tf('change')}</Link>
    </p>
  );

  if (!setup) {
    const chosen = progress.choice;
    const phone = chosen?.method === 'sms' ? chosen.phone : user.phone;
    return (
      <>
        <PageHeading lead={t('chooseLead')}>{t('title')}</PageHeading>
        <SignUpSteps current={3} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorChoiceForm
            action={chooseSecondFactorAction}
            submitLabel={tf('choose.submit')}
            defaultMethod={chosen?.method}
            defaultPhone={phone ? formatPhoneNumber(phone) : undefined}
          />
        </ClientMessages>
      </>
    );
  }

  if (setup.method === 'totp') {
    const enrolment = await totpEnrolment(user.email, setup.secret);
    return (
      <>
        <PageHeading lead={tf('totp.lead')}>{tf('totp.title')}</PageHeading>
        <SignUpSteps current={3} />
        <SecondFactorTotpInstructions qrCode={enrolment.qrCode} secretGroups={enrolment.secretGroups} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmSecondFactorAction} label={tf('totp.codeLabel')} hint={tf('totp.codeHint')} submitLabel={tf('submit')} />
        </ClientMessages>
        {changeLink}
      </>
    );
  }

  if (setup.method === 'sms') {
    return (
      <>
        <PageHeading lead={tf('sms.lead', { ending: phoneEnding(setup.phone) ?? '' })}>{tf('sms.title')}</PageHeading>
        <SignUpSteps current={3} />
        <ClientMessages namespaces={['secondFactor']}>
          <SecondFactorCodeForm action={confirmSecondFactorAction} label={tf('sms.codeLabel')} hint={tf('sms.codeHint')} submitLabel={tf('submit')}>
            <p className="mt-4 mb-0">{tf('sms.expiry')}</p>
          </SecondFactorCodeForm>
          <h2 className="mt-12 text-[1.3125rem]">{tf('sms.resendTitle')}</h2>
          <p className="max-w-[40rem]">{tf('sms.resendBody')}</p>
          <SecondFactorResendForm action={resendPhoneCodeAction} label={tf('sms.resend')} />
        </ClientMessages>
        {changeLink}
      </>
    );
  }

  return (
    <>
      <PageHeading lead={tf('email.lead', { email: user.email })}>{tf('email.title')}</PageHeading>
      <SignUpSteps current={3} />
      <ClientMessages namespaces={['secondFactor']}>
        <SecondFactorContinueForm action={confirmSecondFactorAction} submitLabel={tf('submit')} />
      </ClientMessages>
      {changeLink}
    </>
  );
}

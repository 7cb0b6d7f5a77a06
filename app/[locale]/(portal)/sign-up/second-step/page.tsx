import type { Metadata } from 'next';
import { textingOffered } from '@/lib/notifications/config';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorChoiceForm } from '@/components/auth/second-factor-choice-form';
import { SecondFactorProof } from '@/components/auth/second-factor-proof';
import { SignUpEnded } from '@/components/auth/sign-up-ended';
import { SignUpSteps } from '@/components/auth/sign-up-steps';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { chooseSecondFactorAction, confirmSecondFactorAction, resendPhoneCodeAction } from '@/lib/auth/actions/second-factor-setup';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
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
            texting={textingOffered()}
          />
        </ClientMessages>
      </>
    );
  }

  return (
    <SecondFactorProof
      setup={setup}
      email={user.email}
      steps={<SignUpSteps current={3} />}
      confirm={confirmSecondFactorAction}
      resend={resendPhoneCodeAction}
      after={changeLink}
    />
  );
}

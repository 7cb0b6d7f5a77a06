import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorCodeForm } from '@/components/auth/second-factor-code-form';
import { SecondFactorResendForm } from '@/components/auth/second-factor-resend-form';
import { SignUpEnded } from '@/components/auth/sign-up-ended';
import { SignUpSteps } from '@/components/auth/sign-up-steps';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { confirmEmailAction, resendConfirmationAction } from '@/lib/auth/actions/sign-up';
import { maskEmail } from '@/lib/auth/sign-in-display';
import { requireSignUpStage } from '@/lib/auth/sign-up-progress';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-up/confirm'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signUp.confirm' });
  return { title: t('title') };
}

/**
 * Step 2: the code from the confirmation email. Also where an account whose address was never
 * confirmed arrives from signing in. After trying an address that already has an account the page
 * looks the same (the code can never work), so the form reveals nothing about who has an account.
 */
export default async function ConfirmEmailPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const stage = await requireSignUpStage(locale, 'confirm_email', 'exists');
  if (stage.step === 'none') return <SignUpEnded />;

  const email = stage.step === 'exists' ? stage.email : stage.user.email;
  const t = await getTranslations({ locale, namespace: 'signUp.confirm' });
  return (
    <>
      <PageHeading lead={t('sent', { email: maskEmail(email) })}>{t('title')}</PageHeading>
      <SignUpSteps current={2} />
      <ClientMessages namespaces={['signUp']}>
        <SecondFactorCodeForm action={confirmEmailAction} label={t('codeLabel')} hint={t('codeHint')} submitLabel={t('submit')}>
          <p className="mt-4 mb-0">{t('expiry')}</p>
        </SecondFactorCodeForm>
        <h2 className="mt-12 text-[1.3125rem]">{t('resendTitle')}</h2>
        <p className="max-w-[40rem]">{t('resendBody')}</p>
        <SecondFactorResendForm action={resendConfirmationAction} label={t('resend')} />
      </ClientMessages>
      <p className="mt-8">{t.rich('wrongAddress', { link: (chunks) => <Link href="/sign-up">{chunks}</Link> })}</p>
    </>
  );
}

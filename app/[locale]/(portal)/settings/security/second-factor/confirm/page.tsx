import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SecondFactorProof } from '@/components/auth/second-factor-proof';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { cancelSecondFactorAction, confirmSecondFactorAction, resendSecondFactorCodeAction } from '@/lib/auth/actions/settings';
import { requireArea } from '@/lib/auth/current-user';
import { readSecondFactorSetup } from '@/lib/auth/second-factor-setup-state';
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
  const t = await getTranslations({ locale, namespace: 'settings.secondFactor' });

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

  return (
    <SecondFactorProof
      setup={setup}
      email={user.email}
      caption={t('title')}
      confirm={confirmSecondFactorAction}
      resend={resendSecondFactorCodeAction}
      after={cancel}
    />
  );
}

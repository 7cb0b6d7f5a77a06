import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { SubmitButton } from '@/components/ui/submit-button';
import { getDb } from '@/db/client';
import { continueResetAction } from '@/lib/auth/actions/password-reset';
import { checkPasswordResetLink } from '@/lib/auth/password-reset';
import { maskEmail } from '@/lib/auth/sign-in-display';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/password-reset/continue'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'passwordReset.link' });
  // The address carries a one-time token: keep it out of search engines.
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Where a reset link leads. Open to anyone: the token is the key. Opening it changes nothing (mail
 * scanners open links too); "Continue" starts the reset. A malformed, expired, replaced or used link
 * says so and offers a new one.
 */
export default async function PasswordResetLinkPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const [t, link] = await Promise.all([getTranslations({ locale, namespace: 'passwordReset.link' }), checkPasswordResetLink(getDb(), systemClock, token)]);

  if (link.status !== 'valid') {
    return (
      <>
        <PageHeading>{t('unusableTitle')}</PageHeading>
        <Alert type="warning">{t(link.status)}</Alert>
        <ButtonLink href="/password-reset">{t('askAgain')}</ButtonLink>
      </>
    );
  }
  return (
    <>
      <PageHeading lead={t('lead', { email: maskEmail(link.user.email) })}>{t('title')}</PageHeading>
      <p className="max-w-[40rem]">{t('secondStep')}</p>
      <form action={continueResetAction}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton className="mt-4">{t('continue')}</SubmitButton>
      </form>
    </>
  );
}

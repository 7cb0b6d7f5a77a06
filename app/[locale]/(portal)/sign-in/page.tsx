import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound, redirect as redirectToPath } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { currentSession } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/return-path';
import { landingPath } from '@/lib/auth/policy';
import { redirect } from '@/lib/i18n/navigation';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-in'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signIn' });
  return { title: t('title') };
}

const notices = ['idle', 'absolute', 'restart'] as const;

/** Step one of signing in. Says why the person is here (timed out, signed out) and keeps where they were going. */
export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const returnToPath = safeReturnPath(first(query.returnTo));
  const returnTo = returnToPath === '/' ? null : returnToPath;
  const reason = notices.find((n) => n === first(query.reason));
  const signedOut = first(query.signedOut) === '1';
  const reset = first(query.reset) === '1';

  // Already signed in (a bookmark, the back button): there is nothing to do here.
  const session = await currentSession();
  if (session) {
    if (returnTo) redirectToPath(returnTo);
    redirect({ href: landingPath(session.user.role), locale });
  }

  const t = await getTranslations({ locale, namespace: 'signIn' });
  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {signedOut ? (
        <Alert type="success" heading={t('notices.signedOutTitle')}>
          {t('notices.signedOut')}
        </Alert>
      ) : null}
      {reset ? (
        <Alert type="success" heading={t('notices.resetTitle')}>
          {t('notices.reset')}
        </Alert>
      ) : null}
      {reason ? (
        <Alert type={reason === 'restart' ? 'warning' : 'info'} heading={t(`notices.${reason}Title`)}>
          <p>{t(`notices.${reason}`)}</p>
          {returnTo && reason !== 'restart' ? <p>{t('notices.returnTo')}</p> : null}
        </Alert>
      ) : null}
      <ClientMessages namespaces={['signIn']}>
        <SignInForm returnTo={returnTo} />
      </ClientMessages>
      <p className="mt-6">
        <Link href="/password-reset">{t('forgotPassword')}</Link>
      </p>
      <h2 className="mt-12 text-[1.3125rem]">{t('noAccount')}</h2>
      <p>
        <Link href="/sign-up">{t('createAccount')}</Link>
      </p>
    </>
  );
}

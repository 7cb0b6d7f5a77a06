import type { Metadata } from 'next';
import { textingOffered } from '@/lib/notifications/config';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { SignUpSteps } from '@/components/auth/sign-up-steps';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { currentSession } from '@/lib/auth/current-user';
import { landingPath } from '@/lib/auth/policy';
import { redirect } from '@/lib/i18n/navigation';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/sign-up'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'signUp' });
  return { title: t('title') };
}

/** Step 1 of signing up: who is signing up and the account's details. */
export default async function SignUpPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);

  // Already signed in (a bookmark, the back button after finishing): nothing to do here.
  const session = await currentSession();
  if (session) redirect({ href: landingPath(session.user.role), locale });

  const t = await getTranslations({ locale, namespace: 'signUp' });
  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <SignUpSteps current={1} />
      <p>
        {t('haveAccount')} <Link href="/sign-in">{t('signIn')}</Link>
      </p>
      <ClientMessages namespaces={['signUp', 'secondFactor']}>
        <SignUpForm locale={locale} texting={textingOffered()} />
      </ClientMessages>
    </>
  );
}

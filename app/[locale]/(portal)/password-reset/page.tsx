import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PasswordResetRequestForm } from '@/components/auth/password-reset-request-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/password-reset'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'passwordReset.request' });
  return { title: t('title') };
}

/**
 * "Forgot your password?": asks for the address and answers the same whether or not it has an
 * account. Open to anyone; the link it sends is the key to the next steps.
 */
export default async function PasswordResetPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: 'passwordReset.request' });
  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {query.sent === '1' ? (
        <Alert type="success" heading={t('sentTitle')}>
          {t('sent')}
        </Alert>
      ) : null}
      {query.reason === 'restart' ? (
        <Alert type="warning" heading={t('restartTitle')}>
          {t('restart')}
        </Alert>
      ) : null}
      <ClientMessages namespaces={['passwordReset']}>
        <PasswordResetRequestForm />
      </ClientMessages>
      <p className="mt-8">
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </>
  );
}

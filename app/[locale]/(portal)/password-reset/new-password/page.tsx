import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { checkPasswordResetLink } from '@/lib/auth/password-reset';
import { readPasswordResetCookie } from '@/lib/auth/password-reset-cookie';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/password-reset/new-password'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'passwordReset.newPassword' });
  return { title: t('title') };
}

/**
 * The last step of a reset, once the second step is proven in this browser (the service checks the
 * proof again when the form is sent). Before that, the second step; without a reset, a new link.
 */
export default async function NewPasswordPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const reset = await readPasswordResetCookie();
  const link = await checkPasswordResetLink(getDb(), systemClock, reset?.token);
  if (link.status !== 'valid') return redirect({ href: '/password-reset?reason=restart', locale });
  if (!reset?.proof) return redirect({ href: '/password-reset/verify', locale });
  const t = await getTranslations({ locale, namespace: 'passwordReset.newPassword' });
  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <ClientMessages namespaces={['passwordReset']}>
        <NewPasswordForm email={link.user.email} />
      </ClientMessages>
    </>
  );
}

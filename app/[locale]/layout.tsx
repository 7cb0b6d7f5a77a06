import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { pickMessages, shellClientNamespaces } from '@/lib/i18n/client-messages';
import { isLocale } from '@/lib/i18n/routing';
import { SkipLink } from '@/components/layout/skip-link';
import { OfficialBanner } from '@/components/layout/official-banner';
import { SiteHeader } from '@/components/layout/site-header';
import { AccountNav } from '@/components/layout/account-nav';
import { SessionTimeout } from '@/components/auth/session-timeout';
import { SiteFooter } from '@/components/layout/site-footer';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'meta' });
  // Pages below this segment set only their own title; the template adds " | Immigration Self-Service Portal".
  return {
    title: { template: t('title', { page: '%s' }), default: t('siteName') },
    description: t('description'),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // proxy.ts puts a fresh nonce in the request's Content-Security-Policy and x-nonce headers.
  // Reading the request headers makes every page render per request, so Next stamps that nonce on
  // its scripts; a page rendered at build time would carry none and the CSP would block its scripts.
  // A component that adds its own inline <Script> reads x-nonce the same way and passes it on.
  await headers();
  const messages = await getMessages();

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider messages={pickMessages(messages, shellClientNamespaces)}>
          <SkipLink />
          <OfficialBanner />
          <SiteHeader account={<AccountNav />} />
          <SessionTimeout />
          <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-page flex-1 px-4 pt-8 pb-4 sm:pt-12">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { isLocale, locales } from '@/lib/i18n/routing';
import { SkipLink } from '@/components/layout/skip-link';
import { OfficialBanner } from '@/components/layout/official-banner';
import { SiteFooter } from '@/components/layout/site-footer';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

/** Both languages are known at build time, so the pages that are the same for everyone are prerendered in each. */
export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

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

/**
 * The document in the page's language. The header and <main> come from the two route groups below:
 * (public) for pages that are the same for everyone, prerendered at build time; (portal) for pages
 * that depend on who is signed in, rendered per request. This layout reads nothing of the request,
 * so it serves both.
 */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <OfficialBanner />
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}

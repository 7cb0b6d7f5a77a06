import { setRequestLocale } from 'next-intl/server';
import { SignInLink } from '@/components/layout/sign-in-link';
import { MainContent, SiteHeader } from '@/components/layout/site-header';
import { isLocale, routing } from '@/lib/i18n/routing';

/**
 * Pages that are the same for every visitor, prerendered once per language at build time and served
 * as files: nothing here may read the request (cookies, headers, the session). The header offers
 * "Sign in"; a signed-in person who follows it is taken straight to their account.
 */
export default async function PublicLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(isLocale(locale) ? locale : routing.defaultLocale);
  return (
    <>
      <SiteHeader account={<SignInLink />} />
      <MainContent>{children}</MainContent>
    </>
  );
}

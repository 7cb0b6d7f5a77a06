import type { ReactNode } from 'react';
import { useLocale } from 'next-intl';
import { useTranslations } from '@/lib/i18n/server';
import { Link } from '@/lib/i18n/link';
import { isLocale, routing } from '@/lib/i18n/routing';
import { LanguageToggle } from './language-toggle';

/**
 * Agency and portal name (a link home), the language toggle and the account area: the signed-in
 * person's links and sign-out button (account-nav.tsx) on the portal's pages, a sign-in link on the
 * pages that are the same for everyone. Styled by `.site-header` (app/globals.css).
 */
export function SiteHeader({ account }: { account: ReactNode }) {
  const t = useTranslations('meta');
  const shell = useTranslations('shell');
  const locale = useLocale();
  return (
    <header className="site-header">
      <div className="shell-width">
        <Link href="/" className="site-name">
          <Seal />
          <span>
            <span>{t('agency')}</span>
            <span>{t('portal')}</span>
          </span>
        </Link>
        <div className="site-tools">
          <LanguageToggle locale={isLocale(locale) ? locale : routing.defaultLocale} label={shell('languageToggle')} />
          {account}
        </div>
      </div>
    </header>
  );
}

/** The page's main content, where the skip link leads. */
export function MainContent({ children }: { children: ReactNode }) {
  return (
    <main id="main-content" tabIndex={-1} className="shell-width site-main">
      {children}
    </main>
  );
}

/** A simple agency mark; decorative, the name next to it is the link text. */
function Seal() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 48 48">
      <circle cx="24" cy="24" r="23" fill="#1a4480" />
      <circle cx="24" cy="24" r="18.5" fill="none" stroke="#fff" strokeWidth="1.5" />
      <path d="M24 11l3.1 6.6 7.2.9-5.3 5 1.4 7.1L24 27.1l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z" fill="#fff" />
      <path d="M14 34h20v2.5H14z" fill="#fff" />
    </svg>
  );
}

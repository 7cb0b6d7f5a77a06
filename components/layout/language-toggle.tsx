'use client';

import { usePathname } from 'next/navigation';
import type { Locale } from '@/lib/i18n/routing';

const other: Record<Locale, Locale> = { en: 'es', es: 'en' };

/**
 * The same page in the other language. A real link (it works without JavaScript); the label is in
 * the language it leads to and says so with `lang`, so screen readers pronounce it right. A client
 * component only because the address of the page is known to the browser, not to a page rendered
 * once for everyone; it ships no translations (the label comes from the server).
 */
export function LanguageToggle({ locale, label }: { locale: Locale; label: string }) {
  const target = other[locale];
  // English pages have no prefix; Spanish ones start with /es. The server may also see /en.
  const page = usePathname().replace(/^\/(en|es)(?=\/|$)/, '') || '/';
  const href = target === 'en' ? page : `/es${page === '/' ? '' : page}`;
  return (
    <a href={href} lang={target} hrefLang={target}>
      {label}
    </a>
  );
}

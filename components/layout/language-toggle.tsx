'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

const other: Record<Locale, Locale> = { en: 'es', es: 'en' };

/**
 * The same page in the other language. A real link (it works without JavaScript); the label is in
 * the language it leads to and says so with `lang`, so screen readers pronounce it right.
 */
export function LanguageToggle({ className }: { className?: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const t = useTranslations('shell');
  const target = other[locale];
  return (
    <Link href={pathname} locale={target} lang={target} className={className}>
      {t('languageToggle')}
    </Link>
  );
}

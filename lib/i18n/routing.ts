import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'es'] as const;

/**
 * The conventions dates, times and numbers are written in: the portal's readers are in the United
 * States, so Spanish is US Spanish ("9:30 a.m. EST", "12,345"), not Spain's ("9:30 GMT-5", "12.345").
 */
export const FORMAT_LOCALES = { en: 'en-US', es: 'es-US' } as const;
export type Locale = (typeof locales)[number];

/** English at /, Spanish at /es/…; the language is the user's choice (toggle or settings), not guessed. */
export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  localeDetection: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The address of a portal page in a language: English without a prefix, Spanish under /es
 * (`localePrefix: 'as-needed'`). What next-intl's getPathname answers for these routes, without
 * importing its navigation module, which would bring its client-side Link into every page's scripts.
 */
export function localePath(path: string, locale: Locale): string {
  if (locale === routing.defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The few words the error pages need, in both languages. Error pages are client components that
 * must work when the rest of the page did not (no message provider, no server), so they carry
 * these strings themselves: a few hundred bytes rather than a catalogue.
 */
import enErrors from '@/messages/en/errors.json';
import esErrors from '@/messages/es/errors.json';
import enMeta from '@/messages/en/meta.json';
import esMeta from '@/messages/es/meta.json';
import type { Locale } from './routing';

const catalogue = { en: { errors: enErrors, meta: enMeta }, es: { errors: esErrors, meta: esMeta } };

/** The messages for the page's locale route parameter (English when it is missing or unknown). */
export function errorPageMessages(localeParam: string | string[] | undefined) {
  const locale: Locale = localeParam === 'es' ? 'es' : 'en';
  return { locale, home: locale === 'es' ? '/es' : '/', ...catalogue[locale] };
}

/**
 * Translating on the server: the same calls as next-intl's (`getTranslations`, `getFormatter`, and
 * `useTranslations` / `useFormatter` in server components), built once per process instead of once
 * per request.
 *
 * next-intl keeps its message and `Intl` caches per request, so every page view parsed again every
 * ICU message it showed and built new date formatters: a fifth of a case page's server time. Here
 * each locale has one cache for the life of the process (messages never change while it runs), and
 * each translator and formatter is made once. The locale still comes from the request (the
 * `[locale]` segment, via next-intl). Client components keep next-intl's hooks and their provider.
 */
import { getLocale } from 'next-intl/server';
import { useLocale } from 'next-intl';
import {
  _createCache,
  _createIntlFormatters,
  createFormatter,
  createTranslator,
  type _Translator,
  type NamespaceKeys as IntlNamespaceKeys,
  type NestedKeyOf,
} from 'use-intl/core';
import { loadMessages, type Messages } from './messages';
import { FORMAT_LOCALES, isLocale, locales, routing, type Locale } from './routing';

/** next-intl's time zone for this portal: dates that need another zone say so in their options. */
export const MESSAGES_TIME_ZONE = 'UTC';

type NamespaceKeys = IntlNamespaceKeys<Messages, NestedKeyOf<Messages>>;
export type Translator<Namespace extends NamespaceKeys = never> = _Translator<Messages, Namespace>;

const shared = Object.fromEntries(
  locales.map((locale) => {
    const cache = _createCache();
    return [locale, { cache, formatters: _createIntlFormatters(cache) }];
  }),
) as Record<Locale, { cache: ReturnType<typeof _createCache>; formatters: ReturnType<typeof _createIntlFormatters> }>;

const translators = new Map<string, unknown>();
const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();

/** The translator for a locale and namespace; made on first use and kept. */
export function translatorFor<Namespace extends NamespaceKeys = never>(locale: Locale, namespace?: Namespace): Translator<Namespace> {
  const key = `${locale}:${namespace ?? ''}`;
  const known = translators.get(key);
  if (known) return known as Translator<Namespace>;
  const translator = createTranslator<Messages, Namespace>({
    locale,
    messages: loadMessages(locale),
    namespace,
    timeZone: MESSAGES_TIME_ZONE,
    _cache: shared[locale].cache,
    _formatters: shared[locale].formatters,
  });
  translators.set(key, translator);
  return translator;
}

/** The date and number formatter for a locale; made on first use and kept. */
export function formatterFor(locale: Locale) {
  let formatter = formatters.get(locale);
  if (!formatter) {
    // next-intl types `locale` as one of the routing's; Intl takes any BCP 47 tag.
    formatter = createFormatter({ locale: FORMAT_LOCALES[locale] as Locale, timeZone: MESSAGES_TIME_ZONE, _cache: shared[locale].cache, _formatters: shared[locale].formatters });
    formatters.set(locale, formatter);
  }
  return formatter;
}

function supported(locale: string): Locale {
  return isLocale(locale) ? locale : routing.defaultLocale;
}

/** Like next-intl's: `getTranslations('ns')` for this request's locale, or `getTranslations({ locale, namespace })`. */
export async function getTranslations<Namespace extends NamespaceKeys = never>(
  options?: Namespace | { locale: string; namespace?: Namespace },
) {
  if (options && typeof options === 'object') return translatorFor(supported(options.locale), options.namespace);
  return translatorFor(supported(await getLocale()), options);
}

/** Like next-intl's, for this request's locale (or the given one). */
export async function getFormatter(options?: { locale: string }) {
  return formatterFor(supported(options?.locale ?? (await getLocale())));
}

/** For synchronous server components: next-intl's `useTranslations`, sharing the process-wide caches. */
export function useTranslations<Namespace extends NamespaceKeys = never>(namespace?: Namespace) {
  return translatorFor(supported(useLocale()), namespace);
}

/** For synchronous server components: next-intl's `useFormatter`, sharing the process-wide caches. */
export function useFormatter() {
  return formatterFor(supported(useLocale()));
}

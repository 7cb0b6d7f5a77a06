import type { AnchorHTMLAttributes } from 'react';
import { useLocale } from 'next-intl';
import { isLocale, localePath, routing, type Locale } from './routing';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; locale?: Locale };

/**
 * A link to a page of the portal, in the page's language ("/cases/x" is "/es/cases/x" on a Spanish
 * page): a plain anchor. Pages load whole, as they do without JavaScript, so a link costs nothing
 * to render or to ship to the browser; the portal's pages are server-rendered and gain little from
 * client-side transitions.
 */
export function Link({ href, locale, ...props }: LinkProps) {
  const current = useLocale();
  return <a href={localePath(href, locale ?? (isLocale(current) ? current : routing.defaultLocale))} {...props} />;
}

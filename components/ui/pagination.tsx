
import { Link } from '@/lib/i18n/link';
import { useTranslations } from '@/lib/i18n/server';

/**
 * Previous / numbered / next links (USWDS pagination), as plain links that keep the rest of the
 * query (search and filters), so it works without JavaScript. Styled by `.pagination` (app/globals.css).
 */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const t = useTranslations('ui.pagination');
  if (pages <= 1) return null;
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  return (
    <nav aria-label={t('label')} className="pagination my-8">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={hrefFor(page - 1)}>
              ‹ {t('previous')}
            </Link>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <li key={n}>
            {i > 0 && n - numbers[i - 1] > 1 ? <span className="px-1">…</span> : null}
            {n === page ? (
              <span aria-current="page">
                <span className="sr-only">{t('page', { number: n })}</span>
                <span aria-hidden="true">{n}</span>
              </span>
            ) : (
              <Link href={hrefFor(n)} aria-label={t('page', { number: n })}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link href={hrefFor(page + 1)}>
              {t('next')} ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

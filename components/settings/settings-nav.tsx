import { useTranslations } from '@/lib/i18n/server';
import { Link } from '@/lib/i18n/link';
import { cx } from '@/components/ui/class-names';

const pages = [
  { key: 'account', href: '/settings' },
  { key: 'security', href: '/settings/security' },
  { key: 'apiClients', href: '/settings/api-clients' },
] as const;

/**
 * The settings pages, side by side (API credentials for representatives only); the current one is
 * marked for screen readers and by its underline bar.
 */
export function SettingsNav({ current, representative }: { current: (typeof pages)[number]['key']; representative: boolean }) {
  const t = useTranslations('settings.nav');
  return (
    <nav aria-label={t('label')} className="mb-8 border-b border-base-lighter">
      <ul className="m-0 flex list-none flex-wrap gap-x-6 p-0">
        {pages.filter((page) => representative || page.key !== 'apiClients').map((page) => (
          <li key={page.key}>
            <Link
              href={page.href}
              aria-current={page.key === current ? 'page' : undefined}
              className={cx(
                'inline-flex min-h-11 items-center border-b-4 px-1 font-bold no-underline',
                page.key === current ? 'border-primary text-base-darkest visited:text-base-darkest' : 'border-transparent hover:border-base-light',
              )}
            >
              {t(page.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { useTranslations } from '@/lib/i18n/server';
import { Link } from '@/lib/i18n/link';

/** Agency line and links to pages that exist. */
export function SiteFooter() {
  const t = useTranslations('shell');
  const meta = useTranslations('meta');
  return (
    <footer className="mt-16 bg-base-lightest">
      <div className="mx-auto max-w-page px-4 py-8">
        <nav aria-label={t('footerLinks')}>
          <ul className="m-0 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
            <li>
              <Link href="/" className="inline-flex min-h-6 items-center">
                {t('footerHome')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="bg-primary-darker text-white">
        <div className="mx-auto max-w-page px-4 py-6">
          <p className="m-0 text-[1.125rem] font-bold">{meta('agency')}</p>
          <p className="m-0 mt-1">{t('footerNote')}</p>
        </div>
      </div>
    </footer>
  );
}

import { useTranslations } from '@/lib/i18n/server';
import { Link } from '@/lib/i18n/link';

/** Agency line and links to pages that exist. Styled by `.site-footer` (app/globals.css). */
export function SiteFooter() {
  const t = useTranslations('shell');
  const meta = useTranslations('meta');
  return (
    <footer className="site-footer">
      <nav aria-label={t('footerLinks')} className="shell-width">
        <ul>
          <li>
            <Link href="/">{t('footerHome')}</Link>
          </li>
        </ul>
      </nav>
      <div>
        <div className="shell-width">
          <p>{meta('agency')}</p>
          <p>{t('footerNote')}</p>
        </div>
      </div>
    </footer>
  );
}

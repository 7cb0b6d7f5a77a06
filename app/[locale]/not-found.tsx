import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

/** The 404 page inside the site shell, in the page's language. Next answers it with status 404. */
export default function NotFoundPage() {
  const t = useTranslations('errors');
  const meta = useTranslations('meta');
  return (
    <>
      <title>{meta('title', { page: t('notFoundTitle') })}</title>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <p>{t('notFoundMoved')}</p>
      <p>
        <Link href="/">{t('backHome')}</Link>
      </p>
    </>
  );
}

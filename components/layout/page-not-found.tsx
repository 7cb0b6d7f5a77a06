import { Link } from '@/lib/i18n/link';
import { useTranslations } from '@/lib/i18n/server';

/** What a 404 says, in the page's language. Next answers it with status 404. */
export function PageNotFound() {
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

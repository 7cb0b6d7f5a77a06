import { useTranslations } from '@/lib/i18n/server';

/** The first focusable element of every page: hidden until focused, then jumps to <main>. */
export function SkipLink() {
  const t = useTranslations('shell');
  return (
    <a href="#main-content" className="skip-link">
      {t('skipLink')}
    </a>
  );
}

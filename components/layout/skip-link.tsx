import { useTranslations } from '@/lib/i18n/server';

/** The first focusable element of every page: hidden until focused, then jumps to <main>. */
export function SkipLink() {
  const t = useTranslations('shell');
  return (
    <a
      href="#main-content"
      className="absolute left-2 top-2 z-50 -translate-y-[200%] bg-white px-4 py-3 font-bold text-primary focus:translate-y-0"
    >
      {t('skipLink')}
    </a>
  );
}

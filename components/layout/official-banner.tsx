import { useTranslations } from '@/lib/i18n/server';

/** The thin line at the very top saying whose website this is (the USWDS banner, a labelled region). */
export function OfficialBanner() {
  const t = useTranslations('shell');
  return (
    <section aria-label={t('officialBanner')} className="site-banner">
      <div className="shell-width">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24">
          <path d="M12 1 3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4Zm-2 16-4-4 1.41-1.41L10 14.17l6.59-6.59L18 9l-8 8Z" />
        </svg>
        <p>{t('officialBanner')}</p>
      </div>
    </section>
  );
}

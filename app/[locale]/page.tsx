import { useTranslations } from 'next-intl';

export default function HomePage() {
  const t = useTranslations('home');
  return (
    <main id="main-content">
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
    </main>
  );
}

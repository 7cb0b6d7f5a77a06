'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { Button } from '@/components/ui/button';

/**
 * An unexpected failure while rendering a page: an apology in the page's language, a way to try
 * again and the reference that matches the server log. Never the error message or a stack trace.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const meta = useTranslations('meta');
  const heading = useRef<HTMLHeadingElement>(null);
  const reference = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  useEffect(() => {
    // The page changed under the user: move focus to the explanation so it is announced.
    heading.current?.focus();
  }, []);

  return (
    <>
      <title>{meta('title', { page: t('serverTitle') })}</title>
      <h1 ref={heading} tabIndex={-1} className="focus:outline-none">
        {t('serverTitle')}
      </h1>
      <p>{t('serverBody')}</p>
      {reference ? <p>{t('serverReference', { reference })}</p> : null}
      <div className="mt-6 flex flex-wrap items-center gap-6">
        <Button type="button" onClick={() => retry()}>
          {t('tryAgain')}
        </Button>
        <Link href="/">{t('backHome')}</Link>
      </div>
    </>
  );
}

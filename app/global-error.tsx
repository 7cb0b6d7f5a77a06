'use client';

import './globals.css';
import { useParams } from 'next/navigation';
import { PlainHeader } from '@/components/layout/plain-header';
import { Button } from '@/components/ui/button';
import { errorPageMessages } from '@/lib/i18n/error-page-messages';

/**
 * Last resort when the root layout itself fails: it replaces the whole document, so it cannot use
 * the message provider. The language comes from the route's locale parameter.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const { locale, errors, meta, home } = errorPageMessages(useParams<{ locale?: string }>()?.locale);
  const reference = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <title>{meta.title.replace('{page}', errors.serverTitle)}</title>
        <PlainHeader agency={meta.agency} portal={meta.portal} />
        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-page flex-1 px-4 pt-12 pb-16">
          <h1>{errors.serverTitle}</h1>
          <p>{errors.serverBody}</p>
          {reference ? <p>{errors.serverReference.replace('{reference}', reference)}</p> : null}
          <div className="mt-6 flex flex-wrap items-center gap-6">
            <Button type="button" onClick={() => retry()}>
              {errors.tryAgain}
            </Button>
            {/* A plain link: a full page load is the surest way back when the app shell failed. */}
            <a href={home}>{errors.backHome}</a>
          </div>
        </main>
      </body>
    </html>
  );
}

'use client';

import { useEffect, useRef } from 'react';
import { useParams } from 'next/navigation';
import { PlainHeader } from '@/components/layout/plain-header';
import { Button } from '@/components/ui/button';
import { errorPageMessages } from '@/lib/i18n/error-page-messages';

/**
 * An unexpected failure while rendering a page: an apology in the page's language, a way to try
 * again and the reference that matches the server log. Never the error message or a stack trace.
 * It replaces the page's header and content, so it brings a plain header of its own.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const { errors, meta, home } = errorPageMessages(useParams<{ locale?: string }>()?.locale);
  const heading = useRef<HTMLHeadingElement>(null);
  const reference = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;

  useEffect(() => {
    // The page changed under the user: move focus to the explanation so it is announced.
    heading.current?.focus();
  }, []);

  return (
    <>
      <title>{meta.title.replace('{page}', errors.serverTitle)}</title>
      <PlainHeader agency={meta.agency} portal={meta.portal} />
      <main id="main-content" tabIndex={-1} className="shell-width site-main">
        <h1 ref={heading} tabIndex={-1} className="focus:outline-none">
          {errors.serverTitle}
        </h1>
        <p>{errors.serverBody}</p>
        {reference ? <p>{errors.serverReference.replace('{reference}', reference)}</p> : null}
        <div className="mt-6 flex flex-wrap items-center gap-6">
          <Button type="button" onClick={() => retry()}>
            {errors.tryAgain}
          </Button>
          {/* A plain link: a full page load is the surest way back when part of the page failed. */}
          <a href={home}>{errors.backHome}</a>
        </div>
      </main>
    </>
  );
}

'use client';

import type { Ref } from 'react';
import { Button } from '@/components/ui/button';
import { errorPageMessages } from '@/lib/i18n/error-page-messages';
import { PlainHeader } from './plain-header';

/**
 * What a page that failed shows instead (app/[locale]/error.tsx, app/global-error.tsx): an apology
 * in the page's language, a way to try again and the reference that matches the server log. Never
 * the error message or a stack trace. It brings its own plain header: it replaces the page's.
 */
export function ServiceError({
  localeParam,
  error,
  retry,
  headingRef,
}: {
  localeParam: string | string[] | undefined;
  error: unknown;
  retry: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { errors, meta, home } = errorPageMessages(localeParam);
  const reference = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <>
      <title>{meta.title.replace('{page}', errors.serverTitle)}</title>
      <PlainHeader agency={meta.agency} portal={meta.portal} />
      <main id="main-content" tabIndex={-1} className="shell-width site-main">
        <h1 ref={headingRef} tabIndex={-1} className="focus:outline-none">
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

'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { ErrorSummaryItem } from './error-summary-items';

export type { ErrorSummaryItem };

export interface ErrorSummaryProps {
  /** Field errors in the order the fields appear on the page. */
  errors: ErrorSummaryItem[];
  /** A problem with the form as a whole (not tied to one field), shown above the list. */
  formError?: ReactNode;
  /** Defaults to "There is a problem" from the catalogue. */
  title?: string;
}

/**
 * The USWDS/GOV.UK error summary, rendered at the top of a form after a failed submit. It takes
 * focus when it appears, so screen readers announce it; each entry links to its field and moves
 * focus there. Renders nothing when there are no errors.
 *
 * Without JavaScript every failed submit renders a new page, so it mounts each time. In a client
 * form that stays on the page, give it a `key` that changes with each failed submit (for example a
 * counter in the action state) so it mounts, and takes focus, again.
 */
export function ErrorSummary({ errors, formError, title }: ErrorSummaryProps) {
  const t = useTranslations('errors');
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0 || Boolean(formError);

  useEffect(() => {
    // When errors appear, not on every re-render: that would pull focus from the field being typed in.
    if (hasErrors) ref.current?.focus();
  }, [hasErrors]);

  if (!hasErrors) return null;

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="mb-8 max-w-[40rem] border-l-8 border-error bg-error-lighter px-5 py-4"
    >
      <h2 id="error-summary-title" className="mt-0 mb-2 text-[1.3125rem]">
        {title ?? t('summaryTitle')}
      </h2>
      {formError ? <div className="mb-2">{formError}</div> : null}
      {errors.length > 0 ? (
        <ul className="m-0 list-none p-0">
          {errors.map((error) => (
            <li key={error.field} className="mt-1">
              <a
                href={`#${error.field}`}
                onClick={(event) => focusField(event, error.field)}
                className="font-bold text-error visited:text-error hover:text-error-dark"
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Focus the field and scroll its label (or its group's legend) into view, so the question is visible too. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const input = document.getElementById(field);
  if (!input || !('focus' in input)) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

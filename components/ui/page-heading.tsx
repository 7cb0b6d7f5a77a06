import type { ReactNode } from 'react';

export interface PageHeadingProps {
  /** The page's h1. Keep it the same as (or close to) the page title. */
  children: ReactNode;
  /** A short line above the h1 saying which case or section this is (e.g. a receipt number). */
  caption?: ReactNode;
  /** A lead paragraph under the h1. */
  lead?: ReactNode;
}

/** The h1 of a page, with an optional caption above and lead paragraph below (GOV.UK pattern). */
export function PageHeading({ children, caption, lead }: PageHeadingProps) {
  return (
    <div className="mb-8">
      {caption ? <p className="mb-1 text-lg text-base-dark">{caption}</p> : null}
      <h1 className="mb-4">{children}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </div>
  );
}

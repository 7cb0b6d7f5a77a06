import type { ReactNode } from 'react';

/** Facts as term and value pairs (the GOV.UK summary list), e.g. a case's form, office and dates. */
export function SummaryList({ rows }: { rows: { term: string; value: ReactNode }[] }) {
  return (
    <dl className="m-0 max-w-[48rem] border-t border-base-light">
      {rows.map(({ term, value }) => (
        <div key={term} className="grid gap-x-6 border-b border-base-light py-3 sm:grid-cols-[14rem_1fr]">
          <dt className="font-bold">{term}</dt>
          <dd className="m-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

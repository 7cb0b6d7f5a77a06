import type { ReactNode } from 'react';

/**
 * Facts as term and value pairs (the GOV.UK summary list), e.g. a case's form, office and dates; an
 * optional action per row ("Change" on a check-your-answers page).
 */
export function SummaryList({ rows }: { rows: { term: string; value: ReactNode; action?: ReactNode }[] }) {
  const withActions = rows.some((row) => row.action);
  return (
    <dl className="m-0 max-w-[48rem] border-t border-base-light">
      {rows.map(({ term, value, action }) => (
        <div key={term} className={`grid gap-x-6 border-b border-base-light py-3 ${withActions ? 'sm:grid-cols-[14rem_1fr_auto]' : 'sm:grid-cols-[14rem_1fr]'}`}>
          <dt className="font-bold">{term}</dt>
          <dd className="m-0 whitespace-pre-line">{value}</dd>
          {withActions ? <dd className="m-0">{action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

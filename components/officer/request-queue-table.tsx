import { Table } from '@/components/ui/table';
import type { officerQueue } from '@/lib/appointment-requests/queries';
import type { OtherReason, RequestReason } from '@/lib/appointment-requests/reasons';
import { localePath, type Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';
import { age, momentIn, urgency } from './request-formatting';

export type QueueRow = Awaited<ReturnType<typeof officerQueue>>['rows'][number];

/**
 * The officers' queue as one plain table: reference (to the request), reason, office, age, due time
 * in the office's zone (overdue or due within a day said in words), status and who has it. It is
 * read with thousands of requests open, so each row is kept to text and ordinary links, and the
 * words every row repeats are looked up once per page.
 */
export function RequestQueueTable({ rows, locale, now, caption, empty }: { rows: QueueRow[]; locale: Locale; now: Date; caption: string; empty: string }) {
  const t = translatorFor(locale, 'officerRequests');
  const tReasons = translatorFor(locale, 'appointments');
  const notClaimed = t('queue.notClaimed');
  const overdue = t('queue.overdue');
  const dueSoon = t('queue.dueSoon');
  const hrefBase = localePath('/officer/appointment-requests/', locale);
  const reasonOf = (row: QueueRow) =>
    row.reason === 'other' && row.otherReason
      ? t('queue.otherReason', { situation: tReasons(`otherReasons.${row.otherReason as OtherReason}`) })
      : tReasons(`reasons.${row.reason as RequestReason}`);

  return (
    <Table
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(row) => row.reference}
      empty={empty}
      columns={[
        { header: t('queue.columns.reference'), rowHeader: true, cell: (row) => <a href={hrefBase + row.reference}>{row.reference}</a> },
        { header: t('queue.columns.reason'), cell: reasonOf },
        { header: t('queue.columns.office'), cell: (row) => row.officeName },
        {
          header: t('queue.columns.age'),
          cell: (row) => {
            const { unit, count } = age(row.createdAt, now);
            return t(`age.${unit}`, { count });
          },
        },
        {
          header: t('queue.columns.due'),
          cell: (row) => {
            const flag = urgency(row.status, row.dueAt, now);
            return (
              <>
                {flag ? <strong>{flag === 'overdue' ? overdue : dueSoon}</strong> : null}
                {flag ? ' ' : null}
                {momentIn(locale, row.dueAt, row.officeTimeZone)}
              </>
            );
          },
        },
        { header: t('queue.columns.status'), cell: (row) => t(`statuses.${row.status}`) },
        {
          header: t('queue.columns.claimedBy'),
          cell: (row) => (row.claimedByGiven !== null ? `${row.claimedByGiven} ${row.claimedByFamily ?? ''}`.trim() : notClaimed),
        },
      ]}
    />
  );
}

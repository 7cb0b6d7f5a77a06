import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/form-group';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { callbackQueue, isOpenStatus, OPEN_STATUSES, QUEUE_PAGE_SIZE } from '@/lib/callbacks/callback-views';
import { systemClock } from '@/lib/clock';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { getFormatter, translatorFor } from '@/lib/i18n/server';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/officer/callbacks'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: translatorFor(locale, 'callbacks')('officer.title') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The officers' callbacks (spec §8): customers who answered YES to this officer's text first, then
 * urgent requests, then by due time; filters as a plain GET form (a shareable address).
 */
export default async function CallbackQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('officer');
  const query = await searchParams;
  const status = first(query.status);
  const urgency = first(query.urgency);
  const page = Number(first(query.page));
  const filters = {
    status: status && isOpenStatus(status) ? status : undefined,
    urgency: urgency === 'urgent' || urgency === 'regular' ? urgency : undefined,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  } as const;
  const [queue, format] = await Promise.all([callbackQueue(getDb(), user, filters), getFormatter({ locale })]);
  const t = translatorFor(locale, 'callbacks');
  const now = systemClock.now();
  const from = (queue.page - 1) * QUEUE_PAGE_SIZE + 1;
  const href = localePath('/officer/callbacks/', locale);
  const time = (at: Date) => format.dateTime(at, { hour: 'numeric', minute: '2-digit', timeZone: AGENCY_TIME_ZONE, timeZoneName: 'short' });
  const due = (at: Date) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short', timeZone: AGENCY_TIME_ZONE });
  const overdue = t('officer.overdue');
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (filters.urgency) params.set('urgency', filters.urgency);
    params.set('page', String(n));
    return `/officer/callbacks?${params}`;
  };

  return (
    <>
      <PageHeading lead={t('officer.lead')}>{t('officer.title')}</PageHeading>
      <section aria-labelledby="callback-filters" className="mb-8">
        <h2 id="callback-filters" className="mt-0">
          {t('officer.filters.title')}
        </h2>
        <form method="get" action={localePath('/officer/callbacks', locale)} className="flex flex-wrap items-end gap-x-6">
          <Select
            id="status"
            label={t('officer.filters.status')}
            placeholder={t('officer.filters.anyStatus')}
            defaultValue={filters.status ?? ''}
            width="xl"
            options={OPEN_STATUSES.map((value) => ({ value, label: t(`officer.status.${value}`) }))}
          />
          <Select
            id="urgency"
            label={t('officer.filters.urgency')}
            placeholder={t('officer.filters.anyUrgency')}
            defaultValue={filters.urgency ?? ''}
            width="md"
            options={[
              { value: 'urgent', label: t('urgency.urgent') },
              { value: 'regular', label: t('urgency.regular') },
            ]}
          />
          <p>
            <Button variant="secondary">{t('officer.filters.submit')}</Button>
          </p>
        </form>
      </section>
      <p className="font-bold" role="status">
        {queue.total === 0 ? t('officer.empty') : t('officer.summary', { total: queue.total, from, to: from + queue.rows.length - 1 })}
      </p>
      {queue.total > 0 ? (
        <Table
          caption={t('officer.caption')}
          captionHidden
          rows={queue.rows}
          rowKey={(row) => row.serviceRequestNumber}
          columns={[
            { header: t('officer.columns.number'), rowHeader: true, cell: (row) => <a href={href + row.serviceRequestNumber}>{row.serviceRequestNumber}</a> },
            { header: t('officer.columns.customer'), cell: (row) => row.customerName },
            { header: t('officer.columns.urgency'), cell: (row) => t(`urgency.${row.urgency}`) },
            { header: t('officer.columns.due'), cell: (row) => (row.dueAt < now ? `${due(row.dueAt)} (${overdue})` : due(row.dueAt)) },
            { header: t('officer.columns.status'), cell: (row) => t(`officer.status.${row.status}`) },
            {
              header: t('officer.columns.next'),
              cell: (row) =>
                row.status === 'awaiting_reply' && row.nextStepAt
                  ? t('officer.next.awaiting_reply', { time: time(row.nextStepAt) })
                  : (row.status === 'ready' || row.status === 'calling') && row.assignedOfficerId !== user.id && row.assignedOfficerName
                    ? t('officer.next.readyOther', { name: row.assignedOfficerName })
                    : t(`officer.next.${row.status}` as never),
            },
          ]}
        />
      ) : null}
      <Pagination page={queue.page} pages={queue.pageCount} hrefFor={pageHref} />
    </>
  );
}

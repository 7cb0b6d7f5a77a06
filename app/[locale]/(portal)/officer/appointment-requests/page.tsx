import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { QueueFilters } from '@/components/officer/queue-filters';
import { RequestQueueTable } from '@/components/officer/request-queue-table';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { fieldOfficeChoices } from '@/lib/appointment-requests/request-options';
import { officerQueue, QUEUE_PAGE_SIZE } from '@/lib/appointment-requests/queries';
import { parseQueueQuery } from '@/lib/appointment-requests/queue-query';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/officer/appointment-requests'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: translatorFor(locale, 'officerRequests')('queueTitle') };
}

/** The officers' queue of appointment requests (spec §5): emergency advance parole first, then oldest first. */
export default async function AppointmentRequestQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireArea('officer');
  const query = parseQueueQuery(await searchParams);
  const [queue, offices] = await Promise.all([officerQueue(getDb(), query.filters), fieldOfficeChoices(getDb())]);
  const t = translatorFor(locale, 'officerRequests');
  const from = (queue.page - 1) * QUEUE_PAGE_SIZE + 1;

  return (
    <>
      <PageHeading lead={t('queue.lead')}>{t('queueTitle')}</PageHeading>
      <QueueFilters locale={locale} status={query.status} reason={query.reason} office={query.office} offices={offices} filtered={query.filtered} />
      <p className="font-bold">
        {queue.total === 0
          ? query.filtered
            ? t('queue.emptyFiltered')
            : t('queue.empty')
          : t('queue.shown', { total: queue.total, from, to: from + queue.rows.length - 1 })}
      </p>
      {queue.total > 0 ? (
        <RequestQueueTable rows={queue.rows} locale={locale} now={systemClock.now()} caption={t('queue.caption')} empty={t('queue.empty')} />
      ) : null}
      <Pagination page={queue.page} pages={queue.pageCount} hrefFor={(n) => `/officer/appointment-requests?${query.withPage(n)}`} />
    </>
  );
}

import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { Table } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { callbackStatusKey } from '@/lib/callbacks/callback-words';
import { ownCallbacks } from '@/lib/callbacks/callback-views';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/callbacks'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'callbacks.list' });
  return { title: t('title') };
}

/** The person's callback requests, newest first, each with where it stands in plain words. */
export default async function CallbacksPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const [rows, t, tRequest, format] = await Promise.all([
    ownCallbacks(getDb(), user),
    getTranslations({ locale, namespace: 'callbacks' }),
    getTranslations({ locale, namespace: 'callbackRequest' }),
    getFormatter({ locale }),
  ]);
  return (
    <>
      <PageHeading>{t('list.title')}</PageHeading>
      <p>
        <ButtonLink href="/callbacks/request">{t('requestLink')}</ButtonLink>
      </p>
      {rows.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Table
          caption={t('list.caption')}
          captionHidden
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { header: t('list.columns.number'), rowHeader: true, cell: (row) => <a href={localePath(`/callbacks/${row.serviceRequestNumber}`, locale)}>{row.serviceRequestNumber}</a> },
            { header: t('list.columns.topic'), cell: (row) => tRequest(`topic.options.${row.topic}` as never) },
            { header: t('list.columns.status'), cell: (row) => t(callbackStatusKey(row) as never) },
            { header: t('list.columns.requested'), cell: (row) => format.dateTime(row.createdAt, { dateStyle: 'long', timeZone: AGENCY_TIME_ZONE }) },
          ]}
        />
      )}
    </>
  );
}

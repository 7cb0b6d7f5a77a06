import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CallbackTimeline } from '@/components/callbacks/callback-timeline';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { ownCallback } from '@/lib/callbacks/callback-views';
import { callbackStatusKey } from '@/lib/callbacks/callback-words';
import { cancelCallbackAction } from '@/lib/callbacks/customer-actions';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/callbacks/[number]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'callbacks.detail' });
  return { title: t('title') };
}

/**
 * One of the person's callback requests: its number, what it is about, where it stands and what has
 * happened, in plain words; "Cancel this request" while nobody has started on it. Another person's
 * number is "not found", as a number that does not exist.
 */
export default async function CallbackPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const detail = /^\d{8}$/.test(number) ? await ownCallback(getDb(), user, number) : null;
  if (!detail) notFound();
  const [t, tRequest, format, query] = await Promise.all([
    getTranslations({ locale, namespace: 'callbacks' }),
    getTranslations({ locale, namespace: 'callbackRequest' }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const { callback } = detail;
  const when = (at: Date) => format.dateTime(at, { dateStyle: 'long', timeStyle: 'short', timeZone: AGENCY_TIME_ZONE });
  const cancellable = callback.status === 'queued' && callback.attempts === 0;

  return (
    <>
      {query.created === '1' ? (
        <div className="confirmation-panel">
          <h1 className="mb-4 text-white">{t('created.title')}</h1>
          <p className="mb-0 text-lg">
            {t('created.number')}
            <br />
            <strong className="text-2xl tracking-wide">{callback.serviceRequestNumber}</strong>
          </p>
        </div>
      ) : (
        <PageHeading caption={t('detail.caption', { number: callback.serviceRequestNumber })}>{t('detail.title')}</PageHeading>
      )}
      {query.created === '1' ? <p className="max-w-[40rem]">{t('created.emailed')}</p> : null}
      {query.cancelled === '1' ? <Alert type="success">{t('detail.cancelled')}</Alert> : null}
      {query.cancel === 'started' ? <Alert type="warning">{t('detail.cannotCancel')}</Alert> : null}

      <section aria-labelledby="where" className="max-w-[48rem] border-l-8 border-primary bg-primary-lightest px-5 py-4">
        <h2 id="where" className="mt-0 text-[1.3125rem]">
          {t(callbackStatusKey(callback) as never)}
        </h2>
      </section>

      <SummaryList
        rows={[
          { term: t('detail.facts.topic'), value: tRequest(`topic.options.${callback.topic}` as never) },
          { term: t('detail.facts.case'), value: detail.receiptNumber ?? t('detail.noCase') },
          { term: t('detail.facts.urgency'), value: t(`urgency.${callback.urgency}`) },
          { term: t('detail.facts.phone'), value: formatPhoneNumber(callback.phone) },
          { term: t('detail.facts.language'), value: t(`language.${callback.language}`) },
          { term: t('detail.facts.textAhead'), value: callback.textAhead ? t('detail.yes') : t('detail.no') },
          { term: t('detail.facts.requested'), value: when(callback.createdAt) },
          { term: t('detail.facts.due'), value: format.dateTime(callback.dueAt, { dateStyle: 'long', timeZone: AGENCY_TIME_ZONE }) },
        ]}
      />

      <h2 className="mt-12">{t('detail.progressTitle')}</h2>
      <CallbackTimeline events={detail.events} words={(kind) => t(`event.${kind}` as never)} when={when} />

      {cancellable ? (
        <form action={cancelCallbackAction} className="mt-8">
          <input type="hidden" name="serviceRequestNumber" value={callback.serviceRequestNumber} />
          <p className="text-base-dark">{t('detail.cancelHint')}</p>
          <Button variant="secondary">{t('detail.cancel')}</Button>
        </form>
      ) : null}

      <p className="mt-12">
        <Link href="/callbacks">{t('detail.back')}</Link>
      </p>
    </>
  );
}

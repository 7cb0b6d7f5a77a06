import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CallbackTimeline } from '@/components/callbacks/callback-timeline';
import { CallOutcomeForm, StartCallbackForm } from '@/components/callbacks/officer-callback-forms';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { formatPhoneNumber } from '@/lib/auth/sign-up-schema';
import { officerCallback } from '@/lib/callbacks/callback-views';
import { callbackStatusKey } from '@/lib/callbacks/callback-words';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/officer/callbacks/[number]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'callbacks.officer' });
  return { title: t('detailTitle', { number: /^\d{8}$/.test(number) ? number : '' }) };
}

/**
 * One callback for an officer: the customer, how to reach them, what happened so far; "Start
 * callback" when it is waiting or a second attempt is due; the outcome form for the officer who
 * started the call.
 */
export default async function OfficerCallbackPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('officer');
  const detail = /^\d{8}$/.test(number) ? await officerCallback(getDb(), number) : null;
  if (!detail) notFound();
  const [t, tRequest, format, query] = await Promise.all([
    getTranslations({ locale, namespace: 'callbacks' }),
    getTranslations({ locale, namespace: 'callbackRequest' }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const { callback } = detail;
  const when = (at: Date) => format.dateTime(at, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: AGENCY_TIME_ZONE, timeZoneName: 'short' });
  const startable = callback.status === 'queued' || callback.status === 'retry_due';
  const recording = (callback.status === 'ready' || callback.status === 'calling') && callback.assignedOfficerId === user.id;
  const status = callback.status === 'closed' ? t(callbackStatusKey(callback) as never) : t(`officer.status.${callback.status}`);

  return (
    <>
      <PageHeading caption={t('officer.title')}>{t('officer.detailTitle', { number: callback.serviceRequestNumber })}</PageHeading>
      {query.started === 'text' || query.started === 'call' ? <Alert type="success">{t(`officer.started.${query.started}`)}</Alert> : null}
      {query.problem === 'not_startable' ? <Alert type="warning">{t('officer.notStartable', { status })}</Alert> : null}
      {query.recorded === '1' ? <Alert type="success">{t('officer.outcome.recorded')}</Alert> : null}

      <SummaryList
        rows={[
          { term: t('officer.columns.status'), value: status },
          { term: t('officer.customer'), value: detail.customer.name },
          { term: t('detail.facts.phone'), value: formatPhoneNumber(callback.phone) },
          { term: t('detail.facts.language'), value: t(`language.${callback.language}`) },
          { term: t('detail.facts.textAhead'), value: callback.textAhead ? t('detail.yes') : t('detail.no') },
          { term: t('detail.facts.topic'), value: tRequest(`topic.options.${callback.topic}` as never) },
          { term: t('detail.facts.case'), value: detail.receiptNumber ?? t('detail.noCase') },
          { term: t('detail.facts.urgency'), value: t(`urgency.${callback.urgency}`) },
          { term: t('officer.columns.due'), value: when(callback.dueAt) },
          { term: t('officer.attempts'), value: String(callback.attempts) },
          { term: t('officer.assigned'), value: detail.assignedOfficerName ?? t('officer.nobody') },
          { term: t('officer.email'), value: detail.customer.email },
        ]}
      />

      {startable || recording ? (
        <ClientMessages namespaces={['callbacks']}>
          {startable ? (
            <StartCallbackForm serviceRequestNumber={callback.serviceRequestNumber} hint={callback.textAhead ? t('officer.startHintText') : t('officer.startHintCall')} />
          ) : (
            <CallOutcomeForm serviceRequestNumber={callback.serviceRequestNumber} />
          )}
        </ClientMessages>
      ) : null}

      <h2 className="mt-12">{t('detail.progressTitle')}</h2>
      <CallbackTimeline events={detail.events} words={(kind) => t(`officer.event.${kind}` as never)} when={when} showNotes />

      <p className="mt-12">
        <Link href="/officer/callbacks">{t('officer.back')}</Link>
      </p>
    </>
  );
}

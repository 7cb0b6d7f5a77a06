import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { caseBiometrics } from '@/components/biometrics/reschedule-context';
import { dayIn, timeIn } from '@/components/officer/request-formatting';
import { SummaryList } from '@/components/ui/summary-list';
import { Link } from '@/lib/i18n/link';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics/rescheduled'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.flow.done' });
  return { title: t('title') };
}

/** "Appointment rescheduled": the new time, the printable notice and the calendar file. */
export default async function AppointmentRescheduledPage({ params, searchParams }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, found } = await caseBiometrics(receipt);
  if (!found) notFound();
  const by = (await searchParams).by === 'text' ? 'text' : 'email';
  const t = await getTranslations({ locale, namespace: 'reschedule' });
  const { appointment, asc } = found;
  const download = (what: 'notice' | 'calendar') => localePath(`/cases/${theCase.receiptNumber}/biometrics/${what}`, locale);

  return (
    <>
      <div className="confirmation-panel">
        <h1 className="mb-0 text-white">{t('flow.done.title')}</h1>
      </div>
      <p>{t('flow.done.lead')}</p>
      <SummaryList
        rows={[
          { term: t('overview.where'), value: asc.name },
          { term: t('overview.address'), value: `${asc.street}, ${asc.city}, ${asc.state} ${asc.zip}` },
          { term: t('overview.date'), value: <time dateTime={appointment.startsAt.toISOString()}>{dayIn(locale, appointment.startsAt, asc.timeZone)}</time> },
          { term: t('overview.time'), value: timeIn(locale, appointment.startsAt, asc.timeZone) },
        ]}
      />
      <p className="mt-4">{t('flow.done.sent', { channel: t(`flow.done.channels.${by}`) })}</p>
      <ul className="list-bullets">
        <li>
          <a href={download('notice')}>{t('flow.done.notice')}</a> ({t('flow.done.noticeHint')})
        </li>
        <li>
          <a href={download('calendar')}>{t('flow.done.calendar')}</a>
        </li>
      </ul>
      <p className="mt-12">
        <Link href={`/cases/${theCase.receiptNumber}`}>{t('flow.done.backToCase')}</Link>
      </p>
    </>
  );
}

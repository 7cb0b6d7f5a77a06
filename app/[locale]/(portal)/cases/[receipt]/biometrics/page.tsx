import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { caseBiometrics } from '@/components/biometrics/reschedule-context';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { dayIn, timeIn } from '@/components/officer/request-formatting';
import { reschedulePath } from '@/lib/biometrics/reschedule-flow';
import { contactCenterPhone } from '@/lib/contact-center';
import { Link } from '@/lib/i18n/link';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';

type Props = PageProps<'/[locale]/cases/[receipt]/biometrics'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'reschedule.overview' });
  return { title: `${t('title')}: ${normaliseReceiptNumber(receipt) ?? ''}` };
}

/**
 * A case's biometrics appointment: where and when (the centre's local time and zone), its notice and
 * calendar file, and either the way to reschedule or the rule that stops it, in words, with the next step.
 */
export default async function BiometricsAppointmentPage({ params }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { theCase, found, block } = await caseBiometrics(receipt);
  const t = await getTranslations({ locale, namespace: 'reschedule.overview' });
  const tRules = await getTranslations({ locale, namespace: 'biometrics.rules' });
  const download = (what: 'notice' | 'calendar') => localePath(`/cases/${theCase.receiptNumber}/biometrics/${what}`, locale);

  return (
    <>
      <PageHeading caption={t('caption', { receiptNumber: theCase.receiptNumber })}>{t('title')}</PageHeading>
      {found ? (
        <>
          <SummaryList
            rows={[
              { term: t('where'), value: found.asc.name },
              { term: t('address'), value: `${found.asc.street}, ${found.asc.city}, ${found.asc.state} ${found.asc.zip}` },
              { term: t('date'), value: <time dateTime={found.appointment.startsAt.toISOString()}>{dayIn(locale, found.appointment.startsAt, found.asc.timeZone)}</time> },
              { term: t('time'), value: timeIn(locale, found.appointment.startsAt, found.asc.timeZone) },
            ]}
          />
          <p className="mt-2 text-base-dark">{t('timeZoneNote')}</p>
          <p>{t('rescheduledCount', { count: found.appointment.rescheduleCount })}</p>
          <ul className="list-bullets">
            <li>
              <a href={download('notice')}>{t('notice')}</a> ({t('noticeHint')})
            </li>
            <li>
              <a href={download('calendar')}>{t('calendar')}</a>
            </li>
          </ul>
        </>
      ) : null}
      {block ? (
        <Alert type="warning" heading={t('cannotTitle')}>
          <p>{block === 'no_appointment' && !found ? t('none') : tRules(block)}</p>
          <p>{t('nextStep', { phone: contactCenterPhone() })}</p>
          <p className="mb-0">
            <Link href={`/callbacks/request?case=${theCase.receiptNumber}`}>{t('callbackLink')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="mt-8 max-w-[40rem]">{t('canReschedule')}</p>
          <ButtonLink href={reschedulePath(theCase.receiptNumber, 'reason')}>{t('start')}</ButtonLink>
        </>
      )}
      <p className="mt-12">
        <Link href={`/cases/${theCase.receiptNumber}`}>{t('back')}</Link>
      </p>
    </>
  );
}

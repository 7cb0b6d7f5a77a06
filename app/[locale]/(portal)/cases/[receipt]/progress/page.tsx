import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { calendarDate } from '@/components/cases/case-formatting';
import { ProgressTimeline } from '@/components/progress/progress-timeline';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { epochDay } from '@/lib/calendar/iso-date';
import { caseForViewer } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { systemClock } from '@/lib/clock';
import { contactCenterPhone } from '@/lib/contact-center';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { caseProgress } from '@/lib/progress/case-progress';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/cases/[receipt]/progress'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'progress' });
  return { title: `${t('title')}: ${normaliseReceiptNumber(receipt) ?? ''}` };
}

/**
 * myProgress (spec §7): the case's milestones and an honest estimate of its decision, with what the
 * estimate rests on. Only the applicant and linked representatives see it; anyone else gets the
 * same "not found" as for a receipt number that does not exist.
 */
export default async function ProgressPage({ params }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const receiptNumber = normaliseReceiptNumber(receipt);
  const theCase = receiptNumber ? await caseForViewer(getDb(), user, receiptNumber) : null;
  if (!theCase) notFound();

  const [progress, t, format] = await Promise.all([
    caseProgress(getDb(), systemClock, theCase),
    getTranslations({ locale, namespace: 'progress' }),
    getFormatter({ locale }),
  ]);
  const { estimate, milestones, today } = progress;
  const date = (on: string) => calendarDate(format, on);
  const time = (on: string) =>
    function DateTag(chunks: ReactNode) {
      return <time dateTime={on}>{chunks}</time>;
    };
  const band = estimate.kind === 'estimate' && estimate.halfBy && estimate.eightyBy ? { halfBy: estimate.halfBy, eightyBy: estimate.eightyBy } : null;
  const reached = milestones.filter((m): m is typeof m & { reachedOn: string } => m.reachedOn !== null);
  const milestoneWords = reached.map((m) => `${t(`milestone.${m.key}`)}: ${t.markup('reached', { date: date(m.reachedOn), time: (chunks) => chunks })}.`).join(' ');
  const basisValues =
    estimate.kind === 'estimate'
      ? { cases: estimate.cases, formType: theCase.formType, classification: theCase.classification ?? '', from: date(estimate.receivedFrom), to: date(estimate.receivedTo) }
      : null;

  return (
    <>
      <PageHeading caption={t('caption', { receiptNumber: theCase.receiptNumber })}>{t('title')}</PageHeading>
      <p className="text-lg">
        {t('lead', { formType: theCase.formType, classification: theCase.classification ?? 'none', receivedOn: date(theCase.receiptDate) })}
      </p>

      {estimate.kind === 'estimate' && estimate.outsideNormal && estimate.usualEightyBy ? (
        <Alert type="warning" heading={t('outsideTitle')}>
          <p>{t('outside', { days: epochDay(estimate.usualEightyBy) - epochDay(theCase.receiptDate), date: date(estimate.usualEightyBy) })}</p>
          <p>{t('askAbout', { phone: contactCenterPhone() })}</p>
          <p className="mb-0">
            <Link href={`/callbacks/request?case=${theCase.receiptNumber}`}>{t('callbackLink')}</Link>
          </p>
        </Alert>
      ) : null}

      {estimate.kind === 'not-covered' ? (
        <Alert type="info" heading={t('notCoveredTitle')}>
          {t('notCovered')}
        </Alert>
      ) : (
        <section aria-labelledby="estimate-title" className="max-w-[48rem] border-l-8 border-primary bg-primary-lightest px-5 py-4">
          <h2 id="estimate-title" className="mt-0 text-[1.3125rem]">
            {t('estimateTitle')}
          </h2>
          {estimate.kind === 'decided' ? (
            <p className="mb-0">{milestones.at(-1)?.reachedOn ? t('decided', { date: date(milestones.at(-1)!.reachedOn!) }) : t('decidedNoDate')}</p>
          ) : estimate.kind === 'no-data' ? (
            <p className="mb-0">{t('noData')}</p>
          ) : (
            <>
              {band ? (
                <>
                  <p className="mb-2 text-xl font-bold">
                    {t.rich('between', { halfBy: date(band.halfBy), eightyBy: date(band.eightyBy), half: time(band.halfBy), eighty: time(band.eightyBy) })}
                  </p>
                  <p>{t('betweenExplained', { halfBy: date(band.halfBy), eightyBy: date(band.eightyBy) })}</p>
                </>
              ) : (
                <p className="font-bold">{t('noEightyDate')}</p>
              )}
              <p>{t(`stage.${estimate.stage}`, { days: epochDay(today) - epochDay(theCase.receiptDate) })}</p>
              <p>
                {estimate.basis === 'office'
                  ? t('basisOffice', { ...basisValues!, office: progress.officeName ?? '' })
                  : progress.officeName
                    ? t('basisNational', { ...basisValues!, office: progress.officeName })
                    : t('basisNationalNoOffice', basisValues!)}{' '}
                {t('updated', { date: format.dateTime(estimate.refreshedAt, { dateStyle: 'long', timeZone: AGENCY_TIME_ZONE }) })}
              </p>
              <p className="mb-0">{t('notAPromise')}</p>
            </>
          )}
        </section>
      )}


      <h2 className="mt-12">{t('milestonesTitle')}</h2>
      <ProgressTimeline
        title={t('picture.title')}
        description={
          band
            ? t('picture.descriptionBand', { milestones: milestoneWords, today: date(today), halfBy: date(band.halfBy), eightyBy: date(band.eightyBy) })
            : t('picture.description', { milestones: milestoneWords, today: date(today) })
        }
        start={theCase.receiptDate}
        points={reached.map((m) => ({ on: m.reachedOn, label: t(`milestone.${m.key}`), dateText: date(m.reachedOn) }))}
        today={{ on: today, label: t('picture.today'), dateText: date(today) }}
        band={band ? { from: band.halfBy, to: band.eightyBy, label: t('picture.band') } : null}
      />
      <ol className="milestones max-w-[48rem]">
        {milestones.map((m) => (
          <li key={m.key} className={m.reachedOn ? 'milestone milestone-reached' : 'milestone'}>
            <span className="sr-only">{m.reachedOn ? t('reachedMark') : t('pendingMark')} </span>
            <strong className="block">{t(`milestone.${m.key}`)}</strong>{' '}
            {m.reachedOn
              ? t.rich('reached', { date: date(m.reachedOn), time: time(m.reachedOn) })
              : m.key === 'decision' && band
                ? t.rich('decisionEstimate', { halfBy: date(band.halfBy), eightyBy: date(band.eightyBy), half: time(band.halfBy), eighty: time(band.eightyBy) })
                : t('notYet')}
          </li>
        ))}
      </ol>

      <p className="mt-12">
        <Link href={`/cases/${theCase.receiptNumber}`}>{t('backToCase')}</Link>
      </p>
    </>
  );
}

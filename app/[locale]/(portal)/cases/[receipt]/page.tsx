import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CaseActivity } from '@/components/cases/case-activity';
import { appointmentDate, appointmentTime, calendarDate, statusDate } from '@/components/cases/case-formatting';
import { CaseStatusHistory } from '@/components/cases/case-status-history';
import { PeopleWithAccess } from '@/components/cases/people-with-access';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { actionsRequired } from '@/lib/cases/action-required';
import { rescheduleBlock } from '@/lib/biometrics/eligibility';
import { caseDetail, caseForViewer, endedLinkName } from '@/lib/cases/case-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/cases/[receipt]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'cases.detail' });
  // The title names only what the address already says: no case data before access is checked.
  return { title: t('caption', { receiptNumber: normaliseReceiptNumber(receipt) ?? '' }) };
}

const linkedNotices = ['applicant', 'representative', 'applicant-code'] as const;

/**
 * One case: its status history in the agency's wording, appointments, people with access and the
 * activity log. Anyone without an active link to the case gets the same "not found" as for a
 * receipt number that does not exist.
 */
export default async function CasePage({ params, searchParams }: Props) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const receiptNumber = normaliseReceiptNumber(receipt);
  const theCase = receiptNumber ? await caseForViewer(getDb(), user, receiptNumber) : null;
  if (!theCase) notFound();

  const now = systemClock.now();
  const [detail, t, tStatus, tAppointments, tReschedule, tProgress, format] = await Promise.all([
    caseDetail(getDb(), systemClock, theCase),
    getTranslations({ locale, namespace: 'cases' }),
    getTranslations({ locale, namespace: 'caseStatus' }),
    getTranslations({ locale, namespace: 'appointments' }),
    getTranslations({ locale, namespace: 'reschedule' }),
    getTranslations({ locale, namespace: 'progress' }),
    getFormatter({ locale }),
  ]);
  const query = await searchParams;
  const linked = linkedNotices.find((n) => n === query.linked);
  const endedLink = typeof query.ended === 'string' && /^\d{1,12}$/.test(query.ended) ? Number(query.ended) : null;
  const endedName = endedLink ? await endedLinkName(getDb(), theCase.id, endedLink) : null;
  const latest = detail.events[0] ?? null;
  const actions = actionsRequired({
    latestStatus: latest?.status ?? null,
    state: theCase.state,
    nextAppointmentKind: detail.appointments[0]?.kind ?? null,
  });
  const viewerIsApplicant = user.role === 'applicant';

  return (
    <>
      {linked ? (
        <Alert type="success" heading={t('linked.title')}>
          {t(`linked.${linked === 'applicant-code' ? 'applicantCode' : linked}`)}
        </Alert>
      ) : null}
      {endedName && viewerIsApplicant ? (
        <Alert type="success" heading={t('detail.endedTitle')}>
          {t('detail.ended', { name: endedName })}
        </Alert>
      ) : null}
      <PageHeading caption={t('detail.caption', { receiptNumber: theCase.receiptNumber })}>
        {t('detail.title', { formType: theCase.formType })}
      </PageHeading>

      <section aria-labelledby="latest-status" className="max-w-[48rem] border-l-8 border-primary bg-primary-lightest px-5 py-4">
        <h2 id="latest-status" className="mt-0 text-[1.3125rem]">
          {t('detail.latestTitle')}
        </h2>
        {latest ? (
          <>
            <p className="mb-1 text-xl font-bold">{tStatus(`${latest.status}.title`)}</p>
            <p className="mb-0">{tStatus(`${latest.status}.explanation`, { date: statusDate(format, latest.occurredAt) })}</p>
          </>
        ) : (
          <p className="mb-0">{t('dashboard.noStatus')}</p>
        )}
      </section>

      <p className="mt-4 text-lg">
        <Link href={`/cases/${theCase.receiptNumber}/progress`}>{tProgress('caseLink')}</Link>
      </p>

      {actions.length ? (
        <Alert type="warning" heading={t('detail.actionTitle')}>
          <ul className="list-bullets">
            {actions.map((action) => (
              <li key={action}>{t(`actions.${action}`)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <h2 className="mt-12">{t('detail.facts')}</h2>
      <SummaryList
        rows={[
          { term: t('detail.applicant'), value: `${theCase.applicantGivenName} ${theCase.applicantFamilyName}` },
          { term: t('dashboard.columns.form'), value: theCase.formType },
          ...(theCase.classification ? [{ term: t('detail.classification'), value: theCase.classification }] : []),
          { term: t('detail.receiptDate'), value: calendarDate(format, theCase.receiptDate) },
          { term: t('detail.office'), value: detail.officeName ?? t('detail.notAssigned') },
          { term: t('detail.decision'), value: t(`state.${theCase.state}`) },
        ]}
      />

      <h2 className="mt-12">{t('detail.appointmentsTitle')}</h2>
      {detail.appointments.length === 0 ? (
        <p>{t('detail.noAppointments')}</p>
      ) : (
        <>
          {detail.appointments.map((appointment) => (
            <section key={appointment.id} aria-labelledby={`appointment-${appointment.id}`} className="mb-6 max-w-[48rem]">
              <h3 id={`appointment-${appointment.id}`} className="text-lg">
                {t(`appointment.${appointment.kind}`, { place: appointment.placeName })}
              </h3>
              <SummaryList
                rows={[
                  {
                    term: t('detail.appointmentWhen'),
                    value: (
                      <time dateTime={appointment.startsAt.toISOString()}>
                        {t('appointment.at', {
                          date: appointmentDate(format, appointment.startsAt, appointment.timeZone),
                          time: appointmentTime(format, appointment.startsAt, appointment.timeZone),
                        })}
                      </time>
                    ),
                  },
                  { term: t('detail.appointmentAddress'), value: appointment.address },
                ]}
              />
              {appointment.kind === 'biometrics' ? (
                <p className="mt-2">
                  <Link href={`/cases/${theCase.receiptNumber}/biometrics`}>
                    {rescheduleBlock(theCase, appointment, now) === null ? tReschedule('caseLink') : tReschedule('overview.title')}
                  </Link>
                </p>
              ) : null}
            </section>
          ))}
          <p className="text-base-dark">{t('detail.timeZoneNote')}</p>
        </>
      )}
      <p>
        <Link href={`/appointments/request?case=${theCase.receiptNumber}`}>{tAppointments('requestLink')}</Link>
      </p>
      <p>
        <Link href={`/callbacks/request?case=${theCase.receiptNumber}`}>{t('detail.callbackLink')}</Link>
      </p>

      <h2 className="mt-12">{t('detail.historyTitle')}</h2>
      <p className="text-base-dark">{t('detail.historyLead')}</p>
      <CaseStatusHistory events={detail.events} />

      <h2 id="people" className="mt-12">
        {t('detail.peopleTitle')}
      </h2>
      <p>{t('detail.peopleLead')}</p>
      <PeopleWithAccess people={detail.people} viewerId={user.id} viewerIsApplicant={viewerIsApplicant} receiptNumber={theCase.receiptNumber} />

      <h2 className="mt-12">{t('detail.activityTitle')}</h2>
      <p>{t('detail.activityLead')}</p>
      <CaseActivity activity={detail.activity} />

      <p className="mt-12">
        <Link href="/dashboard">{t('detail.backToCases')}</Link>
      </p>
    </>
  );
}

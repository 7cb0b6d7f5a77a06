import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AnswerQuestionForm, CancelRequestForm } from '@/components/appointments/request-action-forms';
import { RequestAnswersList } from '@/components/appointments/request-answers';
import { appointmentDate, appointmentTime, statusDate } from '@/components/cases/case-formatting';
import { ClientMessages } from '@/components/layout/client-messages';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { getDb } from '@/db/client';
import { requestForRequester } from '@/lib/appointment-requests/queries';
import { normaliseRequestReference } from '@/lib/appointment-requests/reference';
import type { RequestAnswers } from '@/lib/appointment-requests/request-rules';
import { OPEN_STATUSES } from '@/lib/appointment-requests/review';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { formatterFor, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments/[reference]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.detail' });
  return { title: `${t('caption')} ${normaliseRequestReference(reference) ?? ''}`.trim() };
}

/** The officer's question of a "more information" step, as the timeline entry keeps it. */
function questionOf(note: string | null): { question: string; followUpBy: 'email' | 'phone' } | null {
  try {
    const parsed = JSON.parse(note ?? '') as { question?: unknown; followUpBy?: unknown };
    return typeof parsed.question === 'string' ? { question: parsed.question, followUpBy: parsed.followUpBy === 'phone' ? 'phone' : 'email' } : null;
  } catch {
    return null;
  }
}

/**
 * One of the person's requests: where it stands, the appointment (with its letter and calendar file),
 * the officer's question to answer, the answers given, what has happened, and cancelling. Another
 * person's reference is "not found", exactly as one that does not exist.
 */
export default async function AppointmentRequestPage({ params, searchParams }: Props) {
  const { locale, reference: typed } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const reference = normaliseRequestReference(typed);
  const found = reference ? await requestForRequester(getDb(), user, reference) : null;
  if (!found) notFound();
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: 'appointments' });
  const format = formatterFor(locale);
  const { request, office, appointment, timeline } = found;

  const scheduled = request.status === 'appointment_scheduled' && appointment?.status === 'scheduled' ? appointment : null;
  const upcoming = scheduled && scheduled.startsAt > systemClock.now() ? scheduled : null;
  const open = OPEN_STATUSES.includes(request.status);
  const question = request.status === 'more_info_needed' ? questionOf(timeline.findLast((entry) => entry.kind === 'more_info_requested')?.note ?? null) : null;
  const answers: RequestAnswers = {
    reason: request.reason as RequestAnswers['reason'],
    otherReason: request.otherReason as RequestAnswers['otherReason'],
    aNumber: request.aNumber,
    fieldOfficeCode: office.code,
    preferredDates: request.preferredDates,
    explanation: request.explanation,
    travelDate: request.travelDate,
    destination: request.destination,
    contactPreference: request.contactPreference,
    contactPhone: request.contactPhone,
    accommodations: request.accommodations,
  };
  const caseText = found.caseReceipt
    ? t('flow.case.optionClient', { name: `${found.applicantGivenName} ${found.applicantFamilyName}`, receipt: found.caseReceipt, form: found.caseForm ?? '' })
    : t('check.noCase');
  const download = (what: 'letter' | 'calendar') => localePath(`/appointments/${request.reference}/${what}`, locale);

  return (
    <>
      <PageHeading caption={t('detail.caption')}>{request.reference}</PageHeading>
      {query.cancelled === '1' ? <Alert type="success">{t('detail.cancelled')}</Alert> : null}
      {query.answered === '1' ? <Alert type="success">{t('detail.answered')}</Alert> : null}
      <SummaryList
        rows={[
          { term: t('detail.status'), value: <strong>{t(`status.${request.status}`)}</strong> },
          { term: t('check.reason'), value: t(`reasons.${answers.reason}`) },
        ]}
      />

      {scheduled ? (
        <section aria-labelledby="appointment-title">
          <h2 id="appointment-title" className="mt-10">
            {t('detail.appointmentTitle')}
          </h2>
          <SummaryList
            rows={[
              { term: t('detail.date'), value: appointmentDate(format, scheduled.startsAt, office.timeZone) },
              { term: t('detail.time'), value: appointmentTime(format, scheduled.startsAt, office.timeZone) },
              { term: t('detail.office'), value: office.name },
              { term: t('detail.address'), value: `${office.street}, ${office.city}, ${office.state} ${office.zip}` },
            ]}
          />
          <p className="mt-4 max-w-[40rem]">{t('detail.bring')}</p>
          <ul className="list-bullets">
            <li>
              <a href={download('letter')}>{t('detail.letter')}</a>
            </li>
            <li>
              <a href={download('calendar')}>{t('detail.calendar')}</a>
            </li>
          </ul>
        </section>
      ) : null}

      {request.status === 'appointment_not_needed' && request.decisionNote ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title" className="mt-10">
            {t('detail.decisionTitle')}
          </h2>
          <p className="max-w-[40rem] whitespace-pre-line">{request.decisionNote}</p>
        </section>
      ) : null}

      {question ? (
        <section aria-labelledby="question-title">
          <h2 id="question-title" className="mt-10">
            {t('detail.questionTitle')}
          </h2>
          <blockquote className="max-w-[40rem] border-l-4 border-base-light pl-4 whitespace-pre-line">{question.question}</blockquote>
          <p>{t(`detail.followUpBy.${question.followUpBy}`)}</p>
          <ClientMessages namespaces={['appointments']}>
            <AnswerQuestionForm reference={request.reference} />
          </ClientMessages>
        </section>
      ) : null}

      <h2 className="mt-10">{t('detail.answersTitle')}</h2>
      <RequestAnswersList locale={locale} answers={answers} caseText={caseText} officeText={`${office.name} (${office.city}, ${office.state})`} />

      <h2 className="mt-10">{t('detail.timelineTitle')}</h2>
      <ol className="list-numbered max-w-[40rem]">
        {timeline.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at.toISOString()}>{statusDate(format, entry.at)}</time>: {t(`detail.events.${entry.kind}` as 'detail.events.submitted')}
          </li>
        ))}
      </ol>

      {open || upcoming ? (
        <section aria-labelledby="cancel-title">
          <h2 id="cancel-title" className="mt-10">
            {upcoming ? t('detail.cancelAppointmentTitle') : t('detail.cancelTitle')}
          </h2>
          <p className="max-w-[40rem]">{t('detail.cancelLead')}</p>
          <ClientMessages namespaces={['appointments']}>
            <CancelRequestForm reference={request.reference} label={upcoming ? t('detail.cancelAppointmentButton') : t('detail.cancelButton')} />
          </ClientMessages>
        </section>
      ) : null}
    </>
  );
}

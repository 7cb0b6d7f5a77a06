import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import type { OfficerRequestView } from '@/lib/appointment-requests/officer-views';
import type { OtherReason, RequestReason } from '@/lib/appointment-requests/reasons';
import type { Locale } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';
import { calendarDay, dayIn, momentIn, timeIn } from './request-formatting';

type Part = 'status' | 'answers' | 'requester' | 'case' | 'timeline';

/**
 * The parts of a request an officer reads, each a summary list (or the timeline table). Times of
 * the request are in the office's zone with its abbreviation; dates the requester typed are calendar
 * dates and stay as typed.
 */
export function RequestDetails({ view, locale, part, flag }: { view: OfficerRequestView; locale: Locale; part: Part; flag?: 'overdue' | 'dueSoon' | null }) {
  const t = translatorFor(locale, 'officerRequests');
  const tReasons = translatorFor(locale, 'appointments');
  const tStatus = translatorFor(locale, 'caseStatus');
  const { request, office } = view;
  const zone = office.timeZone;
  const none = t('request.none');
  const moment = (at: Date) => <time dateTime={at.toISOString()}>{momentIn(locale, at, zone)}</time>;

  if (part === 'status') {
    const rows = [
      { term: t('request.summary.status'), value: t(`statuses.${request.status}`) },
      { term: t('request.summary.submitted'), value: moment(request.createdAt) },
      {
        term: t('request.summary.due'),
        value: (
          <>
            {flag ? <strong>{t(`queue.${flag}`)} </strong> : null}
            {moment(request.dueAt)}
          </>
        ),
      },
      {
        term: t('request.summary.claimedBy'),
        value: view.claimedBy && request.claimedAt ? t('request.claimedOn', { name: view.claimedBy, date: momentIn(locale, request.claimedAt, zone) }) : t('queue.notClaimed'),
      },
    ];
    if (view.decidedBy && request.decidedAt) {
      rows.push({ term: t('request.summary.decidedBy'), value: t('request.decidedOn', { name: view.decidedBy, date: momentIn(locale, request.decidedAt, zone) }) });
    }
    if (view.appointment && view.appointment.status === 'scheduled') {
      const { startsAt, office: place } = view.appointment;
      const placeZone = place?.timeZone ?? zone;
      rows.push({
        term: t('request.summary.appointment'),
        value: (
          <time dateTime={startsAt.toISOString()}>
            {t('request.appointmentAt', { date: dayIn(locale, startsAt, placeZone), time: timeIn(locale, startsAt, placeZone), office: place?.name ?? office.name })}
          </time>
        ),
      });
    }
    if (request.decisionNote) rows.push({ term: t('request.summary.decisionNote'), value: <p className="m-0 whitespace-pre-line">{request.decisionNote}</p> });
    return <SummaryList rows={rows} />;
  }

  if (part === 'answers') {
    const rows = [
      { term: t('request.answers.reason'), value: tReasons(`reasons.${request.reason as RequestReason}`) },
      ...(request.otherReason ? [{ term: t('request.answers.situation'), value: tReasons(`otherReasons.${request.otherReason as OtherReason}`) }] : []),
      { term: t('request.answers.aNumber'), value: request.aNumber ?? none },
      { term: t('request.answers.office'), value: office.name },
      {
        term: t('request.answers.preferredDates'),
        value: request.preferredDates.length ? (
          <ul className="m-0 list-none p-0">
            {request.preferredDates.map((d) => (
              <li key={`${d.date}-${d.period}`}>{t('request.preferredDate', { date: calendarDay(locale, d.date), period: t(`request.periods.${d.period}`) })}</li>
            ))}
          </ul>
        ) : (
          none
        ),
      },
      { term: t('request.answers.explanation'), value: request.explanation ? <p className="m-0 whitespace-pre-line">{request.explanation}</p> : none },
      ...(request.travelDate || request.destination
        ? [
            { term: t('request.answers.travelDate'), value: request.travelDate ? calendarDay(locale, request.travelDate) : none },
            { term: t('request.answers.destination'), value: request.destination ?? none },
          ]
        : []),
      { term: t('request.answers.contact'), value: t(`request.contact.${request.contactPreference}`) },
      ...(request.contactPhone ? [{ term: t('request.answers.phone'), value: request.contactPhone }] : []),
      { term: t('request.answers.accommodations'), value: request.accommodations ?? none },
    ];
    return <SummaryList rows={rows} />;
  }

  if (part === 'requester') {
    const { requester } = view;
    return (
      <SummaryList
        rows={[
          { term: t('request.requester.name'), value: requester.name },
          { term: t('request.requester.email'), value: <span className="break-all">{requester.email}</span> },
          { term: t('request.requester.account'), value: t(`request.roles.${requester.role}`) },
          ...(view.client ? [{ term: t('request.requester.client'), value: view.client }] : []),
          { term: t('request.requester.language'), value: t(`request.languages.${requester.preferredLanguage}`) },
        ]}
      />
    );
  }

  if (part === 'case') {
    const { theCase } = view;
    if (!theCase) return <p>{t('request.noCase')}</p>;
    return (
      <SummaryList
        rows={[
          { term: t('request.case.receipt'), value: theCase.receiptNumber },
          { term: t('request.case.form'), value: theCase.formType },
          {
            term: t('request.case.status'),
            value: theCase.latestStatus ? (tStatus as unknown as (key: string) => string)(`${theCase.latestStatus}.title`) : none,
          },
        ]}
      />
    );
  }

  const someone = t('request.someone');
  const eventKinds = ['submitted', 'claimed', 'scheduled', 'not_needed', 'more_info_requested', 'more_info_answered', 'cancelled'] as const;
  const what = (kind: string, by: string | null) =>
    (eventKinds as readonly string[]).includes(kind)
      ? t(`request.events.${kind as (typeof eventKinds)[number]}`, { name: by ?? someone })
      : t('request.events.other', { kind, name: by ?? someone });
  const details = (kind: string, note: string | null) => {
    if (!note) return '';
    if (kind === 'more_info_requested') {
      try {
        const { question, followUpBy } = JSON.parse(note) as { question: string; followUpBy: 'email' | 'phone' };
        return t('request.followUp', { question, by: t(`request.followUpBy.${followUpBy}`) });
      } catch {
        return note;
      }
    }
    return note;
  };
  return (
    <Table
      caption={t('request.timelineCaption')}
      captionHidden
      rows={view.timeline}
      rowKey={(_, index) => index}
      columns={[
        { header: t('request.timelineColumns.when'), cell: (e) => moment(e.at) },
        { header: t('request.timelineColumns.what'), cell: (e) => what(e.kind, e.by) },
        { header: t('request.timelineColumns.details'), cell: (e) => <span className="whitespace-pre-line">{details(e.kind, e.note)}</span> },
      ]}
    />
  );
}

import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getLocale } from 'next-intl/server';
import { Table, type TableColumn } from '@/components/ui/table';
import type { CaseSummary, ClientGroup } from '@/lib/cases/case-views';
import { isLocale, localePath, routing } from '@/lib/i18n/routing';
import { appointmentDate, appointmentTime, calendarDate, statusDate, statusDay } from './case-formatting';

/**
 * Lists of cases: form, receipt number (to the case page), latest status, next appointment, action
 * required. A representative's dashboard shows dozens of rows, so each row is kept plain: links are
 * ordinary anchors, the look comes from the table's stylesheet rules, and the words every row
 * repeats are looked up once.
 */
async function caseColumns(expectedSort?: { href: string; active: boolean }): Promise<TableColumn<CaseSummary>[]> {
  const [t, tStatus, tReschedule, format, locale] = await Promise.all([
    getTranslations('cases'),
    getTranslations('caseStatus'),
    getTranslations('reschedule'),
    getFormatter(),
    getLocale(),
  ]);
  const reschedule = tReschedule('caseLink');
  const noStatus = t('dashboard.noStatus');
  const pageLocale = isLocale(locale) ? locale : routing.defaultLocale;
  const caseHref = (receipt: string) => localePath(`/cases/${receipt}`, pageLocale);
  const wide = !expectedSort;
  const columns: TableColumn<CaseSummary>[] = [
    {
      header: t('dashboard.columns.receipt'),
      width: wide ? 'w-[18%]' : 'w-[16%]',
      rowHeader: true,
      cell: (c) => <a href={caseHref(c.receiptNumber)}>{c.receiptNumber}</a>,
    },
    {
      header: t('dashboard.columns.form'),
      width: wide ? 'w-[17%]' : 'w-[15%]',
      cell: (c) =>
        c.classification ? (
          <>
            {c.formType}
            <small>{c.classification}</small>
          </>
        ) : (
          c.formType
        ),
    },
    {
      header: t('dashboard.columns.status'),
      width: wide ? 'w-[22%]' : 'w-[19%]',
      cell: (c) =>
        c.latestStatus && c.latestStatusAt ? (
          <>
            {tStatus(`${c.latestStatus}.title`)}
            <time dateTime={statusDay(c.latestStatusAt)}>
              {statusDate(format, c.latestStatusAt)}
            </time>
          </>
        ) : (
          noStatus
        ),
    },
    {
      header: t('dashboard.columns.appointment'),
      width: wide ? 'w-[22%]' : 'w-[19%]',
      cell: (c) =>
        c.nextAppointment ? (
          <>
            {t(`appointment.${c.nextAppointment.kind}`, { place: c.nextAppointment.placeName })}
            <time dateTime={c.nextAppointment.startsAt.toISOString()}>
              {t('appointment.at', {
                date: appointmentDate(format, c.nextAppointment.startsAt, c.nextAppointment.timeZone),
                time: appointmentTime(format, c.nextAppointment.startsAt, c.nextAppointment.timeZone),
              })}
            </time>
            {c.canReschedule ? (
              <>
                {' '}
                <a href={caseHref(`${c.receiptNumber}/biometrics`)}>
                  {reschedule}
                  <span className="sr-only"> {c.receiptNumber}</span>
                </a>
              </>
            ) : null}
          </>
        ) : null,
    },
    {
      header: t('dashboard.columns.action'),
      width: wide ? 'w-[21%]' : 'w-[18%]',
      cell: (c) =>
        c.actions.length ? (
          <ul className="action-list">
            {c.actions.map((action) => (
              <li key={action}>{t(`actions.${action}`)}</li>
            ))}
          </ul>
        ) : null,
    },
  ];
  if (expectedSort) {
    columns.splice(4, 0, {
      header: t('dashboard.columns.expected'),
      width: 'w-[13%]',
      sort: expectedSort,
      cell: (c) => (c.expectedDecisionOn ? <time dateTime={c.expectedDecisionOn}>{calendarDate(format, c.expectedDecisionOn)}</time> : null),
    });
  }
  return columns;
}

/** One person's cases (an applicant's dashboard). */
export async function CaseTable({ cases, caption, captionHidden }: { cases: CaseSummary[]; caption: string; captionHidden?: boolean }) {
  const [columns, t] = await Promise.all([caseColumns(), getTranslations('cases.dashboard')]);
  return <Table caption={caption} captionHidden={captionHidden} rows={cases} rowKey={(c) => c.id} columns={columns} emptyCell={t('none')} fixed />;
}

/**
 * A representative's clients with their cases: one table, a group of rows per client under a row
 * that names the client (a heading, so screen readers can jump from client to client).
 */
export async function ClientCaseTable({
  clients,
  caption,
  expectedSort,
}: {
  clients: ClientGroup[];
  caption: string;
  /** The "Expected decision" column's link to the list sorted by it. */
  expectedSort: { href: string; active: boolean };
}) {
  const [columns, t, format] = await Promise.all([caseColumns(expectedSort), getTranslations('cases.dashboard'), getFormatter()]);
  return (
    <Table
      caption={caption}
      captionHidden
      columns={columns}
      rowKey={(c) => c.id}
      emptyCell={t('none')}
      fixed
      groups={clients.map((client) => ({
        rows: client.cases,
        heading: (
          <>
            <h3>{`${client.givenName} ${client.familyName}`}</h3>
            {t('dateOfBirth', { date: calendarDate(format, client.cases[0].applicantDateOfBirth) })}
            {client.actionCount ? <strong>{t('clientActions', { count: client.actionCount })}</strong> : null}
          </>
        ),
      }))}
    />
  );
}

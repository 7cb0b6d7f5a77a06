import { getLocale } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import type { CaseSummary } from '@/lib/cases/case-views';
import { getPathname } from '@/lib/i18n/navigation';
import { appointmentDate, appointmentTime, statusDate } from './case-formatting';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

/**
 * A list of cases: form, receipt number (to the case page), latest status, next appointment, action
 * required. A representative's dashboard shows dozens of rows, so each row is kept plain: links are
 * ordinary anchors (no client component per row) and the words every row repeats are looked up once.
 */
export async function CaseTable({ cases, caption, captionHidden }: { cases: CaseSummary[]; caption: string; captionHidden?: boolean }) {
  const [t, tStatus, format, locale] = await Promise.all([getTranslations('cases'), getTranslations('caseStatus'), getFormatter(), getLocale()]);
  const none = t('dashboard.none');
  const noStatus = t('dashboard.noStatus');
  const caseHref = (receipt: string) => getPathname({ href: `/cases/${receipt}`, locale });
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden}
      rows={cases}
      rowKey={(c) => c.id}
      className="my-3"
      fixed
      columns={[
        {
          header: t('dashboard.columns.receipt'),
          width: 'w-[18%]',
          rowHeader: true,
          cell: (c) => <a href={caseHref(c.receiptNumber)}>{c.receiptNumber}</a>,
        },
        {
          header: t('dashboard.columns.form'),
          width: 'w-[17%]',
          cell: (c) => (
            <>
              {c.formType}
              {c.classification ? <span className="block text-base-dark">{c.classification}</span> : null}
            </>
          ),
        },
        {
          header: t('dashboard.columns.status'),
          width: 'w-[22%]',
          cell: (c) =>
            c.latestStatus && c.latestStatusAt ? (
              <>
                {tStatus(`${c.latestStatus}.title`)}
                <span className="block text-base-dark">
                  <time dateTime={c.latestStatusAt.toISOString()}>{statusDate(format, c.latestStatusAt)}</time>
                </span>
              </>
            ) : (
              noStatus
            ),
        },
        {
          header: t('dashboard.columns.appointment'),
          width: 'w-[22%]',
          cell: (c) =>
            c.nextAppointment ? (
              <>
                {t(`appointment.${c.nextAppointment.kind}`, { place: c.nextAppointment.placeName })}
                <span className="block text-base-dark">
                  <time dateTime={c.nextAppointment.startsAt.toISOString()}>
                    {t('appointment.at', {
                      date: appointmentDate(format, c.nextAppointment.startsAt, c.nextAppointment.timeZone),
                      time: appointmentTime(format, c.nextAppointment.startsAt, c.nextAppointment.timeZone),
                    })}
                  </time>
                </span>
              </>
            ) : (
              none
            ),
        },
        {
          header: t('dashboard.columns.action'),
          width: 'w-[21%]',
          cell: (c) =>
            c.actions.length ? (
              <ul className="m-0 list-none p-0">
                {c.actions.map((action) => (
                  <li key={action} className="font-bold">
                    <span aria-hidden="true" className="mr-1 inline-block size-2.5 rounded-full bg-warning align-middle" />
                    {t(`actions.${action}`)}
                  </li>
                ))}
              </ul>
            ) : (
              none
            ),
        },
      ]}
    />
  );
}

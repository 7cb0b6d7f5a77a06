import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { appointmentDate, appointmentTime, statusDate } from '@/components/cases/case-formatting';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { Table } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { requestsOf } from '@/lib/appointment-requests/queries';
import { requireArea } from '@/lib/auth/current-user';
import { upcomingAppointmentsOf } from '@/lib/cases/case-views';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { formatterFor, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/appointments'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'appointments.list' });
  return { title: t('title') };
}

/** The person's appointment requests (newest first) with their appointments, and the appointments ahead on their cases. */
export default async function AppointmentsPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('cases');
  const db = getDb();
  const [requests, upcoming, t] = await Promise.all([
    requestsOf(db, user),
    upcomingAppointmentsOf(db, systemClock, user),
    getTranslations({ locale, namespace: 'appointments' }),
  ]);
  const format = formatterFor(locale);

  return (
    <>
      <PageHeading lead={t('list.lead')}>{t('list.title')}</PageHeading>
      <p>
        <ButtonLink href="/appointments/request">{t('requestLink')}</ButtonLink>
      </p>

      <h2 className="mt-10">{t('list.requestsTitle')}</h2>
      <Table
        caption={t('list.requestsTitle')}
        captionHidden
        rows={requests}
        rowKey={(row) => row.reference}
        empty={t('list.none')}
        columns={[
          { header: t('list.reference'), rowHeader: true, cell: (row) => <Link href={`/appointments/${row.reference}`}>{row.reference}</Link> },
          { header: t('list.reason'), cell: (row) => t(`reasons.${row.reason}` as 'reasons.other') },
          { header: t('list.status'), cell: (row) => t(`status.${row.status}`) },
          {
            header: t('list.appointment'),
            cell: (row) =>
              row.appointmentStartsAt
                ? `${appointmentDate(format, row.appointmentStartsAt, row.officeTimeZone)}, ${appointmentTime(format, row.appointmentStartsAt, row.officeTimeZone)}`
                : t('list.noAppointment'),
          },
          { header: t('list.office'), cell: (row) => row.officeName },
          { header: t('list.submitted'), cell: (row) => statusDate(format, row.createdAt) },
        ]}
      />

      <h2 className="mt-12">{t('list.upcomingTitle')}</h2>
      <Table
        caption={t('list.upcomingTitle')}
        captionHidden
        rows={upcoming}
        rowKey={(row) => row.id}
        empty={t('list.upcomingNone')}
        columns={[
          { header: t('list.when'), rowHeader: true, cell: (row) => `${appointmentDate(format, row.startsAt, row.timeZone)}, ${appointmentTime(format, row.startsAt, row.timeZone)}` },
          { header: t('list.appointment'), cell: (row) => t(`list.kinds.${row.kind}`) },
          { header: t('list.where'), cell: (row) => `${row.placeName}, ${row.address}` },
          { header: t('list.case'), cell: (row) => <Link href={`/cases/${row.receiptNumber}`}>{row.receiptNumber}</Link> },
        ]}
      />
    </>
  );
}

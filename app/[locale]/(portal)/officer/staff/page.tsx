import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { CreateStaffForm } from '@/components/staff/create-staff-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { Table } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { resendStaffLinkAction } from '@/lib/auth/actions/staff';
import { requireArea } from '@/lib/auth/current-user';
import { listStaffAccounts, STAFF_SETUP_VALID_HOURS, type StaffAccountRow } from '@/lib/auth/staff-accounts';
import { systemClock } from '@/lib/clock';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/officer/staff'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'staff.list' });
  return { title: t('title') };
}

/** Supervisors only: every officer and supervisor account, and a form to create one. */
export default async function StaffPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireArea('supervisor');
  const query = await searchParams;
  const [t, format, rows] = await Promise.all([
    getTranslations({ locale, namespace: 'staff.list' }),
    getFormatter({ locale }),
    listStaffAccounts(getDb(), systemClock),
  ]);
  const noticeFor = (key: string) => rows.find((row) => String(row.id) === query[key]);
  const created = noticeFor('created');
  const resent = noticeFor('resent');
  const refused = noticeFor('refused');
  const day = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
  const status = (row: StaffAccountRow) =>
    row.status === 'pending' && row.linkExpiresAt ? t('statuses.pending', { date: moment(row.linkExpiresAt) }) : t(`statuses.${row.status}`);

  return (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {created ? (
        <Alert type="success" heading={t('createdTitle')}>
          {t('created', { role: t(`roles.${created.role}`).toLowerCase(), name: created.name, email: created.email, hours: STAFF_SETUP_VALID_HOURS })}
        </Alert>
      ) : null}
      {resent ? (
        <Alert type="success" heading={t('resentTitle')}>
          {t('resent', { email: resent.email, hours: STAFF_SETUP_VALID_HOURS })}
        </Alert>
      ) : null}
      {refused ? <Alert type="info">{t('resendRefused')}</Alert> : null}
      <p>
        <a href="#create-staff">{t('toCreate')}</a>
      </p>

      <Table
        caption={t('caption')}
        rows={rows}
        rowKey={(row) => row.id}
        empty={t('empty')}
        columns={[
          { header: t('name'), rowHeader: true, cell: (row) => row.name },
          { header: t('email'), cell: (row) => <span className="break-all">{row.email}</span> },
          { header: t('role'), cell: (row) => t(`roles.${row.role}`) },
          { header: t('status'), cell: status },
          { header: t('createdOn'), cell: (row) => <time dateTime={row.createdAt.toISOString()}>{day(row.createdAt)}</time> },
          {
            header: t('actions'),
            cell: (row) =>
              row.status === 'pending' || row.status === 'link_expired' ? (
                <form action={resendStaffLinkAction}>
                  <input type="hidden" name="userId" value={row.id} />
                  <Button variant="unstyled">
                    {t('resend')}
                    <span className="sr-only"> {t('resendFor', { name: row.name })}</span>
                  </Button>
                </form>
              ) : null,
          },
        ]}
      />

      <ClientMessages namespaces={['staff']}>
        <section aria-labelledby="create-staff" className="mt-12">
          <CreateStaffTitle />
          <CreateStaffForm />
        </section>
      </ClientMessages>
    </>
  );
}

async function CreateStaffTitle() {
  const t = await getTranslations('staff.create');
  return (
    <>
      <h2 id="create-staff">{t('title')}</h2>
      <p className="max-w-[40rem]">{t('lead')}</p>
    </>
  );
}

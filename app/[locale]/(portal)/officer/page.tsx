import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SessionSummary } from '@/components/auth/session-summary';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { accountSummary } from '@/lib/auth/account-summary';
import { requireArea } from '@/lib/auth/current-user';
import { mayManageStaff } from '@/lib/auth/policy';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/officer'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'dashboard' });
  return { title: t('officerTitle') };
}

/**
 * Where officers and supervisors land after signing in: what they can do, starting with the
 * appointment request queue.
 */
export default async function OfficerPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const session = await requireArea('officer');
  const [summary, t, tRequests] = await Promise.all([
    accountSummary(getDb(), session.user),
    getTranslations({ locale, namespace: 'dashboard' }),
    getTranslations({ locale, namespace: 'officerRequests' }),
  ]);

  return (
    <>
      <PageHeading caption={t(`roles.${summary.role}`)}>{summary.name}</PageHeading>
      <p>{t('email', { email: summary.email })}</p>

      <h2 className="mt-12">{t('canDoTitle')}</h2>
      <ul className="list-bullets max-w-[40rem]">
        <li>{tRequests.rich('landingLink', { link: (chunks) => <Link href="/officer/appointment-requests">{chunks}</Link> })}</li>
        {mayManageStaff(session.user) ? (
          <li>{t.rich('canDo.staff', { link: (chunks) => <Link href="/officer/staff">{chunks}</Link> })}</li>
        ) : null}
        {mayManageStaff(session.user) ? (
          <li>{t.rich('canDo.capacity', { link: (chunks) => <Link href="/officer/capacity">{chunks}</Link> })}</li>
        ) : null}
        <li>{t.rich('canDo.settings', { link: (chunks) => <Link href="/settings">{chunks}</Link> })}</li>
        <li>{t('canDo.signOut')}</li>
      </ul>

      <SessionSummary session={session} />
    </>
  );
}

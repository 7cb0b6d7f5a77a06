import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SessionSummary } from '@/components/auth/session-summary';
import { PageHeading } from '@/components/ui/page-heading';
import { getDb } from '@/db/client';
import { accountSummary } from '@/lib/auth/account-summary';
import { requireArea } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/navigation';
import { isLocale } from '@/lib/i18n/routing';

type Props = PageProps<'/[locale]/dashboard'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'dashboard' });
  return { title: t('title') };
}

/**
 * Where applicants and representatives land after signing in: who they are signed in as and what
 * the portal lets them do today. Features add their own sections here as they arrive.
 */
export default async function DashboardPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const session = await requireArea('cases');
  const [summary, t] = await Promise.all([accountSummary(getDb(), session.user), getTranslations({ locale, namespace: 'dashboard' })]);
  const representative = summary.representative;

  return (
    <>
      <PageHeading caption={t(`roles.${summary.role}`)}>{summary.name}</PageHeading>
      {representative ? (
        <p className="lead">
          {t('organisation', {
            kind: t(`representativeKind.${representative.kind}`),
            organisation: representative.organisation,
            sector: t(`sector.${representative.sector}`),
          })}
        </p>
      ) : null}
      <p>{t('email', { email: summary.email })}</p>

      <h2 className="mt-12">{t('canDoTitle')}</h2>
      <ul className="list-bullets max-w-[40rem]">
        <li>{t.rich('canDo.settings', { link: (chunks) => <Link href="/settings">{chunks}</Link> })}</li>
        <li>{t('canDo.signOut')}</li>
      </ul>

      <SessionSummary session={session} />
    </>
  );
}

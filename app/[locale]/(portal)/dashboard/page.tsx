import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SessionSummary } from '@/components/auth/session-summary';
import { CaseTable, ClientCaseTable } from '@/components/cases/case-table';
import { ClientSearchForm } from '@/components/cases/client-search-form';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { PageHeading } from '@/components/ui/page-heading';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { accountSummary } from '@/lib/auth/account-summary';
import { requireArea } from '@/lib/auth/current-user';
import { parseCaseListQuery, pageOfClients } from '@/lib/cases/case-list-query';
import { groupByClient, linkedFormTypes, listLinkedCases } from '@/lib/cases/case-views';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale, localePath } from '@/lib/i18n/routing';
import { getTranslations } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/dashboard'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'dashboard' });
  return { title: t('title') };
}

/**
 * Where applicants and representatives land: an applicant's own cases; a representative's clients
 * alphabetically with their cases, searchable and filterable, with what needs action.
 */
export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const session = await requireArea('cases');
  const { user } = session;
  const representative = user.role === 'representative';
  const query = parseCaseListQuery(await searchParams);
  const [summary, cases, formTypes, t, tCases, tAppointments] = await Promise.all([
    accountSummary(getDb(), user),
    listLinkedCases(getDb(), systemClock, user, query.filters),
    representative ? linkedFormTypes(getDb(), user) : Promise.resolve([]),
    getTranslations({ locale, namespace: 'dashboard' }),
    getTranslations({ locale, namespace: 'cases.dashboard' }),
    getTranslations({ locale, namespace: 'appointments' }),
  ]);
  const profile = summary.representative;
  const searching = Boolean(query.filters.query || query.filters.formType || query.filters.status);

  const actions = (
    <p className="flex flex-wrap items-center gap-x-6 gap-y-3">
      <ButtonLink href="/cases/link">{tCases('linkCase')}</ButtonLink>
      <Link href="/access-codes/request">{tCases('requestCode')}</Link>
      <Link href="/appointments/request">{tAppointments('requestLink')}</Link>
    </p>
  );

  return (
    <>
      <PageHeading caption={t(`roles.${summary.role}`)}>{summary.name}</PageHeading>
      {profile ? (
        <p className="lead">
          {t('organisation', {
            kind: t(`representativeKind.${profile.kind}`),
            organisation: profile.organisation,
            sector: t(`sector.${profile.sector}`),
          })}
        </p>
      ) : null}

      {representative ? (
        <RepresentativeCases cases={cases} formTypes={formTypes} query={query} searching={searching} locale={locale} actions={actions} />
      ) : (
        <>
          <h2 className="mt-10">{tCases('casesTitle')}</h2>
          {cases.length === 0 ? <p className="max-w-[40rem]">{tCases('noCases')}</p> : <CaseTable cases={cases} caption={tCases('casesCaption')} captionHidden />}
          {actions}
        </>
      )}

      <h2 className="mt-12">{t('canDoTitle')}</h2>
      <ul className="list-bullets max-w-[40rem]">
        <li>{t.rich('canDo.appointments', { link: (chunks) => <Link href="/appointments">{chunks}</Link> })}</li>
        <li>
          {t.rich('canDo.callbacks', {
            list: (chunks) => <Link href="/callbacks">{chunks}</Link>,
            link: (chunks) => <Link href="/callbacks/request">{chunks}</Link>,
          })}
        </li>
        <li>{t.rich('canDo.settings', { link: (chunks) => <Link href="/settings">{chunks}</Link> })}</li>
        <li>{t('canDo.signOut')}</li>
      </ul>
      <SessionSummary session={session} />
    </>
  );
}

async function RepresentativeCases({
  cases,
  formTypes,
  query,
  searching,
  locale,
  actions,
}: {
  cases: Awaited<ReturnType<typeof listLinkedCases>>;
  formTypes: string[];
  query: ReturnType<typeof parseCaseListQuery>;
  searching: boolean;
  locale: string;
  actions: React.ReactNode;
}) {
  const t = await getTranslations('cases.dashboard');
  const clients = groupByClient(cases, locale, query.sort);
  const page = pageOfClients(clients, query.page);
  const needingAction = cases.filter((c) => c.actions.length > 0).length;
  return (
    <>
      <h2 className="mt-10">{t('clientsTitle')}</h2>
      {!searching && cases.length === 0 ? (
        <>
          <p className="max-w-[40rem]">{t('noClients')}</p>
          {actions}
        </>
      ) : (
        <>
          {actions}
          {needingAction > 0 && query.filters.status !== 'action_required' ? (
            <Alert type="warning" heading={t('actionAlert', { count: needingAction })}>
              <p>
                <Link href="/dashboard?status=action_required">{t('showAction')}</Link>
              </p>
            </Alert>
          ) : null}
          <ClientSearchForm filters={query.filters} formTypes={formTypes} />
          <p role="status" className="font-bold">
            {clients.length === 0
              ? t('noMatch')
              : `${t('summary', { clients: clients.length, cases: cases.length })}. ${t('shown', { from: page.from, to: page.to, total: clients.length })}`}
          </p>
          <p className="text-base-dark">
            {t('expectedHint')}
            {query.sort === 'expected' ? (
              <>
                {' '}
                <Link href={`/dashboard?${query.withSort('client')}`}>{t('sortByName')}</Link>
              </>
            ) : null}
          </p>
          <ClientCaseTable
            clients={page.clients}
            caption={query.sort === 'expected' ? t('clientsCaptionByExpected') : t('clientsCaption')}
            expectedSort={{ href: localePath(`/dashboard?${query.withSort('expected')}`, isLocale(locale) ? locale : 'en'), active: query.sort === 'expected' }}
          />
          <Pagination page={page.page} pages={page.pages} hrefFor={(n) => `/dashboard?${query.withPage(n)}`} />
        </>
      )}
    </>
  );
}

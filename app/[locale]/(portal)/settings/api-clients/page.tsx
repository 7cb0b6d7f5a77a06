import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { CreateApiClientForm, RotateApiClientForm } from '@/components/settings/api-client-forms';
import { SettingsNav } from '@/components/settings/settings-nav';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { Table } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { revokeApiClientAction } from '@/lib/api/client-actions';
import { listApiClients } from '@/lib/api/clients';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { Link } from '@/lib/i18n/link';
import { isLocale } from '@/lib/i18n/routing';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';

type Props = PageProps<'/[locale]/settings/api-clients'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'apiClients' });
  return { title: t('title') };
}

/**
 * A representative's API credentials: the list, creating them, and, confirmed on this same page
 * (`?confirm=rotate|revoke&client=…`, a plain link, so it works without JavaScript), rotating the
 * secret or revoking them. A new secret is shown once, in the answer to the form that made it.
 */
export default async function ApiClientsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { user } = await requireArea('representative');
  const query = await searchParams;
  const [clients, t, format] = await Promise.all([listApiClients(getDb(), user), getTranslations({ locale, namespace: 'apiClients' }), getFormatter({ locale })]);
  const now = systemClock.now();
  const date = (at: Date) => format.dateTime(at, { dateStyle: 'long', timeZone: AGENCY_TIME_ZONE });
  const confirming = clients.find((client) => client.clientId === query.client && client.revokedAt === null);
  const heading = (
    <>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <SettingsNav current="apiClients" representative />
    </>
  );

  if (confirming && query.confirm === 'rotate') {
    return (
      <>
        {heading}
        <ClientMessages namespaces={['apiClients']}>
          <RotateApiClientForm clientId={confirming.clientId} name={confirming.name} />
        </ClientMessages>
      </>
    );
  }
  if (confirming && query.confirm === 'revoke') {
    return (
      <>
        {heading}
        <h2>{t('confirmRevoke.title', { name: confirming.name })}</h2>
        <Alert type="warning">{t('confirmRevoke.body')}</Alert>
        <form action={revokeApiClientAction} className="mt-6 flex flex-wrap items-center gap-6">
          <input type="hidden" name="clientId" value={confirming.clientId} />
          <Button variant="danger">{t('confirmRevoke.submit')}</Button>
          <Link href="/settings/api-clients" className="inline-flex min-h-11 items-center">
            {t('cancel')}
          </Link>
        </form>
      </>
    );
  }

  return (
    <>
      {heading}
      {query.done === 'revoked' ? (
        <Alert type="success" role="status">
          {t('revokedDone')}
        </Alert>
      ) : null}
      <p>
        <Link href="/developers">{t('developersLink')}</Link>
      </p>
      <h2>{t('listTitle')}</h2>
      {clients.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <Table
          caption={t('listTitle')}
          captionHidden
          rows={clients}
          rowKey={(client) => client.clientId}
          columns={[
            { header: t('columns.name'), rowHeader: true, cell: (client) => client.name },
            { header: t('columns.environment'), cell: (client) => t(`environments.${client.environment}`) },
            { header: t('columns.clientId'), cell: (client) => <code className="break-all">{client.clientId}</code> },
            { header: t('columns.created'), cell: (client) => date(client.createdAt) },
            {
              header: t('columns.status'),
              cell: (client) =>
                client.revokedAt
                  ? t('status.revoked', { date: date(client.revokedAt) })
                  : client.previousSecretValidUntil && client.previousSecretValidUntil > now
                    ? t('status.rotated', { date: date(client.previousSecretValidUntil) })
                    : t('status.active'),
            },
            {
              header: t('columns.actions'),
              cell: (client) =>
                client.revokedAt ? null : (
                  <span className="flex flex-wrap gap-x-4">
                    <Link href={`/settings/api-clients?confirm=rotate&client=${encodeURIComponent(client.clientId)}`}>
                      {t('rotate')} <span className="sr-only">{t('actionsFor', { name: client.name })}</span>
                    </Link>
                    <Link href={`/settings/api-clients?confirm=revoke&client=${encodeURIComponent(client.clientId)}`}>
                      {t('revoke')} <span className="sr-only">{t('actionsFor', { name: client.name })}</span>
                    </Link>
                  </span>
                ),
            },
          ]}
        />
      )}
      <h2>{t('create.title')}</h2>
      <ClientMessages namespaces={['apiClients']}>
        <CreateApiClientForm />
      </ClientMessages>
    </>
  );
}

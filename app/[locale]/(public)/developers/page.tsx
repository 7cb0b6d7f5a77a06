import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { setRequestLocale } from 'next-intl/server';
import { ApiReference } from '@/components/developers/api-reference';
import { Table } from '@/components/ui/table';
import { QUICK_START } from '@/components/developers/quick-start';
import { DEMO_API_CLIENT } from '@/db/seed/demo-api-client';
import { openApiDocument, OPENAPI_DOCUMENT_PATH } from '@/lib/api/openapi';
import { isLocale, routing } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/server';

type Props = PageProps<'/[locale]/developers'>;

const localeOf = async ({ params }: Props) => {
  const { locale } = await params;
  return isLocale(locale) ? locale : routing.defaultLocale;
};

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { title: translatorFor(await localeOf(props), 'developers')('title') };
}

const PROBLEM_EXAMPLE = JSON.stringify(
  {
    type: 'urn:immigration-portal:problem:case-not-found',
    title: 'Case not found',
    status: 404,
    detail: 'No case with this receipt number is linked to your account.',
    code: 'case-not-found',
  },
  null,
  2,
);

const ERROR_CODES = [
  ['invalid-request', 400, 'invalidRequest'],
  ['unsupported-grant-type', 400, 'unsupportedGrantType'],
  ['malformed-json', 400, 'malformedJson'],
  ['chunk-interrupted', 400, 'chunkInterrupted'],
  ['invalid-idempotency-key', 400, 'invalidIdempotencyKey'],
  ['invalid-client', 401, 'invalidClient'],
  ['invalid-token', 401, 'invalidToken'],
  ['sandbox-only', 403, 'sandboxOnly'],
  ['case-not-found', 404, 'caseNotFound'],
  ['appointment-request-not-found', 404, 'appointmentRequestNotFound'],
  ['callback-not-found', 404, 'callbackNotFound'],
  ['asc-not-found', 404, 'ascNotFound'],
  ['webhook-not-found', 404, 'webhookNotFound'],
  ['upload-not-found', 404, 'uploadNotFound'],
  ['duplicate-request', 409, 'duplicateRequest'],
  ['request-closed', 409, 'requestClosed'],
  ['callback-started', 409, 'callbackStarted'],
  ['reschedule-not-allowed', 409, 'rescheduleNotAllowed'],
  ['slot-taken', 409, 'slotTaken'],
  ['too-many-webhooks', 409, 'tooManyWebhooks'],
  ['offset-mismatch', 409, 'offsetMismatch'],
  ['upload-closed', 409, 'uploadClosed'],
  ['upload-expired', 410, 'uploadExpired'],
  ['chunk-too-large', 413, 'chunkTooLarge'],
  ['checksum-mismatch', 422, 'checksumMismatch'],
  ['content-type-mismatch', 422, 'contentTypeMismatch'],
  ['idempotency-request-in-progress', 409, 'idempotencyInProgress'],
  ['body-too-large', 413, 'bodyTooLarge'],
  ['unsupported-media-type', 415, 'unsupportedMediaType'],
  ['validation-failed', 422, 'validationFailed'],
  ['idempotency-key-reused', 422, 'idempotencyKeyReused'],
  ['too-many-token-requests', 429, 'tooManyTokenRequests'],
  ['rate-limited', 429, 'rateLimited'],
  ['internal-error', 500, 'internalError'],
  ['sandbox-unavailable', 503, 'sandboxUnavailable'],
] as const;

const SECTIONS = ['credentials', 'quick-start', 'rate-limits', 'errors', 'idempotency', 'webhooks', 'sandbox', 'versioning', 'reference'] as const;

const Code = ({ children }: { children: string }) => <pre className="code-block">{children}</pre>;
const code = (chunks: ReactNode) => <code>{chunks}</code>;
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/**
 * The human reference of the API (spec §9): what it is for, credentials, a quick start that works on
 * the demo, limits, errors, idempotency, versioning, and every operation rendered on the server from
 * the OpenAPI document. The same for everyone, so prerendered; no script of its own.
 */
export default async function DevelopersPage(props: Props) {
  const locale = await localeOf(props);
  setRequestLocale(locale);
  const t = translatorFor(locale, 'developers');
  const titles: Record<(typeof SECTIONS)[number], string> = {
    credentials: t('credentials.title'),
    'quick-start': t('quickStart.title'),
    'rate-limits': t('limits.title'),
    errors: t('errors.title'),
    idempotency: t('idempotency.title'),
    webhooks: t('webhooks.title'),
    sandbox: t('sandbox.title'),
    versioning: t('versioning.title'),
    reference: t('reference.title'),
  };
  const heading = (id: (typeof SECTIONS)[number]) => <h2 id={id}>{titles[id]}</h2>;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <nav aria-labelledby="contents">
        <h2 id="contents" className="text-lg">
          {t('contentsTitle')}
        </h2>
        <ul className="list-bullets">
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{titles[id]}</a>
            </li>
          ))}
        </ul>
      </nav>

      {heading('credentials')}
      <p>{t.rich('credentials.portal', { strong })}</p>
      <p>{t.rich('credentials.demo', { code })}</p>
      <Code>{QUICK_START.createCredentials}</Code>
      <p>{t('credentials.ready')}</p>
      <dl className="mb-6">
        <dt className="font-bold">client_id</dt>
        <dd className="mb-2 ml-0">
          <code>{DEMO_API_CLIENT.clientId}</code>
        </dd>
        <dt className="font-bold">client_secret</dt>
        <dd className="ml-0">
          <code>{DEMO_API_CLIENT.secret}</code>
        </dd>
      </dl>

      {heading('quick-start')}
      <p>{t.rich('quickStart.intro', { code })}</p>
      <p>{t('quickStart.token')}</p>
      <Code>{QUICK_START.token}</Code>
      <p>{t('quickStart.tokenAnswer')}</p>
      <Code>{QUICK_START.tokenAnswer}</Code>
      <p>{t('quickStart.read')}</p>
      <Code>{QUICK_START.readCase}</Code>
      <p>{t.rich('quickStart.headers', { code })}</p>

      {heading('rate-limits')}
      <p>{t.rich('limits.body', { code })}</p>
      <p>{t('limits.token')}</p>

      {heading('errors')}
      <p>{t.rich('errors.body', { code })}</p>
      <p>{t('errors.example')}</p>
      <Code>{PROBLEM_EXAMPLE}</Code>
      <Table
        caption={t('errors.codesCaption')}
        rows={ERROR_CODES}
        rowKey={([name]) => name}
        columns={[
          { header: t('errors.code'), rowHeader: true, cell: ([name]) => <code>{name}</code> },
          { header: t('errors.status'), cell: ([, status]) => status },
          { header: t('errors.meaning'), cell: ([, , key]) => t(`errors.codes.${key}`) },
        ]}
      />
      <p>{t.rich('errors.requestId', { code })}</p>

      {heading('idempotency')}
      <p>{t.rich('idempotency.body', { code })}</p>
      <ul className="list-bullets">
        <li>{t('idempotency.replay')}</li>
        <li>{t('idempotency.conflict')}</li>
        <li>{t('idempotency.mismatch')}</li>
        <li>{t('idempotency.kept')}</li>
      </ul>

      {heading('webhooks')}
      <p>{t.rich('webhooks.body', { code })}</p>
      <p>{t('webhooks.retries')}</p>

      {heading('sandbox')}
      <p>{t.rich('sandbox.body', { code })}</p>
      <p>{t.rich('sandbox.scenarios', { code })}</p>
      <p>{t.rich('sandbox.reset', { code })}</p>
      <p>{t('sandbox.acceptance')}</p>
      <Code>{QUICK_START.acceptance}</Code>

      {heading('versioning')}
      <p>{t.rich('versioning.body', { code })}</p>
      <p>{t.rich('versioning.deprecation', { code })}</p>
      <h3 id="changelog">{t('versioning.changelogTitle')}</h3>
      <ul className="list-bullets">
        <li>{t.rich('versioning.changelog.v1_1', { code })}</li>
        <li>{t.rich('versioning.changelog.v1', { code })}</li>
      </ul>

      {heading('reference')}
      <p>{t.rich('reference.body', { code, link: (chunks) => <a href={OPENAPI_DOCUMENT_PATH}>{chunks}</a> })}</p>
      {locale === routing.defaultLocale ? null : <p>{t('reference.inEnglish')}</p>}
      <div lang={locale === 'en' ? undefined : 'en'}>
        <ApiReference document={openApiDocument()} />
      </div>
    </>
  );
}

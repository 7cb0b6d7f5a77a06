'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';
import { RadioGroup } from '@/components/ui/choice-group';
import { ErrorSummary } from '@/components/ui/error-summary';
import { toErrorSummaryItems } from '@/components/ui/error-summary-items';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { SummaryList } from '@/components/ui/summary-list';
import { createApiClientAction, rotateApiClientAction, type ApiClientsState, type ShownSecret } from '@/lib/api/client-actions';
import { Link } from '@/lib/i18n/link';

const FIELDS = ['name', 'environment'] as const;

/** The client id and the secret, this once: the secret is kept only as a hash. */
function ShownSecretPanel({ shown }: { shown: ShownSecret }) {
  const t = useTranslations('apiClients');
  return (
    <>
      <Alert type="success" heading={shown.rotated ? t('shown.rotatedTitle') : t('shown.createdTitle')} role="status">
        {shown.rotated ? t('shown.rotatedNote') : null}
      </Alert>
      <Alert type="warning" heading={t('shown.warningTitle')}>
        {t('shown.warning')}
      </Alert>
      <SummaryList
        rows={[
          { term: t('columns.name'), value: shown.name },
          { term: t('shown.environment'), value: t(`environments.${shown.environment}`) },
          { term: t('shown.clientId'), value: <code>{shown.clientId}</code> },
          { term: t('shown.secret'), value: <code className="break-all">{shown.secret}</code> },
        ]}
      />
      <p className="mt-8">
        <ButtonLink href="/settings/api-clients">{t('shown.done')}</ButtonLink>
      </p>
    </>
  );
}

/** Name and environment; then the new credentials, shown once. A plain form: it works without JavaScript. */
export function CreateApiClientForm() {
  const t = useTranslations('apiClients');
  const [state, action] = useActionState(createApiClientAction, { attempt: 0 } as ApiClientsState);
  if (state.shown) return <ShownSecretPanel shown={state.shown} />;
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={toErrorSummaryItems(errors, FIELDS)} formError={state.formError} />
      <form key={`form-${state.attempt}`} action={action} noValidate className="max-w-[40rem]">
        <TextInput id="name" label={t('create.nameLabel')} hint={t('create.nameHint')} error={errors.name} defaultValue={values.name ?? ''} maxLength={200} autoComplete="off" />
        <RadioGroup
          id="environment"
          name="environment"
          legend={t('create.environmentLegend')}
          error={errors.environment}
          defaultValue={values.environment ?? ''}
          options={[
            { value: 'sandbox', label: t('create.sandboxLabel'), hint: t('create.sandboxHint') },
            { value: 'production', label: t('create.productionLabel'), hint: t('create.productionHint') },
          ]}
        />
        <SubmitButton className="mt-6">{t('create.submit')}</SubmitButton>
      </form>
    </>
  );
}

/** "Rotate the secret", confirmed: the new secret is shown once; the previous one works 14 more days. */
export function RotateApiClientForm({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations('apiClients');
  const [state, action] = useActionState(rotateApiClientAction, { attempt: 0 } as ApiClientsState);
  if (state.shown) return <ShownSecretPanel shown={state.shown} />;
  return (
    <>
      <ErrorSummary key={`summary-${state.attempt}`} errors={[]} formError={state.formError} />
      <h2>{t('confirmRotate.title', { name })}</h2>
      <p className="max-w-[40rem]">{t('confirmRotate.body')}</p>
      <form action={action} className="mt-6 flex flex-wrap items-center gap-6">
        <input type="hidden" name="clientId" value={clientId} />
        <SubmitButton>{t('confirmRotate.submit')}</SubmitButton>
        <Link href="/settings/api-clients" className="inline-flex min-h-11 items-center">
          {t('cancel')}
        </Link>
      </form>
    </>
  );
}

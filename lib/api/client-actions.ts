'use server';
/**
 * The API credentials page's server actions (app/[locale]/(portal)/settings/api-clients): create,
 * rotate and revoke a representative's own credentials through lib/api/clients.ts. Each checks who
 * is asking first. A new secret comes back in the action's answer only, so it is shown once: a
 * reload renders the page without it.
 */
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requireArea } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { typedValues, type FormState } from '@/lib/forms/form-state';
import { redirect } from '@/lib/i18n/navigation';
import { apiClientNameProblem, createApiClient, revokeApiClient, rotateApiClientSecret, type ApiEnvironment } from './clients';

export type ApiClientField = 'name' | 'environment';

export interface ShownSecret {
  clientId: string;
  name: string;
  environment: ApiEnvironment;
  secret: string;
  rotated: boolean;
}

export type ApiClientsState = FormState<ApiClientField> & { shown?: ShownSecret };

const isEnvironment = (value: unknown): value is ApiEnvironment => value === 'sandbox' || value === 'production';

export async function createApiClientAction(previous: ApiClientsState, form: FormData): Promise<ApiClientsState> {
  const { user } = await requireArea('representative');
  const t = await getTranslations('apiClients.errors');
  const values = typedValues(form, ['name', 'environment'] as const);
  const name = (values.name ?? '').trim();
  const attempt = previous.attempt + 1;
  const fieldErrors: Partial<Record<ApiClientField, string>> = {};
  const nameProblem = apiClientNameProblem(name);
  if (nameProblem) fieldErrors.name = t(`name.${nameProblem}`);
  if (!isEnvironment(values.environment)) fieldErrors.environment = t('environment.required');
  if (Object.keys(fieldErrors).length > 0 || !isEnvironment(values.environment)) return { attempt, fieldErrors, values };
  const { client, secret } = await createApiClient(getDb(), systemClock, user, { name, environment: values.environment });
  return { attempt, shown: { clientId: client.clientId, name: client.name, environment: client.environment, secret, rotated: false } };
}

export async function rotateApiClientAction(previous: ApiClientsState, form: FormData): Promise<ApiClientsState> {
  const { user } = await requireArea('representative');
  const clientId = String(form.get('clientId') ?? '').slice(0, 64);
  const rotated = await rotateApiClientSecret(getDb(), systemClock, user, clientId);
  if (!rotated) return { attempt: previous.attempt + 1, formError: (await getTranslations('apiClients.errors'))('notYours') };
  const { client, secret } = rotated;
  return { attempt: previous.attempt + 1, shown: { clientId: client.clientId, name: client.name, environment: client.environment, secret, rotated: true } };
}

export async function revokeApiClientAction(form: FormData): Promise<void> {
  const { user } = await requireArea('representative');
  const clientId = String(form.get('clientId') ?? '').slice(0, 64);
  const revoked = await revokeApiClient(getDb(), systemClock, user, clientId);
  redirect({ href: `/settings/api-clients?done=${revoked ? 'revoked' : 'unchanged'}`, locale: await getLocale() });
}

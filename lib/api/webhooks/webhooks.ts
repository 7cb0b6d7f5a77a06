/**
 * Webhook endpoints of an API client (Standard Webhooks), and the events they receive: created,
 * listed and deleted through the API; an event is queued in the same transaction as the change it
 * announces, one delivery per subscribed endpoint, and the worker delivers it (deliveries.ts).
 *
 * Who hears of a case: the production clients of the representatives linked to it; sandbox clients
 * hear only the test events they ask for (their sandbox's changes stay in its own store).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import type { WebhookEventType } from '@/db/columns';
import { apiClients, caseLinks, webhookDeliveries, webhookEndpoints, type ApiClient, type User, type WebhookEndpoint } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { seal } from '@/lib/crypto/secrets';
import { newWebhookSecret } from './signature';
import { targetProblem, type Resolver } from './targets';

export const SUBSCRIBABLE_EVENTS = ['case.status_changed', 'appointment.scheduled', 'appointment.changed', 'callback.updated'] as const satisfies readonly WebhookEventType[];
export const MAX_ENDPOINTS_PER_CLIENT = 10;
const SECRET_PURPOSE = 'webhook-secret';

export const webhookCreateRequestSchema = z
  .strictObject({
    url: z.string({ error: 'Send url as text.' }).max(2048, 'The address may be at most 2,048 characters.'),
    eventTypes: z
      .array(z.enum(SUBSCRIBABLE_EVENTS, { error: `Each event type is one of ${SUBSCRIBABLE_EVENTS.join(', ')}.` }), { error: 'Send eventTypes as a list.' })
      .min(1, 'Subscribe to at least one event type.'),
  })
  .meta({ id: 'WebhookCreate', description: 'Where to deliver events (an https address; in production a public one), and which.' });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    createdAt: z.string(),
    /** Only in the answer that created it. */
    secret: z.string().optional(),
  })
  .meta({ id: 'WebhookEndpoint', description: 'A webhook endpoint. `secret` (`whsec_…`, for verifying signatures) appears only when it is created.' });

export const webhookListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) }).meta({ id: 'WebhookList', description: 'The client’s active webhook endpoints.' });
export const webhookTestResponseSchema = z.object({ messageId: z.string() }).meta({ id: 'WebhookTest', description: 'The test event’s `webhook-id`.' });

export const endpointResource = (endpoint: WebhookEndpoint, secret?: string) => ({
  id: endpoint.publicId,
  url: endpoint.url,
  eventTypes: endpoint.eventTypes,
  createdAt: endpoint.createdAt.toISOString(),
  ...(secret ? { secret } : {}),
});

export type CreateEndpointResult = { ok: true; endpoint: WebhookEndpoint; secret: string } | { ok: false; error: 'too-many' | 'target'; problem?: string };

export async function createWebhookEndpoint(
  db: DbOrTx,
  clock: Clock,
  caller: { client: ApiClient; user: User },
  input: { url: string; eventTypes: WebhookEventType[] },
  options: { resolve?: Resolver; allowPrivate?: boolean } = {},
): Promise<CreateEndpointResult> {
  const problem = await targetProblem(input.url, options);
  if (problem) return { ok: false, error: 'target', problem };
  const active = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(eq(webhookEndpoints.apiClientId, caller.client.id), isNull(webhookEndpoints.disabledAt)));
  if (active.length >= MAX_ENDPOINTS_PER_CLIENT) return { ok: false, error: 'too-many' };
  const secret = newWebhookSecret();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ publicId: `whe_${randomBytes(12).toString('base64url')}`, apiClientId: caller.client.id, url: input.url, eventTypes: [...new Set(input.eventTypes)], secretSealed: seal(secret, SECRET_PURPOSE), createdAt: clock.now() })
    .returning();
  await recordAudit(db, clock, { actor: { id: caller.user.id, role: caller.user.role }, action: 'webhook.create', objectType: 'api_client', objectId: caller.client.clientId, outcome: 'success', detail: { endpoint: endpoint.publicId } });
  return { ok: true, endpoint, secret };
}

export async function activeEndpoints(db: DbOrTx, client: ApiClient): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.apiClientId, client.id), isNull(webhookEndpoints.disabledAt))).orderBy(webhookEndpoints.createdAt);
}

/** The client's own active endpoint by its id; null for anyone else's. */
export async function ownEndpoint(db: DbOrTx, client: ApiClient, publicId: string): Promise<WebhookEndpoint | null> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.publicId, publicId), eq(webhookEndpoints.apiClientId, client.id), isNull(webhookEndpoints.disabledAt)));
  return endpoint ?? null;
}

export async function deleteWebhookEndpoint(db: DbOrTx, clock: Clock, caller: { client: ApiClient; user: User }, publicId: string): Promise<boolean> {
  const endpoint = await ownEndpoint(db, caller.client, publicId);
  if (!endpoint) return false;
  await db.update(webhookEndpoints).set({ disabledAt: clock.now(), disabledReason: 'deleted' }).where(eq(webhookEndpoints.id, endpoint.id));
  await db.update(webhookDeliveries).set({ status: 'failed', lastError: 'the endpoint was deleted' }).where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, 'pending')));
  await recordAudit(db, clock, { actor: { id: caller.user.id, role: caller.user.role }, action: 'webhook.delete', objectType: 'api_client', objectId: caller.client.clientId, outcome: 'success', detail: { endpoint: publicId } });
  return true;
}

const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`;

/** Queues one event for these endpoints; returns the message ids. */
async function queue(db: DbOrTx, clock: Clock, endpoints: WebhookEndpoint[], type: WebhookEventType, data: Record<string, unknown>): Promise<string[]> {
  if (endpoints.length === 0) return [];
  const now = clock.now();
  const rows = endpoints.map((endpoint) => ({ messageId: newMessageId(), endpointId: endpoint.id, eventType: type, payload: { type, timestamp: now.toISOString(), data }, nextAttemptAt: now, createdAt: now }));
  await db.insert(webhookDeliveries).values(rows);
  return rows.map((row) => row.messageId);
}

export async function queueTestEvent(db: DbOrTx, clock: Clock, endpoint: WebhookEndpoint): Promise<string> {
  const [messageId] = await queue(db, clock, [endpoint], 'webhook.test', { endpointId: endpoint.publicId, message: 'A test event, sent because it was asked for.' });
  return messageId;
}

/**
 * Queues an event about a case for the production clients of every representative linked to it
 * whose endpoints subscribe to the type. Called inside the change's own transaction.
 */
export async function queueCaseEvent(db: DbOrTx, clock: Clock, caseId: number, type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
  const endpoints = await db
    .select({ endpoint: webhookEndpoints })
    .from(caseLinks)
    .innerJoin(apiClients, eq(apiClients.userId, caseLinks.userId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.apiClientId, apiClients.id))
    .where(
      and(
        eq(caseLinks.caseId, caseId),
        eq(caseLinks.role, 'representative'),
        isNull(caseLinks.endedAt),
        eq(apiClients.environment, 'production'),
        isNull(apiClients.revokedAt),
        isNull(webhookEndpoints.disabledAt),
      ),
    );
  await queue(db, clock, endpoints.map((row) => row.endpoint).filter((endpoint) => endpoint.eventTypes.includes(type)), type, data);
}


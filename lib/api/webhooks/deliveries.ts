/**
 * The worker's delivery of webhook events. Each due delivery is claimed by one conditional UPDATE
 * (Postgres also skips rows another worker is claiming), so two workers never send one message
 * twice; a worker that dies mid-send leaves a lease that runs out, and the row is claimed again.
 * 2xx: delivered. 410 Gone: the endpoint is disabled and its queued messages dropped. Anything
 * else (or no answer in 10 s): tried again after 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h,
 * for 3 days from the event; then failed. Redirects are not followed. The signing secret is never
 * logged or stored in clear outside its sealed column.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { dialect, type Db } from '@/db/client';
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from '@/db/schema';
import { DAY, HOUR, MINUTE, SECOND, type Clock } from '@/lib/clock';
import { unseal } from '@/lib/crypto/secrets';
import { log } from '@/lib/log';
import type { WorkerJob } from '@/lib/notifications/worker';
import { webhookHeaders } from './signature';
import { checkedLookup, isPrivateAddress, privateTargetsAllowed } from './targets';

export const RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
export const RETRY_FOR_MS = 3 * DAY;
const LEASE_MS = MINUTE;
const TIMEOUT_MS = 10 * SECOND;

export interface PostResult {
  status: number | null;
  error?: string;
}

/** POSTs the body, connecting only to an address the target rules allow. */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: { allowPrivate?: boolean } = {}): Promise<PostResult> {
  const allowPrivate = options.allowPrivate ?? privateTargetsAllowed();
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.resolve({ status: null, error: 'the target is a private address' });
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'ImmigrationPortal-Webhooks/1', ...headers }, lookup: checkedLookup(allowPrivate), timeout: TIMEOUT_MS },
      (response) => {
        response.resume(); // the answer's body is not read, only its status
        response.on('end', () => resolve({ status: response.statusCode ?? null }));
        response.on('error', () => resolve({ status: response.statusCode ?? null }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => resolve({ status: null, error: error.message.slice(0, 200) }));
    request.end(body);
  });
}

function dueCondition(now: Date) {
  return or(
    and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)),
    and(eq(webhookDeliveries.status, 'sending'), lte(webhookDeliveries.lockedUntil, now)),
  )!;
}

async function claimDue(db: Db, clock: Clock, limit: number): Promise<WebhookDelivery[]> {
  const now = clock.now();
  const due = dueCondition(now);
  const pick = sql`(select ${webhookDeliveries.id} from ${webhookDeliveries} where ${due} order by ${webhookDeliveries.nextAttemptAt}, ${webhookDeliveries.id} limit ${limit}${
    dialect === 'pg' ? sql` for update skip locked` : sql``
  })`;
  return db
    .update(webhookDeliveries)
    .set({ status: 'sending', lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(and(inArray(webhookDeliveries.id, pick), due))
    .returning();
}

export interface WebhookReport {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  disabled: number;
}

export async function deliverDueWebhooks(db: Db, clock: Clock, options: { limit?: number; allowPrivate?: boolean } = {}): Promise<WebhookReport> {
  const report: WebhookReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0, disabled: 0 };
  const claimed = await claimDue(db, clock, options.limit ?? 20);
  report.claimed = claimed.length;
  for (const delivery of claimed) {
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.endpointId));
    if (!endpoint || endpoint.disabledAt) {
      await settle(db, delivery, { status: 'failed', lastError: 'the endpoint is no longer active' });
      report.failed++;
      continue;
    }
    const outcome = await deliverOne(db, clock, delivery, endpoint, options.allowPrivate);
    report[outcome]++;
  }
  return report;
}

async function deliverOne(db: Db, clock: Clock, delivery: WebhookDelivery, endpoint: WebhookEndpoint, allowPrivate?: boolean): Promise<'delivered' | 'retrying' | 'failed' | 'disabled'> {
  const body = JSON.stringify(delivery.payload);
  const headers = webhookHeaders(unseal(endpoint.secretSealed, 'webhook-secret'), delivery.messageId, clock.now(), body);
  const result = await postWebhook(endpoint.url, headers, body, { allowPrivate });
  const now = clock.now();
  if (result.status !== null && result.status >= 200 && result.status < 300) {
    await settle(db, delivery, { status: 'delivered', deliveredAt: now, lastResponseStatus: result.status, lastError: null });
    return 'delivered';
  }
  if (result.status === 410) {
    await db.update(webhookEndpoints).set({ disabledAt: now, disabledReason: 'gone' }).where(eq(webhookEndpoints.id, endpoint.id));
    await settle(db, delivery, { status: 'failed', lastResponseStatus: 410, lastError: 'the receiver answered 410 Gone: endpoint disabled' });
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'the endpoint was disabled (410 Gone)' })
      .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.status, 'pending')));
    log.warn({ endpoint: endpoint.publicId }, 'webhook endpoint disabled: the receiver answered 410');
    return 'disabled';
  }
  const delay = RETRY_DELAYS_MS[delivery.attempts - 1] ?? RETRY_DELAYS_MS.at(-1)!;
  const next = new Date(now.getTime() + delay);
  const lastError = result.error ?? `the receiver answered ${result.status}`;
  if (next.getTime() > delivery.createdAt.getTime() + RETRY_FOR_MS) {
    await settle(db, delivery, { status: 'failed', lastResponseStatus: result.status, lastError });
    return 'failed';
  }
  await settle(db, delivery, { status: 'pending', nextAttemptAt: next, lastResponseStatus: result.status, lastError });
  return 'retrying';
}

/** The claim's outcome, only while this worker still holds the row. */
async function settle(db: Db, delivery: WebhookDelivery, values: Partial<typeof webhookDeliveries.$inferInsert>): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ ...values, lockedUntil: null })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'sending'), lt(webhookDeliveries.attempts, delivery.attempts + 1)));
}

export function webhookDeliveryJob(options: { limit?: number } = {}): WorkerJob {
  const limit = options.limit ?? 20;
  return {
    name: 'deliver-webhooks',
    async run({ db, clock }) {
      const report = await deliverDueWebhooks(db, clock, { limit });
      return { counts: { ...report }, more: report.claimed >= limit };
    },
  };
}

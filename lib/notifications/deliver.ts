/**
 * Delivers what is due in the outbox. Each row is claimed by one conditional UPDATE before it is
 * sent, so any number of workers (processes or machines) can run side by side and a message goes
 * out once; a worker that dies mid-send leaves a lease that expires, and the row is claimed again.
 */
import { and, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { dialect, type Db } from '@/db/client';
import type { Notification } from '@/db/schema';
import { notifications } from '@/db/schema';
import { HOUR, MINUTE, type Clock } from '@/lib/clock';
import { log } from '@/lib/log';
import { notificationConfig } from './config';
import { bodyToStore, openSealedSecrets } from './sealing';
import { renderNotification, TemplateError, type RenderedNotification } from './templates';
import type { Transports } from './transports';

/** The wait after failed attempt 1, 2, …; the attempt after the last wait is the final one. */
export const RETRY_BACKOFF_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;
/** How long a claimed row belongs to its worker; longer than the slowest transport's timeouts. */
export const DEFAULT_LEASE_MS = 5 * MINUTE;

export interface DeliveryOptions {
  /** At most this many rows per call. */
  limit?: number;
  leaseMs?: number;
  /** For "sign in at …" lines; PORTAL_URL by default. */
  portalUrl?: string;
}

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
}

export function backoffAfterAttempt(attempt: number): number {
  return RETRY_BACKOFF_MS[Math.min(Math.max(attempt, 1), RETRY_BACKOFF_MS.length) - 1];
}

export async function deliverDueNotifications(
  db: Db,
  clock: Clock,
  transports: Transports,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const limit = options.limit ?? 20;
  const portalUrl = options.portalUrl ?? notificationConfig().portalUrl;
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };

  report.failed += await failAbandoned(db, clock);
  const claimed = await claimDue(db, clock, limit, options.leaseMs ?? DEFAULT_LEASE_MS);
  report.claimed = claimed.length;

  for (const row of claimed) {
    const outcome = await deliverOne(db, clock, transports, row, portalUrl);
    report[outcome] += 1;
  }
  return report;
}

/** Pending and due, or claimed by a worker whose lease ran out (it crashed or hung). */
function dueCondition(now: Date) {
  return or(
    and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, now)),
    and(
      eq(notifications.status, 'sending'),
      lte(notifications.lockedUntil, now),
      lt(notifications.attempts, MAX_ATTEMPTS),
    ),
  )!;
}

async function claimDue(db: Db, clock: Clock, limit: number, leaseMs: number): Promise<Notification[]> {
  const now = clock.now();
  const due = dueCondition(now);
  // Postgres: the inner SELECT skips rows another worker is claiming right now instead of queueing
  // behind it. Both stores: the outer WHERE re-checks the condition on the row as it is when the
  // UPDATE reaches it, so a row claimed meanwhile is left alone — that re-check is what makes the
  // claim exclusive; SKIP LOCKED only keeps workers from waiting on each other.
  const pick = sql`(select ${notifications.id} from ${notifications} where ${due} order by ${notifications.nextAttemptAt}, ${notifications.id} limit ${limit}${
    dialect === 'pg' ? sql` for update skip locked` : sql``
  })`;
  return db
    .update(notifications)
    .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${notifications.attempts} + 1` })
    .where(and(inArray(notifications.id, pick), due))
    .returning();
}

/** A row whose every attempt ended with its worker gone would otherwise stay "sending" for ever. */
async function failAbandoned(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const failed = await db
    .update(notifications)
    .set({ status: 'failed', lockedUntil: null, lastError: 'the worker stopped during the last delivery attempt' })
    .where(
      and(eq(notifications.status, 'sending'), lte(notifications.lockedUntil, now), gte(notifications.attempts, MAX_ATTEMPTS)),
    )
    .returning({ id: notifications.id });
  for (const { id } of failed) log.warn({ notificationId: id }, 'notification failed: worker lost during last attempt');
  return failed.length;
}

type Outcome = 'delivered' | 'retrying' | 'failed';

async function deliverOne(
  db: Db,
  clock: Clock,
  transports: Transports,
  row: Notification,
  portalUrl: string,
): Promise<Outcome> {
  let rendered: RenderedNotification;
  try {
    rendered = renderNotification(row, openSealedSecrets(row.payload), { now: clock.now(), portalUrl });
  } catch (error) {
    return settleFailure(db, clock, row, error, undefined);
  }

  const transport = transports[row.channel];
  try {
    if (!transport) throw new TemplateError(`no transport for channel "${row.channel}"`);
    await transport.send({
      notificationId: row.id,
      channel: row.channel,
      to: row.recipient,
      language: row.language,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: rendered.attachments,
    });
  } catch (error) {
    return settleFailure(db, clock, row, error, rendered);
  }

  const settled = await db
    .update(notifications)
    .set({
      status: 'delivered',
      deliveredAt: clock.now(),
      transport: transport.name,
      subject: rendered.subject,
      body: bodyToStore(row.template, rendered.text),
      lockedUntil: null,
      lastError: null,
    })
    .where(claimStillHeld(row))
    .returning({ id: notifications.id });
  if (settled.length === 0) {
    log.warn({ notificationId: row.id, attempt: row.attempts }, 'notification sent after its lease ran out');
  }
  return 'delivered';
}

/** The claim's attempt number doubles as its fencing token: a later claim has a higher one. */
function claimStillHeld(row: Notification) {
  return and(eq(notifications.id, row.id), eq(notifications.status, 'sending'), eq(notifications.attempts, row.attempts));
}

async function settleFailure(
  db: Db,
  clock: Clock,
  row: Notification,
  error: unknown,
  rendered: RenderedNotification | undefined,
): Promise<Outcome> {
  const now = clock.now();
  const permanent = error instanceof TemplateError;
  const final = permanent || row.attempts >= MAX_ATTEMPTS;
  await db
    .update(notifications)
    .set({
      status: final ? 'failed' : 'pending',
      nextAttemptAt: final ? row.nextAttemptAt : new Date(now.getTime() + backoffAfterAttempt(row.attempts)),
      lockedUntil: null,
      lastError: describeFailure(error, row.recipient),
      // Kept so staff can see what failed to go out; sealed like a delivered body.
      subject: rendered?.subject ?? row.subject,
      body: rendered ? bodyToStore(row.template, rendered.text) : row.body,
    })
    .where(claimStillHeld(row));
  log.warn(
    { notificationId: row.id, attempt: row.attempts, status: final ? 'failed' : 'pending', errorName: errorName(error) },
    final ? 'notification failed' : 'notification delivery will be retried',
  );
  return final ? 'failed' : 'retrying';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

const MAX_ERROR_LENGTH = 500;

/**
 * The server's or provider's answer, without the recipient: servers often echo the address or
 * number they refused ("550 5.1.1 <ana@example.com>: no such user").
 */
export function describeFailure(error: unknown, recipient: string): string {
  let message = error instanceof Error ? error.message : String(error);
  const lines = recipient
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 3);
  // A phone number may come back in another format than the one we sent: without "+", national.
  const phone = /^\+\d{7,15}$/.test(recipient.trim()) ? recipient.trim().slice(1) : null;
  const identifiers = [...lines, ...(phone ? [phone, phone.slice(-10)] : [])].sort((a, b) => b.length - a.length);
  for (const identifier of identifiers) message = message.replaceAll(new RegExp(escapeRegExp(identifier), 'gi'), '[recipient]');
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

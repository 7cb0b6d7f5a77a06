/**
 * The local outbox as staff read it at /dev/outbox: every queued, sent and failed message, newest
 * first, with its text opened for display and the files that came with it (an appointment's
 * calendar file), so demo users can open what a real inbox would have received.
 */
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Channel, Language, NotificationStatus } from '@/db/columns';
import { notifications, type Notification } from '@/db/schema';
import { notificationConfig } from './config';
import { readStoredBody } from './sealing';
import { isSecretTemplate, renderNotification } from './templates';
import type { Attachment } from './templates/layout';

export interface OutboxEntry {
  id: number;
  channel: Channel;
  recipient: string;
  language: Language;
  template: string;
  status: NotificationStatus;
  attempts: number;
  transport: string | null;
  subject: string | null;
  /** Null until rendered (the worker renders at delivery). */
  text: string | null;
  /** The stored text was sealed with another key (APP_SECRET changed). */
  unreadable: boolean;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
  lastError: string | null;
  /** The files sent with the email, by name, in the order of their download addresses. */
  attachments: string[];
}

/** `portalUrl`: as the worker was given it (PORTAL_URL by default), so files are made again exactly as sent. */
export async function listOutbox(db: DbOrTx, options: { limit?: number; portalUrl?: string } = {}): Promise<OutboxEntry[]> {
  const rows = await db
    .select()
    .from(notifications)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 100);
  return rows.map((row) => {
    let text: string | null = null;
    let unreadable = false;
    if (row.body !== null) {
      try {
        text = readStoredBody(row.body);
      } catch {
        unreadable = true;
      }
    }
    return {
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      language: row.language,
      template: row.template,
      status: row.status,
      attempts: row.attempts,
      transport: row.transport,
      subject: row.subject,
      text,
      unreadable,
      createdAt: row.createdAt,
      deliveredAt: row.deliveredAt,
      nextAttemptAt: row.nextAttemptAt,
      lastError: row.lastError,
      attachments: attachmentsOf(row, options.portalUrl).map((attachment) => attachment.filename),
    };
  });
}

/**
 * The files a delivered email carried. Only their text is kept, so they are made again from the
 * stored payload, as of the moment of delivery: the same file the recipient got. Messages that
 * carry a code are never rendered again here (their secrets stay sealed); none of them has files.
 */
function attachmentsOf(row: Notification, portalUrl = notificationConfig().portalUrl): Attachment[] {
  if (row.channel !== 'email' || row.status !== 'delivered' || isSecretTemplate(row.template)) return [];
  try {
    return renderNotification(row, {}, { now: row.deliveredAt ?? row.createdAt, portalUrl }).attachments ?? [];
  } catch {
    // A payload that no longer renders (a template changed since): the page still lists the message.
    return [];
  }
}

/** The attachment at `index` (0-based) of the outbox message `id`, or null when there is none. */
export async function outboxAttachment(db: DbOrTx, id: number, index: number, options: { portalUrl?: string } = {}): Promise<Attachment | null> {
  // Ids are 32-bit on Postgres: a larger number in an address would be an error there, not "none".
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647 || !Number.isInteger(index) || index < 0 || index > 100) return null;
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row ? (attachmentsOf(row, options.portalUrl)[index] ?? null) : null;
}

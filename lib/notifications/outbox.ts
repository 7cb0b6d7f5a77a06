/**
 * The local outbox as staff read it at /dev/outbox: every queued, sent and failed message, newest
 * first, with its text opened for display.
 */
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Channel, Language, NotificationStatus } from '@/db/columns';
import { notifications } from '@/db/schema';
import { readStoredBody } from './sealing';

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
}

export async function listOutbox(db: DbOrTx, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
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
    };
  });
}

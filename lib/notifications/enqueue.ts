import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Channel, Language } from '@/db/columns';
import type { Clock } from '@/lib/clock';
import { textingOffered } from './config';
import { seal } from '@/lib/crypto/secrets';
import type { TemplateName, TemplatePayloads, TemplateSecrets } from './templates';

/** The purpose every outbox secret (sealed payload values, sealed bodies) is sealed under. */
export const OUTBOX_SEAL_PURPOSE = 'outbox';

/** Templates with secrets must be given them: a notice without its code would be useless. */
type SecretsOf<T extends TemplateName> = T extends keyof TemplateSecrets
  ? {
      /** Values that must not rest in clear (an access code, a one-time code): sealed in the row, opened at delivery. */
      secrets: TemplateSecrets[T];
    }
  : { secrets?: undefined };

export type OutgoingMessage<T extends TemplateName> = {
  channel: Channel;
  /** An email address, an E.164 phone number, or for letters the addressee's name and postal address on lines. */
  recipient: string;
  language: Language;
  template: T;
  payload: TemplatePayloads[T];
  /** The same key twice queues one message: retries of the action that sent it do not send it again. */
  dedupeKey: string;
  /** Not before this instant (a reminder); now when omitted. */
  sendAt?: Date;
} & SecretsOf<T>;

/**
 * Puts a message in the outbox. Call it inside the transaction of the change it reports, so a
 * change and its notice commit together; the worker delivers it afterwards.
 * Returns false when a message with the same dedupe key is already queued.
 */
export async function enqueueNotification<T extends TemplateName>(
  db: DbOrTx,
  clock: Clock,
  message: OutgoingMessage<T>,
): Promise<boolean> {
  if (!message.recipient.trim()) throw new Error(`a ${message.channel} notification needs a recipient`);
  // Callers ask textingOffered() first and send by email instead; this keeps a missed one from
  // queueing a text that nothing would deliver.
  if (message.channel === 'sms' && !textingOffered()) throw new Error('texting is not offered: no SMS provider is configured');
  const now = clock.now();
  const payload: Record<string, unknown> = { ...message.payload };
  if (message.secrets) payload.sealedSecrets = seal(JSON.stringify(message.secrets), OUTBOX_SEAL_PURPOSE);
  const inserted = await db
    .insert(notifications)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      language: message.language,
      template: message.template,
      payload,
      dedupeKey: message.dedupeKey,
      nextAttemptAt: message.sendAt ?? now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return inserted.length > 0;
}

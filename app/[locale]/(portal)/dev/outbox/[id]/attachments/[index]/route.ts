/**
 * A file sent with a message of the local outbox (an appointment's calendar file), for demo users
 * who have no real inbox. It exists exactly where /dev/outbox does.
 */
import { getDb } from '@/db/client';
import { downloadResponse, notFoundResponse } from '@/lib/http/download';
import { isLocale, routing } from '@/lib/i18n/routing';
import { localOutboxInUse } from '@/lib/notifications/config';
import { outboxAttachment } from '@/lib/notifications/outbox';

const wholeNumber = (text: string) => (/^\d{1,10}$/.test(text) ? Number(text) : NaN);

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/dev/outbox/[id]/attachments/[index]'>) {
  const { locale, id, index } = await params;
  if (!isLocale(locale)) return notFoundResponse(routing.defaultLocale);
  if (!localOutboxInUse()) return notFoundResponse(locale);
  const attachment = await outboxAttachment(getDb(), wholeNumber(id), wholeNumber(index));
  if (!attachment) return notFoundResponse(locale);
  return downloadResponse({ filename: attachment.filename, contentType: attachment.contentType, body: attachment.content });
}

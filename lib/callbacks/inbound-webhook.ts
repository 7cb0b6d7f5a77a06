/**
 * POST /api/sms/inbound: texts from customers, as the SMS provider the portal sends through (a
 * Twilio-compatible API) posts them: form-encoded `From`, `Body`, … with an `X-Twilio-Signature`
 * header, the base64 HMAC-SHA1 of the webhook's public address followed by every parameter name
 * and value in name order, keyed by the account's auth token. A request without a valid signature
 * changes nothing and gets 403. The answer is TwiML: the provider texts its <Message> back.
 */
import type { Db } from '@/db/client';
import { normalisePhoneNumber } from '@/lib/auth/sign-up-schema';
import type { Clock } from '@/lib/clock';
import { notificationConfig, type NotificationConfig } from '@/lib/notifications/config';
import { handleInboundText, type InboundResult } from './callbacks';
import { DEMO_INBOUND_AUTH_TOKEN, INBOUND_PATH, signatureIsValid } from './twilio-signature';

export { DEMO_INBOUND_AUTH_TOKEN, INBOUND_PATH, twilioSignature } from './twilio-signature';

/** The key inbound requests are signed with; null when nothing may post texts here. */
export function inboundAuthToken(config: NotificationConfig = notificationConfig()): string | null {
  if (config.sms) return config.sms.authToken;
  return config.localOutbox ? DEMO_INBOUND_AUTH_TOKEN : null;
}

/** The address the provider is configured to call (and signs): the portal's public address. */
export const inboundUrl = (config: NotificationConfig = notificationConfig()) => `${config.portalUrl}${INBOUND_PATH}`;

export type InboundOutcome = { status: 403 } | { status: 400; problem: string } | { status: 200; result: InboundResult };

/** Verifies and handles one webhook request's parameters. */
export async function receiveInboundText(
  db: Db,
  clock: Clock,
  request: { params: Record<string, string>; signature: string | null },
  config: NotificationConfig = notificationConfig(),
): Promise<InboundOutcome> {
  const token = inboundAuthToken(config);
  if (!token || !signatureIsValid(inboundUrl(config), request.params, request.signature, token)) return { status: 403 };
  const from = request.params.From ? normalisePhoneNumber(request.params.From) : null;
  if (!from) return { status: 400, problem: 'From must be a phone number' };
  const body = (request.params.Body ?? '').slice(0, 1600);
  return { status: 200, result: await handleInboundText(db, clock, { from, body }) };
}

export function twiml(message: string | null): Response {
  const escaped = message?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><Response>${escaped ? `<Message>${escaped}</Message>` : ''}</Response>`, {
    headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

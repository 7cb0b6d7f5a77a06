/**
 * The request signature of the SMS provider's webhooks (Twilio's X-Twilio-Signature): the base64
 * HMAC-SHA1, keyed by the auth token, of the webhook's public address followed by every posted
 * parameter's name and value in name order. No other imports: the demo's reply command and the
 * journeys sign with it too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const INBOUND_PATH = '/api/sms/inbound';
/**
 * The demo's auth token, used only where the local outbox stands in for a provider (the embedded
 * store): `npm run sms:reply` signs with it. With a provider, its own auth token is the key.
 */
export const DEMO_INBOUND_AUTH_TOKEN = 'demo-inbound-auth-token';

export function twilioSignature(url: string, params: Record<string, string>, authToken: string): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function signatureIsValid(url: string, params: Record<string, string>, signature: string | null, authToken: string): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(url, params, authToken));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}


/**
 * npm run sms:reply -- +16025550143 YES
 *
 * Sends a text reply to the running portal as the SMS provider would: a form-encoded POST to
 * /api/sms/inbound at PORTAL_URL (default http://localhost:3000), signed with X-Twilio-Signature
 * under the inbound auth token (the provider's SMS_AUTH_TOKEN, or the demo's token where the local
 * outbox stands in for a provider). Prints the portal's answer, the text it would send back.
 * Exit codes: 0 answered 200, 1 any other answer or no answer, 2 usage errors.
 */
import { randomBytes } from 'node:crypto';
import { normalisePhoneNumber } from '../lib/auth/sign-up-schema';
import { inboundAuthToken, inboundUrl } from '../lib/callbacks/inbound-webhook';
import { twilioSignature } from '../lib/callbacks/twilio-signature';
import { notificationConfig } from '../lib/notifications/config';

const usage = 'usage: npm run sms:reply -- +1XXXXXXXXXX YES|NO|STOP|START|"any text"';
const [number, ...words] = process.argv.slice(2);
const from = number ? normalisePhoneNumber(number) : null;
if (!from || words.length === 0) {
  console.error(`${from || !number ? 'the reply text is missing' : `"${number}" is not a phone number`}\n${usage}`);
  process.exit(2);
}

const config = notificationConfig();
const token = inboundAuthToken(config);
if (!token) {
  console.error('No inbound auth token: configure the SMS provider (SMS_AUTH_TOKEN), or use the embedded demo store.');
  process.exit(2);
}
const url = inboundUrl(config);
const params = {
  MessageSid: `SM${randomBytes(16).toString('hex')}`,
  AccountSid: config.sms?.accountSid ?? 'ACdemo',
  From: from,
  To: config.sms?.from ?? '+15555550100',
  Body: words.join(' '),
  NumMedia: '0',
};
try {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(url, params, token) },
    body: new URLSearchParams(params),
  });
  const body = await response.text();
  const message = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1];
  console.log(response.ok ? `${url} answered ${response.status}: ${message ? `reply "${message.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')}"` : 'no reply text'}` : `${url} answered ${response.status}: ${body}`);
  process.exitCode = response.ok ? 0 : 1;
} catch (error) {
  console.error(`could not reach ${url}: ${(error as Error).message} (is the portal running? npm start)`);
  process.exitCode = 1;
}

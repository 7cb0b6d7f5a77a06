import { getDb } from '@/db/client';
import { receiveInboundText, twiml } from '@/lib/callbacks/inbound-webhook';
import { systemClock } from '@/lib/clock';
import { getTranslations } from '@/lib/i18n/server';

/** Texts from customers, posted by the SMS provider (lib/callbacks/inbound-webhook.ts). */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  if (!form) return problem(400, 'Bad Request', 'The body must be form-encoded (application/x-www-form-urlencoded).');
  const params: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === 'string') params[name] = value;

  const outcome = await receiveInboundText(getDb(), systemClock, { params, signature: request.headers.get('x-twilio-signature') });
  if (outcome.status === 403) return problem(403, 'Forbidden', 'The X-Twilio-Signature header is missing or does not match this request.');
  if (outcome.status === 400) return problem(400, 'Bad Request', outcome.problem);

  const { result } = outcome;
  if (result.kind === 'opted_out') return twiml(null); // the provider confirms STOP itself
  const language = result.kind === 'answered' ? result.language : 'en';
  const t = await getTranslations({ locale: language, namespace: 'callbacks.sms' });
  if (result.kind === 'opted_in') return twiml(t('optedIn'));
  if (result.kind === 'help') return twiml(`${t('help')} ${(await getTranslations({ locale: 'es', namespace: 'callbacks.sms' }))('help')}`);
  return twiml(result.answer === 'yes' ? t('yes', { number: result.serviceRequestNumber }) : t(result.closed ? 'noClosed' : 'no', { number: result.serviceRequestNumber }));
}

function problem(status: number, title: string, detail: string): Response {
  return Response.json({ type: 'about:blank', title, status, detail }, { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } });
}

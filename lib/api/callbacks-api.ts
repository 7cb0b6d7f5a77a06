/**
 * Contact Center callbacks through the API (spec §8 and §9): a representative asks the Contact
 * Center to call (about a client's case or none), reads where it stands, and cancels it while
 * nothing has happened. The same rules and service as the request form: `parseCallbackRequest`
 * (its messages, each by JSON pointer), `requestCallback` (the 8-digit service request number, the
 * email, due times), `cancelCallback`.
 */
import { z } from 'zod';
import enCallbackRequest from '@/messages/en/callbackRequest.json';
import esCallbackRequest from '@/messages/es/callbackRequest.json';
import { parseCallbackRequest } from '@/lib/callbacks/callback-rules';
import { cancelCallback, requestCallback } from '@/lib/callbacks/callbacks';
import { casesForCallback, ownCallback } from '@/lib/callbacks/callback-views';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { textingRules } from '@/lib/notifications/config';
import { prefersSpanish } from './batch-link';
import { caseNotFound } from './case-resource';
import { jsonResponse, type ApiCall, type Operation } from './endpoint';
import { problemResponse } from './problem';
import { parseJsonBody, validationProblem } from './request-input';

const typed = (max: number) => z.string({ error: 'Send this as text.' }).max(max, `At most ${max} characters.`);

export const callbackCreateSchema = z.strictObject({
  receiptNumber: typed(64).nullable().optional(),
  topic: typed(32),
  urgency: typed(16),
  phone: typed(64),
  language: typed(8),
  textAhead: z.boolean({ error: 'Send textAhead as true or false.' }).optional(),
}).meta({
  id: 'CallbackCreate',
  description:
    '`topic`: case_status, appointment, biometrics, documents, address_change or other; `urgency`: urgent (within 72 hours) or regular (within 30 business days); `language`: en or es; `textAhead`: text the number before calling (US numbers, when texting is offered).',
});

export const callbackSchema = z.object({
  serviceRequestNumber: z.string(),
  receiptNumber: z.string().nullable(),
  topic: z.string(),
  urgency: z.enum(['urgent', 'regular']),
  language: z.enum(['en', 'es']),
  textAhead: z.boolean(),
  status: z.enum(['queued', 'awaiting_reply', 'ready', 'calling', 'retry_due', 'closed']),
  closedReason: z.enum(['reached', 'unreachable', 'cancelled']).nullable(),
  attempts: z.number().int(),
  dueAt: z.string(),
  createdAt: z.string(),
  timeline: z.array(z.object({ kind: z.string(), at: z.string() })),
}).meta({ id: 'Callback', description: 'A Contact Center callback and where it stands.' });

const callbackNotFound = () =>
  problemResponse({ status: 404, code: 'callback-not-found', title: 'Callback not found', detail: 'No callback with this service request number was requested by your account.' });

async function resource(call: ApiCall, serviceRequestNumber: string): Promise<z.output<typeof callbackSchema> | null> {
  const found = /^\d{8}$/.test(serviceRequestNumber) ? await ownCallback(call.db, call.caller.user, serviceRequestNumber) : null;
  if (!found) return null;
  const { callback } = found;
  return {
    serviceRequestNumber: callback.serviceRequestNumber,
    receiptNumber: found.receiptNumber,
    topic: callback.topic,
    urgency: callback.urgency,
    language: callback.language,
    textAhead: callback.textAhead,
    status: callback.status,
    closedReason: callback.closedReason,
    attempts: callback.attempts,
    dueAt: callback.dueAt.toISOString(),
    createdAt: callback.createdAt.toISOString(),
    // Officers' notes are for the Contact Center: the timeline says what happened, not what they wrote.
    timeline: found.events.map((event) => ({ kind: event.kind, at: event.at.toISOString() })),
  };
}

export const createCallbackOperation: Operation<object> = {
  id: 'createCallback',
  async handle(call) {
    const { db, clock, caller, request, body } = call;
    const parsed = parseJsonBody(request, body, callbackCreateSchema);
    if (!parsed.ok) return parsed.response;
    const linked = (await casesForCallback(db, caller.user)).map((c) => c.receiptNumber);
    const typedReceipt = parsed.data.receiptNumber?.trim() ?? '';
    const receiptNumber = typedReceipt ? (normaliseReceiptNumber(typedReceipt) ?? typedReceipt) : '';
    // A case that is not the representative's answers as everywhere in the API: not found.
    if (normaliseReceiptNumber(receiptNumber) && !linked.includes(receiptNumber)) return caseNotFound();
    const checked = parseCallbackRequest({ ...parsed.data, receiptNumber, textAhead: parsed.data.textAhead ? 'yes' : 'no' }, linked, textingRules());
    if (!checked.ok) {
      const catalogue: Record<string, Record<string, string>> = (prefersSpanish(request) ? esCallbackRequest : enCallbackRequest).errors;
      const errors = Object.entries(checked.problems).map(([field, code]) => ({ pointer: `/${field}`, message: catalogue[field]?.[code!] ?? `Check ${field}.` }));
      return validationProblem(errors);
    }
    const made = await requestCallback(db, clock, caller.user, checked.input);
    return jsonResponse(await resource(call, made.serviceRequestNumber), 201, { Location: `/api/v1/callbacks/${made.serviceRequestNumber}` });
  },
};

export const readCallbackOperation: Operation<{ number: string }> = {
  id: 'getCallback',
  async handle(call, { number }) {
    const found = await resource(call, number);
    return found ? jsonResponse(found) : callbackNotFound();
  },
};

export const cancelCallbackOperation: Operation<{ number: string }> = {
  id: 'cancelCallback',
  async handle(call, { number }) {
    if (!/^\d{8}$/.test(number)) return callbackNotFound();
    const outcome = await cancelCallback(call.db, call.clock, call.caller.user, number);
    if (outcome.ok) return jsonResponse(await resource(call, number));
    if (outcome.error === 'not_found') return callbackNotFound();
    return problemResponse({ status: 409, code: 'callback-started', title: 'This callback can no longer be cancelled', detail: 'An officer has already started it, or it is closed.' });
  },
};

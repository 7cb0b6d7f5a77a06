/**
 * POST /api/v1/case-links: link up to 100 clients' cases at once, each with its receipt number and
 * online access code, through the same service as the "Link a case" page (lib/access-codes/link-case.ts:
 * its guessing limits, one-time codes, the applicant told). Each item gets its own result, in the
 * order sent, and one refused item never stops the others; a receipt number twice in one batch
 * links once. Messages come from the portal's catalogue, in Spanish when
 * the request's Accept-Language prefers it.
 */
import { z } from 'zod';
import enCases from '@/messages/en/cases.json';
import esCases from '@/messages/es/cases.json';
import { linkCaseSchema } from '@/lib/access-codes/access-code-forms';
import { linkCaseWithAccessCode, type LinkOutcome } from '@/lib/access-codes/link-case';
import { jsonPointer, parseJsonBody } from './request-input';
import { jsonResponse, type Operation } from './endpoint';
import type { ProblemFieldError } from './problem';

export const MAX_LINKS_PER_BATCH = 100;
/** Receipt numbers of a batch judged at the same time. */
const LINKS_AT_ONCE = 8;

export const batchLinkRequestSchema = z.object({
  items: z
    .array(z.unknown(), { error: 'Send items as a list of {receiptNumber, accessCode} objects.' })
    .min(1, 'Send at least one item.')
    .max(MAX_LINKS_PER_BATCH, `Send at most ${MAX_LINKS_PER_BATCH} items in one request.`)
    .meta({ description: 'Up to 100 objects, each `{ "receiptNumber": "IOE0912345678", "accessCode": "7KQ2-M9XD-4RTF" }`; an item that is not one gets its own refusal.' }),
}).meta({ id: 'CaseLinkBatch', description: 'Receipt numbers with their online access codes, to link.' });

const itemSchema = z.object({ receiptNumber: z.unknown(), accessCode: z.unknown() });

export const LINK_RESULT_CODES = [
  'linked',
  'validation-failed',
  'invalid-code',
  'code-expired',
  'code-used',
  'code-replaced',
  'representative-code',
  'already-linked',
  'linked-to-another-account',
  'too-many-attempts',
  'receipt-paused',
] as const;

export const batchLinkResultSchema = z.object({
  index: z.number().int(),
  /** As normalised (IOE0912345678), or as sent when it is not a receipt number. */
  receiptNumber: z.string().nullable(),
  linked: z.boolean(),
  code: z.enum(LINK_RESULT_CODES),
  message: z.string(),
  /** Linked with the applicant's own code rather than the representative code: the applicant was told. */
  usedApplicantCode: z.boolean().optional(),
  /** When a paused attempt may be made again (too-many-attempts, receipt-paused). */
  retryAfter: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
}).meta({ id: 'CaseLinkResult', description: 'What happened to one item of the batch: `code` is `linked` or the reason it was not, `message` the words to show.' });

export const batchLinkResponseSchema = z.object({
  linked: z.number().int(),
  refused: z.number().int(),
  results: z.array(batchLinkResultSchema),
}).meta({ id: 'CaseLinkResults', description: 'How many were linked, how many refused, and a result per item in the order sent.' });

type BatchLinkResult = z.output<typeof batchLinkResultSchema>;
type CaseMessages = typeof enCases;

export const prefersSpanish = (request: Request) => /^\s*es\b/i.test(request.headers.get('accept-language') ?? '');

const minutesUntil = (until: Date, now: Date) => String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)));

function outcomeResult(index: number, outcome: LinkOutcome, receiptNumber: string, messages: CaseMessages, now: Date): BatchLinkResult {
  const base = { index, receiptNumber };
  if (outcome.ok) {
    const message = outcome.usedApplicantCode ? messages.linked.applicantCode : messages.linked.representative;
    return { ...base, linked: true, code: 'linked', message, usedApplicantCode: outcome.usedApplicantCode };
  }
  const errors = messages.errors;
  switch (outcome.error) {
    case 'invalid': {
      const paused = outcome.accountPausedUntil ?? outcome.receiptPausedUntil;
      const message = paused ? `${errors.accessCode.invalid}. ${errors.pausedNow.replace('{minutes}', minutesUntil(paused, now))}` : errors.accessCode.invalid;
      return { ...base, linked: false, code: 'invalid-code', message, ...(paused ? { retryAfter: paused.toISOString() } : {}) };
    }
    case 'expired':
      return { ...base, linked: false, code: 'code-expired', message: errors.accessCode.expired };
    case 'used':
      return { ...base, linked: false, code: 'code-used', message: errors.accessCode.used };
    case 'replaced':
      return { ...base, linked: false, code: 'code-replaced', message: errors.accessCode.replaced };
    case 'representative_code':
      return { ...base, linked: false, code: 'representative-code', message: errors.accessCode.representativeCode };
    case 'already_linked':
      return { ...base, linked: false, code: 'already-linked', message: errors.alreadyLinked };
    case 'linked_to_another_account':
      return { ...base, linked: false, code: 'linked-to-another-account', message: errors.linkedToAnotherAccount };
    case 'throttled_account':
      return { ...base, linked: false, code: 'too-many-attempts', message: errors.throttledAccount.replace('{minutes}', minutesUntil(outcome.until, now)), retryAfter: outcome.until.toISOString() };
    case 'throttled_receipt':
      return { ...base, linked: false, code: 'receipt-paused', message: errors.throttledReceipt.replace('{minutes}', minutesUntil(outcome.until, now)), retryAfter: outcome.until.toISOString() };
  }
}

/** An item whose fields are not a receipt number and a code: the form's own messages, by pointer. */
function invalidItem(index: number, item: unknown, messages: CaseMessages): BatchLinkResult | { receiptNumber: string; accessCode: string } {
  const shaped = itemSchema.safeParse(item);
  const fields: { receiptNumber?: unknown; accessCode?: unknown } = shaped.success ? shaped.data : {};
  const typed = (value: unknown) => (typeof value === 'string' ? value : '');
  const parsed = linkCaseSchema.safeParse({ receiptNumber: typed(fields.receiptNumber), accessCode: typed(fields.accessCode) });
  if (parsed.success) return parsed.data;
  const errors: ProblemFieldError[] = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0]) as 'receiptNumber' | 'accessCode';
    const fieldMessages: Record<string, string> = messages.errors[field];
    return { pointer: jsonPointer(['items', index, field]), message: fieldMessages[issue.message] ?? fieldMessages.format };
  });
  const sent = typeof fields.receiptNumber === 'string' ? fields.receiptNumber.slice(0, 64) : null;
  return { index, receiptNumber: sent, linked: false, code: 'validation-failed', message: errors.map((e) => e.message).join('. '), errors: errors as { pointer: string; message: string }[] };
}

export const batchLinkOperation: Operation<object> = {
  id: 'linkCases',
  async handle({ db, clock, caller, request, body }) {
    const parsed = parseJsonBody(request, body, batchLinkRequestSchema);
    if (!parsed.ok) return parsed.response;
    const messages = prefersSpanish(request) ? (esCases as CaseMessages) : enCases;
    const requestId = request.headers.get('x-request-id');
    const results: BatchLinkResult[] = new Array(parsed.data.items.length);
    // Items of one receipt number are judged in their order (the second of a pair finds the case
    // linked); different receipt numbers several at a time, so a batch does not wait for each
    // commit in turn. Every reservation against the guessing limits is still atomic.
    const byReceipt = new Map<string, { index: number; receiptNumber: string; accessCode: string }[]>();
    for (const [index, item] of parsed.data.items.entries()) {
      const checked = invalidItem(index, item, messages);
      if ('index' in checked) results[index] = checked;
      else byReceipt.set(checked.receiptNumber, [...(byReceipt.get(checked.receiptNumber) ?? []), { index, ...checked }]);
    }
    const groups = [...byReceipt.values()];
    const work = async () => {
      for (let group = groups.shift(); group; group = groups.shift()) {
        for (const { index, ...pair } of group) {
          const outcome = await linkCaseWithAccessCode(db, clock, { user: caller.user, ...pair, requestId });
          results[index] = outcomeResult(index, outcome, pair.receiptNumber, messages, clock.now());
        }
      }
    };
    await Promise.all(Array.from({ length: LINKS_AT_ONCE }, work));
    const linked = results.filter((r) => r.linked).length;
    return jsonResponse({ linked, refused: results.length - linked, results });
  },
};

/**
 * The callback request form's rules (spec §8), shared by the server action and its tests: each
 * problem is a stable code the page turns into a message naming the field.
 */
import type { CallbackUrgency, Language } from '@/db/columns';
import { normalisePhoneNumber, textNumberProblem, type TextingRules } from '@/lib/auth/sign-up-schema';

export const CALLBACK_TOPICS = ['case_status', 'appointment', 'biometrics', 'documents', 'address_change', 'other'] as const;
export type CallbackTopic = (typeof CALLBACK_TOPICS)[number];

export const CALLBACK_FIELDS = ['receiptNumber', 'topic', 'urgency', 'phone', 'language', 'textAhead'] as const;
export type CallbackField = (typeof CALLBACK_FIELDS)[number];

export interface CallbackInput {
  /** A linked case's receipt number, or null for a question about none. */
  receiptNumber: string | null;
  topic: CallbackTopic;
  urgency: CallbackUrgency;
  /** E.164. */
  phone: string;
  language: Language;
  textAhead: boolean;
}

export type CallbackProblems = Partial<Record<CallbackField, string>>;

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/**
 * `linkedReceipts`: the receipt numbers of the person's own linked cases (the only cases a callback
 * may name). `texting`: whether text-ahead can be offered, and to which numbers.
 */
export function parseCallbackRequest(
  raw: Record<string, unknown>,
  linkedReceipts: readonly string[],
  texting: TextingRules,
): { ok: true; input: CallbackInput } | { ok: false; problems: CallbackProblems } {
  const problems: CallbackProblems = {};
  const receipt = typeof raw.receiptNumber === 'string' ? raw.receiptNumber.trim() : '';
  if (receipt && !linkedReceipts.includes(receipt)) problems.receiptNumber = 'not_linked';
  if (!oneOf(CALLBACK_TOPICS, raw.topic)) problems.topic = 'required';
  if (!oneOf(['urgent', 'regular'] as const, raw.urgency)) problems.urgency = 'required';
  if (!oneOf(['en', 'es'] as const, raw.language)) problems.language = 'required';
  const typedPhone = typeof raw.phone === 'string' ? raw.phone.trim() : '';
  const phone = typedPhone ? normalisePhoneNumber(typedPhone) : null;
  if (!typedPhone) problems.phone = 'required';
  else if (!phone) problems.phone = 'invalid';
  const textAhead = raw.textAhead === 'yes';
  if (textAhead && !texting.offered) problems.textAhead = 'unavailable';
  else if (textAhead && phone && textNumberProblem(phone, texting)) problems.textAhead = 'not_us';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      receiptNumber: receipt || null,
      topic: raw.topic as CallbackTopic,
      urgency: raw.urgency as CallbackUrgency,
      phone: phone!,
      language: raw.language as Language,
      textAhead,
    },
  };
}

/** YES and NO in English and Spanish; STOP and START with the usual synonyms; anything else is "other". */
export type ReplyMeaning = 'yes' | 'no' | 'stop' | 'start' | 'other';

const YES = new Set(['YES', 'Y', 'SI', 'SÍ']);
const NO = new Set(['NO', 'N']);
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'ALTO', 'PARAR']);
const START = new Set(['START', 'UNSTOP', 'YES START', 'SUBSCRIBE', 'OPTIN']);

export function replyMeaning(body: string): ReplyMeaning {
  // Case, accents on the keyword, spaces and trailing punctuation do not matter ("Sí!", " yes.").
  const word = body.trim().toUpperCase().replace(/[.!¡?¿,\s]+$/u, '').replace(/^[¡¿\s]+/u, '').replace(/\s+/g, ' ');
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (YES.has(word)) return 'yes';
  if (NO.has(word)) return 'no';
  return 'other';
}

/**
 * The rules of an appointment request's answers (spec §5), judged on the server whatever the browser
 * sent. Each field gets its first problem as a code that the form's messages name (e.g. a date that
 * falls on a weekend is `weekend`); nothing here reads the database: whether the office exists and the
 * case is one of the person's linked cases is for the caller to check.
 */
import { normalisePhoneNumber } from '@/lib/auth/sign-up-schema';
import { addDays, epochDay, isIsoDate } from '@/lib/calendar/iso-date';
import { hasUnprintable } from '@/lib/people/person-name';
import { isBusinessDay } from './due-time';
import { needsExplanation, OTHER_REASONS, REQUEST_REASONS, type OtherReason, type RequestReason } from './reasons';

export const MAX_PREFERRED_DATES = 3;
/** Preferred dates: from tomorrow to 60 days ahead. */
export const PREFERRED_DATES_AHEAD = 60;
export const EXPLANATION_MAX = 1_000;
export const DESTINATION_MAX = 200;
export const ACCOMMODATIONS_MAX = 500;

export type Period = 'morning' | 'afternoon';

export interface RequestAnswers {
  reason: RequestReason;
  otherReason: OtherReason | null;
  /** "A" and 8 or 9 digits, or null. */
  aNumber: string | null;
  fieldOfficeCode: string;
  preferredDates: { date: string; period: Period }[];
  explanation: string | null;
  travelDate: string | null;
  destination: string | null;
  contactPreference: 'email' | 'phone';
  /** E.164, when the contact preference is the phone. */
  contactPhone: string | null;
  accommodations: string | null;
}

export type RequestField = keyof RequestAnswers;
export type RequestErrors = Partial<Record<RequestField, string>>;

/** What the form posts: text fields, and the preferred dates as up to three date/period pairs. */
export interface PostedRequest {
  reason?: string;
  otherReason?: string;
  aNumber?: string;
  fieldOfficeCode?: string;
  preferredDates?: { date?: string; period?: string }[];
  explanation?: string;
  travelDate?: string;
  destination?: string;
  contactPreference?: string;
  contactPhone?: string;
  accommodations?: string;
}

const clean = (value: string | undefined) => (value ?? '').trim();
const oneOf = <T extends string>(values: readonly T[], value: string): T | null => (values as readonly string[]).includes(value) ? (value as T) : null;

/** Free text: at most `max` characters, line breaks allowed, no other control or text-direction characters. */
function freeText(value: string, max: number): string | null {
  if (value.length > max) return 'too_long';
  if (hasUnprintable(value.replace(/\r?\n/g, ' '))) return 'unprintable';
  return null;
}

/** "A12345678", "a-123 456 789" or "123456789" → "A123456789"; null when it is not 8 or 9 digits. */
export function normaliseANumber(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  const digits = bare.startsWith('A') ? bare.slice(1) : bare;
  return /^\d{8,9}$/.test(digits) ? `A${digits}` : null;
}

/** Why a preferred date cannot be offered, or null: a weekday the offices are open, tomorrow to 60 days ahead. */
export function preferredDateProblem(date: string, today: string): string | null {
  if (!isIsoDate(date)) return 'invalid';
  const ahead = epochDay(date) - epochDay(today);
  if (ahead < 1 || ahead > PREFERRED_DATES_AHEAD) return 'out_of_range';
  if (!isBusinessDay(date)) return 'closed';
  return null;
}

export function parseRequestAnswers(posted: PostedRequest, today: string): { ok: true; data: RequestAnswers } | { ok: false; errors: RequestErrors } {
  const errors: RequestErrors = {};
  const fail = (field: RequestField, code: string) => void (errors[field] ??= code);

  const reason = oneOf(REQUEST_REASONS, clean(posted.reason));
  if (!reason) fail('reason', 'required');
  const otherReason = reason === 'other' ? oneOf(OTHER_REASONS, clean(posted.otherReason)) : null;
  if (reason === 'other' && !otherReason) fail('otherReason', 'required');

  const typedANumber = clean(posted.aNumber);
  const aNumber = typedANumber ? normaliseANumber(typedANumber) : null;
  if (typedANumber && !aNumber) fail('aNumber', 'invalid');

  const fieldOfficeCode = clean(posted.fieldOfficeCode);
  if (!fieldOfficeCode) fail('fieldOfficeCode', 'required');

  const preferredDates: RequestAnswers['preferredDates'] = [];
  for (const entry of posted.preferredDates ?? []) {
    const date = clean(entry.date);
    const period = oneOf(['morning', 'afternoon'] as const, clean(entry.period));
    if (!date && !period) continue; // an empty row of the form
    const problem = date ? preferredDateProblem(date, today) : 'required';
    if (problem) fail('preferredDates', problem);
    else if (!period) fail('preferredDates', 'period_required');
    else if (preferredDates.some((chosen) => chosen.date === date && chosen.period === period)) fail('preferredDates', 'duplicate');
    else preferredDates.push({ date, period });
  }
  if (!errors.preferredDates && preferredDates.length === 0) fail('preferredDates', 'required');
  if (preferredDates.length > MAX_PREFERRED_DATES) fail('preferredDates', 'too_many');

  const explanation = clean(posted.explanation);
  if (reason && needsExplanation(reason) && !explanation) fail('explanation', 'required');
  const explanationProblem = freeText(explanation, EXPLANATION_MAX);
  if (explanationProblem) fail('explanation', explanationProblem);

  const urgent = reason === 'emergency_advance_parole';
  const travelDate = clean(posted.travelDate);
  const destination = clean(posted.destination);
  if (urgent) {
    if (!travelDate) fail('travelDate', 'required');
    else if (!isIsoDate(travelDate)) fail('travelDate', 'invalid');
    else if (travelDate < today || travelDate > addDays(today, 365)) fail('travelDate', 'out_of_range');
    if (!destination) fail('destination', 'required');
    const destinationProblem = freeText(destination, DESTINATION_MAX) ?? (destination.includes('\n') ? 'unprintable' : null);
    if (destinationProblem) fail('destination', destinationProblem);
  }

  const contactPreference = oneOf(['email', 'phone'] as const, clean(posted.contactPreference));
  if (!contactPreference) fail('contactPreference', 'required');
  const typedPhone = clean(posted.contactPhone);
  const contactPhone = contactPreference === 'phone' && typedPhone ? normalisePhoneNumber(typedPhone) : null;
  if (contactPreference === 'phone' && !typedPhone) fail('contactPhone', 'required');
  else if (contactPreference === 'phone' && !contactPhone) fail('contactPhone', 'invalid');

  const accommodations = clean(posted.accommodations);
  const accommodationsProblem = freeText(accommodations, ACCOMMODATIONS_MAX);
  if (accommodationsProblem) fail('accommodations', accommodationsProblem);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      reason: reason!,
      otherReason,
      aNumber,
      fieldOfficeCode,
      preferredDates,
      explanation: explanation || null,
      travelDate: urgent ? travelDate : null,
      destination: urgent ? destination : null,
      contactPreference: contactPreference!,
      contactPhone,
      accommodations: accommodations || null,
    },
  };
}

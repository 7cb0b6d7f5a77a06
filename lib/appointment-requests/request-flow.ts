/**
 * The pages of "Request an appointment" (spec §5): one topic per page, in this order, then "Check your
 * answers". The answers given so far are a draft (lib/forms/drafts.ts); each page judges only its own
 * fields, with the same rules the submission is judged by (request-rules.ts), so a page never lets
 * through what the submission would refuse.
 */
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { MAX_PREFERRED_DATES, parseRequestAnswers, type PostedRequest, type RequestErrors, type RequestField } from './request-rules';

export const REQUEST_STEPS = ['reason', 'other-reason', 'case', 'office', 'dates', 'details', 'contact', 'accommodations'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** The draft: what the form posts, and the case it is about by receipt number ("none": not about a linked case). */
export interface RequestDraft extends PostedRequest {
  caseReceipt?: string;
}
export const NO_CASE = 'none';

export type DraftField = RequestField | 'caseReceipt';
export type DraftErrors = Partial<Record<DraftField, string>>;

/** Each page's fields, in page order (the order of its error summary). */
export const STEP_FIELDS: Record<RequestStep, readonly DraftField[]> = {
  reason: ['reason'],
  'other-reason': ['otherReason'],
  case: ['caseReceipt', 'aNumber'],
  office: ['fieldOfficeCode'],
  dates: ['preferredDates'],
  details: ['explanation', 'travelDate', 'destination'],
  contact: ['contactPreference', 'contactPhone'],
  accommodations: ['accommodations'],
};

/** "Other" asks which of its situations; every other page is for everyone. */
export const stepApplies = (step: RequestStep, draft: RequestDraft): boolean => step !== 'other-reason' || draft.reason === 'other';

export const stepsFor = (draft: RequestDraft): RequestStep[] => REQUEST_STEPS.filter((step) => stepApplies(step, draft));

export const isRequestStep = (value: unknown): value is RequestStep => (REQUEST_STEPS as readonly unknown[]).includes(value);

/** Where "Back" goes: the page before, or null on the first. */
export function previousStep(step: RequestStep, draft: RequestDraft): RequestStep | null {
  const steps = stepsFor(draft);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1] : null;
}

/** The day the rules count from ("tomorrow", "60 days ahead"): the agency's calendar day. */
export const requestToday = (now: Date): string => isoDateInZone(now, AGENCY_TIME_ZONE);

/** The problems of one page's fields, as rule codes. */
export function stepErrors(step: RequestStep, draft: RequestDraft, today: string, role: 'applicant' | 'representative'): DraftErrors {
  const errors: DraftErrors = {};
  if (step === 'case') {
    if (!draft.caseReceipt || (draft.caseReceipt === NO_CASE && role === 'representative')) errors.caseReceipt = 'required';
  }
  const parsed = parseRequestAnswers(draft, today);
  if (!parsed.ok) {
    for (const field of STEP_FIELDS[step]) {
      const problem = parsed.errors[field as RequestField];
      if (problem) errors[field] = problem;
    }
  }
  return errors;
}

/** The first page whose answers are missing or no longer valid (a date that has passed), or null when all are complete. */
export function firstIncompleteStep(draft: RequestDraft, today: string, role: 'applicant' | 'representative'): RequestStep | null {
  return stepsFor(draft).find((step) => Object.keys(stepErrors(step, draft, today, role)).length > 0) ?? null;
}

/**
 * Where "Continue" goes: the next page; or, when changing an answer from "Check your answers", back
 * there unless the change makes another page necessary (choosing "Other" asks which situation).
 */
export function nextStep(step: RequestStep, draft: RequestDraft, today: string, role: 'applicant' | 'representative', changing: boolean): RequestStep | 'check' {
  if (changing) return firstIncompleteStep(draft, today, role) ?? 'check';
  const steps = stepsFor(draft);
  return steps[steps.indexOf(step) + 1] ?? 'check';
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 2_000) : '';
};

/** The preferred dates' rows as posted: `preferredDate1`/`preferredPeriod1` … up to three. */
export const preferredDateRows = Array.from({ length: MAX_PREFERRED_DATES }, (_, index) => ({
  date: `preferredDate${index + 1}`,
  period: `preferredPeriod${index + 1}`,
}));

/** Answers as the form's fields (the preferred dates as their rows): what the pages show back. */
export function draftFormFields(answers: Partial<RequestDraft>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(answers)) if (typeof value === 'string') fields[field] = value;
  answers.preferredDates?.forEach((row, index) => {
    const names = preferredDateRows[index];
    if (!names) return;
    fields[names.date] = row.date ?? '';
    fields[names.period] = row.period ?? '';
  });
  return fields;
}

/** One page's answers from its posted form, as they go into the draft (what was typed, untrimmed). */
export function stepAnswers(step: RequestStep, form: FormData): Partial<RequestDraft> {
  if (step === 'dates') {
    return { preferredDates: preferredDateRows.map((row) => ({ date: text(form, row.date), period: text(form, row.period) })) };
  }
  const answers: Partial<RequestDraft> = Object.fromEntries(STEP_FIELDS[step].map((field) => [field, text(form, field)]));
  // A case page's "Request an appointment" names its case; the "Which case" page still judges it.
  if (step === 'reason' && text(form, 'prefillCase')) answers.caseReceipt = text(form, 'prefillCase');
  return answers;
}

/** A draft as read back from the store: only the known fields, each of the right type. */
export function asRequestDraft(data: Record<string, unknown>): RequestDraft {
  const draft: RequestDraft = {};
  const strings = ['reason', 'otherReason', 'caseReceipt', 'aNumber', 'fieldOfficeCode', 'explanation', 'travelDate', 'destination', 'contactPreference', 'contactPhone', 'accommodations'] as const;
  for (const field of strings) if (typeof data[field] === 'string') draft[field] = data[field];
  if (Array.isArray(data.preferredDates)) {
    draft.preferredDates = data.preferredDates
      .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
      .map((row) => ({ date: typeof row.date === 'string' ? row.date : '', period: typeof row.period === 'string' ? row.period : '' }));
  }
  return draft;
}

export type { RequestErrors };

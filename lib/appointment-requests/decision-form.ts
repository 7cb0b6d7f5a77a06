/**
 * The officer's "Record decision" form (spec §5): what was posted, checked field by field, turned
 * into the Decision the review service records. Plain rules with an injected "now", so they are
 * tested without a browser; the server action maps each problem to a message naming the field.
 *
 * Scheduling is entered as the office's own calendar date and wall-clock time, because that is where
 * the person has to be; it is turned into an instant here, in the office's time zone, so the same
 * 9:00 is 16:00 UTC in Phoenix all year and 17:00 or 16:00 UTC in Denver depending on daylight time.
 */
import { TZDate } from '@date-fns/tz';
import { isIsoDate, isoDateInZone } from '@/lib/calendar/iso-date';
import { isBusinessDay } from './due-time';
import type { Decision } from './review';

export const DECISION_KINDS = ['schedule', 'not_needed', 'more_info'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The form's fields in page order (the error summary lists them in this order). */
export const DECISION_FIELDS = ['decision', 'fieldOfficeId', 'date', 'time', 'message', 'question', 'followUpBy'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

export const MESSAGE_MAX = 1000;

/** Office hours for in-person appointments: the first and the last start, every half hour. */
export const FIRST_START = '08:00';
export const LAST_START = '16:30';

/** The start times an officer can choose: 08:00, 08:30 … 16:30. */
export const APPOINTMENT_START_TIMES: readonly string[] = (() => {
  const times: string[] = [];
  for (let minutes = toMinutes(FIRST_START); minutes <= toMinutes(LAST_START); minutes += 30) {
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  return times;
})();

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export type DecisionProblem = 'required' | 'invalid' | 'notBusinessDay' | 'notFuture' | 'outsideHours' | 'tooLong';

export interface OfficeChoice {
  id: number;
  timeZone: string;
}

export type ParsedDecision = { ok: true; decision: Decision } | { ok: false; problems: Partial<Record<DecisionField, DecisionProblem>> };

/**
 * The instant at which the office's clock shows `isoDate` `time`. Appointment hours are daytime, so
 * they never fall in a daylight-saving gap or overlap (those are at night).
 */
export function officeLocalInstant(isoDate: string, time: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, day, Number(time.slice(0, 2)), Number(time.slice(3, 5)), 0, 0, timeZone).getTime());
}

const text = (form: FormData, field: DecisionField): string => {
  const value = form.get(field);
  return typeof value === 'string' ? value : '';
};

/** A message the requester reads: required, at most 1,000 characters (counted as the person sees them). */
function messageProblem(value: string): DecisionProblem | undefined {
  if (!value.trim()) return 'required';
  if ([...value.trim()].length > MESSAGE_MAX) return 'tooLong';
  return undefined;
}

/**
 * Reads the posted decision. Only the fields of the chosen decision are checked: the others may hold
 * anything (they are on the page, hidden or not, and a change of mind must not be an error).
 */
export function parseDecisionForm(form: FormData, context: { now: Date; offices: readonly OfficeChoice[] }): ParsedDecision {
  const kind = text(form, 'decision');
  if (!(DECISION_KINDS as readonly string[]).includes(kind)) return { ok: false, problems: { decision: 'required' } };

  if (kind === 'not_needed') {
    const message = text(form, 'message');
    const problem = messageProblem(message);
    return problem ? { ok: false, problems: { message: problem } } : { ok: true, decision: { kind, message: message.trim() } };
  }

  if (kind === 'more_info') {
    const question = text(form, 'question');
    const followUpBy = text(form, 'followUpBy');
    const problems: Partial<Record<DecisionField, DecisionProblem>> = {};
    const questionProblem = messageProblem(question);
    if (questionProblem) problems.question = questionProblem;
    if (followUpBy !== 'email' && followUpBy !== 'phone') problems.followUpBy = 'required';
    if (Object.keys(problems).length) return { ok: false, problems };
    return { ok: true, decision: { kind, question: question.trim(), followUpBy: followUpBy as 'email' | 'phone' } };
  }

  const problems: Partial<Record<DecisionField, DecisionProblem>> = {};
  const officeText = text(form, 'fieldOfficeId');
  const office = /^\d{1,9}$/.test(officeText) ? context.offices.find((o) => o.id === Number(officeText)) : undefined;
  if (!office) problems.fieldOfficeId = officeText ? 'invalid' : 'required';

  const date = text(form, 'date').trim();
  if (!date) problems.date = 'required';
  else if (!isIsoDate(date)) problems.date = 'invalid';
  else if (!isBusinessDay(date)) problems.date = 'notBusinessDay';
  // After today at the office: the requester needs time to plan (and the slot must not be past).
  else if (office && date <= isoDateInZone(context.now, office.timeZone)) problems.date = 'notFuture';

  const time = text(form, 'time').trim();
  if (!time) problems.time = 'required';
  else if (!/^\d{2}:\d{2}$/.test(time)) problems.time = 'invalid';
  else if (!APPOINTMENT_START_TIMES.includes(time)) problems.time = 'outsideHours';

  if (Object.keys(problems).length || !office) return { ok: false, problems };
  return { ok: true, decision: { kind: 'schedule', fieldOfficeId: office.id, startsAt: officeLocalInstant(date, time, office.timeZone) } };
}

/**
 * Appointment requests through the API (spec §5 and §9), for a client's case: create, read, cancel.
 * The same rules and services as the request form and its pages: the answers are checked by
 * `parseRequestAnswers` (messages from the form's catalogue, each by JSON pointer), one open
 * request per client case and reason, the case must be one of the representative's linked cases,
 * the requester is emailed the reference, officers review it in their queue, and it is audited.
 */
import { z } from 'zod';
import enAppointments from '@/messages/en/appointments.json';
import esAppointments from '@/messages/es/appointments.json';
import type { AppointmentRequest } from '@/db/schema';
import { requestForRequester } from '@/lib/appointment-requests/queries';
import { parseRequestAnswers, type RequestErrors } from '@/lib/appointment-requests/request-rules';
import { normaliseRequestReference } from '@/lib/appointment-requests/reference';
import { cancelRequest } from '@/lib/appointment-requests/review';
import { submitAppointmentRequest } from '@/lib/appointment-requests/submit-request';
import { agencyToday } from '@/lib/progress/today';
import { prefersSpanish } from './batch-link';
import { apiCase, caseNotFound } from './case-resource';
import { jsonResponse, type ApiCall, type Operation } from './endpoint';
import { problemResponse, type ProblemFieldError } from './problem';
import { parseJsonBody, validationProblem } from './request-input';

const typed = (max: number) => z.string({ error: 'Send this as text.' }).max(max, `At most ${max} characters.`);

export const appointmentRequestCreateSchema = z.strictObject({
  receiptNumber: typed(64),
  reason: typed(64),
  otherReason: typed(64).optional(),
  aNumber: typed(32).optional(),
  fieldOfficeCode: typed(32),
  preferredDates: z.array(z.strictObject({ date: typed(32), period: typed(32) }), { error: 'Send preferredDates as a list of {date, period}.' }).max(10, 'At most three preferred dates.'),
  explanation: typed(5_000).optional(),
  travelDate: typed(32).optional(),
  destination: typed(1_000).optional(),
  contactPreference: typed(16),
  contactPhone: typed(64).optional(),
  accommodations: typed(5_000).optional(),
}).meta({
  id: 'AppointmentRequestCreate',
  description:
    'The request form’s answers. `reason`: adit_stamp, emergency_advance_parole, immigration_judge_grant or other (then `otherReason`); `preferredDates`: 1 to 3 weekdays from tomorrow to 60 days ahead, each morning or afternoon; `explanation` for emergency advance parole and other; `travelDate` and `destination` for emergency advance parole; `contactPreference`: email or phone (then `contactPhone`).',
});

const eventSchema = z.object({ kind: z.string(), note: z.string().nullable(), at: z.string() });

export const appointmentRequestSchema = z.object({
  reference: z.string(),
  status: z.enum(['submitted', 'in_review', 'more_info_needed', 'appointment_scheduled', 'appointment_not_needed', 'cancelled']),
  reason: z.string(),
  otherReason: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  fieldOffice: z.object({ code: z.string(), name: z.string() }),
  preferredDates: z.array(z.object({ date: z.string(), period: z.enum(['morning', 'afternoon']) })),
  contactPreference: z.enum(['email', 'phone']),
  createdAt: z.string(),
  dueAt: z.string(),
  appointment: z.object({ startsAt: z.string(), endsAt: z.string(), status: z.string() }).nullable(),
  timeline: z.array(eventSchema),
}).meta({ id: 'AppointmentRequest', description: 'An appointment request, its timeline and, once scheduled, its appointment.' });

type AppointmentRequestResource = z.output<typeof appointmentRequestSchema>;

const requestNotFound = () =>
  problemResponse({ status: 404, code: 'appointment-request-not-found', title: 'Appointment request not found', detail: 'No appointment request with this reference was made by your account.' });

async function resource(call: ApiCall, reference: string): Promise<AppointmentRequestResource | null> {
  const found = await requestForRequester(call.db, call.caller.user, reference);
  if (!found) return null;
  const request: AppointmentRequest = found.request;
  return {
    reference: request.reference,
    status: request.status,
    reason: request.reason,
    otherReason: request.otherReason,
    receiptNumber: found.caseReceipt,
    fieldOffice: { code: found.office.code, name: found.office.name },
    preferredDates: request.preferredDates,
    contactPreference: request.contactPreference,
    createdAt: request.createdAt.toISOString(),
    dueAt: request.dueAt.toISOString(),
    appointment: found.appointment ? { startsAt: found.appointment.startsAt.toISOString(), endsAt: found.appointment.endsAt.toISOString(), status: found.appointment.status } : null,
    timeline: found.timeline.map((event) => ({ kind: event.kind, note: event.note, at: event.at.toISOString() })),
  };
}

function answerProblems(errors: RequestErrors & { caseReceipt?: string }, spanish: boolean): ProblemFieldError[] {
  const catalogue: Record<string, Record<string, string>> = (spanish ? esAppointments : enAppointments).errors;
  return Object.entries(errors).map(([field, code]) => {
    const name = field === 'caseReceipt' ? 'receiptNumber' : field;
    return { pointer: `/${name}`, message: catalogue[field]?.[code!] ?? `Check ${name}.` };
  });
}

export const createAppointmentRequestOperation: Operation<object> = {
  id: 'createAppointmentRequest',
  async handle(call) {
    const { db, clock, caller, request, body } = call;
    const parsed = parseJsonBody(request, body, appointmentRequestCreateSchema);
    if (!parsed.ok) return parsed.response;
    const spanish = prefersSpanish(request);
    const { receiptNumber, ...posted } = parsed.data;
    const theCase = await apiCase(db, caller, receiptNumber);
    if (!theCase) return caseNotFound();
    const answers = parseRequestAnswers(posted, agencyToday(clock));
    if (!answers.ok) return validationProblem(answerProblems(answers.errors, spanish));
    const submitted = await submitAppointmentRequest(db, clock, { requester: caller.user, answers: answers.data, caseId: theCase.id, requestId: request.headers.get('x-request-id') });
    if (!submitted.ok && submitted.error === 'duplicate') {
      return problemResponse({
        status: 409,
        code: 'duplicate-request',
        title: 'An open request already exists',
        detail: `There is already an open appointment request for this case and reason: ${submitted.reference}.`,
        extra: { reference: submitted.reference },
      });
    }
    if (!submitted.ok) {
      const errors = answerProblems({ ...(submitted.errors.fieldOfficeCode ? { fieldOfficeCode: submitted.errors.fieldOfficeCode } : {}), ...(submitted.errors.caseId ? { caseReceipt: submitted.errors.caseId } : {}) }, spanish);
      return validationProblem(errors);
    }
    const created = await resource(call, submitted.request.reference);
    return jsonResponse(created, 201, { Location: `/api/v1/appointment-requests/${submitted.request.reference}` });
  },
};

export const readAppointmentRequestOperation: Operation<{ reference: string }> = {
  id: 'getAppointmentRequest',
  async handle(call, { reference }) {
    const normalised = normaliseRequestReference(reference);
    const found = normalised ? await resource(call, normalised) : null;
    return found ? jsonResponse(found) : requestNotFound();
  },
};

export const cancelAppointmentRequestOperation: Operation<{ reference: string }> = {
  id: 'cancelAppointmentRequest',
  async handle(call, { reference }) {
    const normalised = normaliseRequestReference(reference);
    if (!normalised) return requestNotFound();
    const outcome = await cancelRequest(call.db, call.clock, { requester: call.caller.user, reference: normalised, requestId: call.request.headers.get('x-request-id') });
    if (outcome.ok) return jsonResponse(await resource(call, outcome.request.reference));
    if (outcome.error === 'not_found') return requestNotFound();
    return problemResponse({
      status: 409,
      code: 'request-closed',
      title: 'This request can no longer be cancelled',
      detail: 'The request was already decided or cancelled, or its appointment has passed.',
      ...('status' in outcome ? { extra: { requestStatus: outcome.status } } : {}),
    });
  },
};

/**
 * Biometrics through the API (spec §6 and §9): a client case's appointment and whether it may be
 * rescheduled online (or the one rule that stops it), the Application Support Centers near a ZIP
 * code with their open times a week at a time, and the reschedule itself — the same services as
 * the reschedule pages (eligibility.ts, slots.ts, reschedule.ts: one transaction, the last seat
 * to exactly one person, the old seat freed, reminders withdrawn, audited, confirmed by email).
 */
import { z } from 'zod';
import enBiometrics from '@/messages/en/biometrics.json';
import esBiometrics from '@/messages/es/biometrics.json';
import { eq } from 'drizzle-orm';
import { ascs } from '@/db/schema';
import { ascsNearZip } from '@/lib/biometrics/asc-search';
import { biometricsAppointmentOf } from '@/lib/biometrics/biometrics-views';
import { rescheduleBlock } from '@/lib/biometrics/eligibility';
import { GOOD_CAUSES } from '@/lib/biometrics/good-causes';
import { rescheduleBiometrics } from '@/lib/biometrics/reschedule';
import { openSlotsWeek } from '@/lib/biometrics/slots';
import { prefersSpanish } from './batch-link';
import { apiCase, caseNotFound } from './case-resource';
import { jsonResponse, type Operation } from './endpoint';
import { problemResponse } from './problem';
import { parseJsonBody, parseQuery, validationProblem } from './request-input';

const ascSchema = z.object({ code: z.string(), name: z.string(), address: z.string(), timeZone: z.string() });

export const biometricsSchema = z.object({
  receiptNumber: z.string(),
  appointment: z.object({ startsAt: z.string(), endsAt: z.string(), centre: ascSchema, rescheduleCount: z.number().int() }).nullable(),
  canReschedule: z.boolean(),
  /** The rule that stops an online reschedule, when one does. */
  blockedBy: z.enum(['no_biometrics', 'not_pending', 'excluded_form', 'no_appointment', 'too_late', 'twice_rescheduled']).nullable(),
  message: z.string().nullable(),
}).meta({ id: 'Biometrics', description: 'A case’s biometrics appointment and whether it may be rescheduled online now.' });

export const ascListSchema = z.object({ centres: z.array(ascSchema.extend({ miles: z.number() })) }).meta({ id: 'AscList', description: 'Application Support Centers, nearest first.' });

export const slotWeekSchema = z.object({
  centre: ascSchema,
  week: z.number().int(),
  weekCount: z.number().int(),
  days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ id: z.number().int(), startsAt: z.string(), endsAt: z.string(), seatsLeft: z.number().int() })) })),
}).meta({ id: 'SlotWeek', description: 'A week of a centre’s open times, each day in its own time zone; a slot’s `id` is what a reschedule takes.' });

export const rescheduleRequestSchema = z.strictObject({
  slotId: z.number({ error: 'Send slotId as the number of an open time.' }).int('Send slotId as the number of an open time.').positive('Send slotId as the number of an open time.'),
  goodCause: z.enum(GOOD_CAUSES, { error: `Give goodCause as one of ${GOOD_CAUSES.join(', ')}.` }),
}).meta({ id: 'RescheduleRequest', description: 'The open time to move to, and the good cause.' });

const centre = (asc: { code: string; name: string; street: string; city: string; state: string; zip: string; timeZone: string }) => ({
  code: asc.code,
  name: asc.name,
  address: `${asc.street}, ${asc.city}, ${asc.state} ${asc.zip}`,
  timeZone: asc.timeZone,
});

export const biometricsOperation: Operation<{ receipt: string }> = {
  id: 'getBiometrics',
  async handle({ db, clock, caller, request }, { receipt }) {
    const theCase = await apiCase(db, caller, receipt);
    if (!theCase) return caseNotFound();
    const found = await biometricsAppointmentOf(db, theCase.id);
    const rule = rescheduleBlock(theCase, found?.appointment ?? null, clock.now());
    const messages = (prefersSpanish(request) ? esBiometrics : enBiometrics).rules;
    return jsonResponse({
      receiptNumber: theCase.receiptNumber,
      appointment: found
        ? { startsAt: found.appointment.startsAt.toISOString(), endsAt: found.appointment.endsAt.toISOString(), centre: centre(found.asc), rescheduleCount: found.appointment.rescheduleCount }
        : null,
      canReschedule: rule === null,
      blockedBy: rule,
      message: rule ? messages[rule] : null,
    });
  },
};

const ascQuerySchema = z.strictObject({ zip: z.string({ error: 'Give zip as a 5-digit ZIP code.' }) });

export const ascListOperation: Operation<object> = {
  id: 'listAscs',
  async handle({ db, request }) {
    const query = parseQuery(request, ascQuerySchema);
    if (!query.ok) return query.response;
    const near = await ascsNearZip(db, query.data.zip);
    if (!near.ok) {
      const message = near.error === 'invalid' ? 'Give zip as a 5-digit ZIP code.' : 'This ZIP code is not one we know: try a nearby one.';
      return validationProblem([{ parameter: 'zip', message }]);
    }
    return jsonResponse({ centres: near.ascs.slice(0, 10).map((asc) => ({ ...centre(asc), miles: asc.miles })) });
  },
};

const slotQuerySchema = z.strictObject({
  week: z
    .string()
    .regex(/^\d{1,2}$/, 'Give week as 0 (this week) to 13.')
    .transform(Number)
    .optional(),
});

export const ascSlotsOperation: Operation<{ code: string }> = {
  id: 'listAscSlots',
  async handle({ db, clock, request }, { code }) {
    const query = parseQuery(request, slotQuerySchema);
    if (!query.ok) return query.response;
    const [asc] = await db.select({ id: ascs.id }).from(ascs).where(eq(ascs.code, code.toUpperCase().slice(0, 16)));
    const week = asc ? await openSlotsWeek(db, clock.now(), asc.id, query.data.week ?? 0) : null;
    if (!week) return problemResponse({ status: 404, code: 'asc-not-found', title: 'Application Support Center not found', detail: 'No Application Support Center has this code: list them with GET /api/v1/ascs?zip=.' });
    return jsonResponse({
      centre: centre(week.asc),
      week: week.week,
      weekCount: week.weekCount,
      days: week.days.map((day) => ({ date: day.date, slots: day.slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), seatsLeft: slot.seatsLeft })) })),
    });
  },
};

export const rescheduleOperation: Operation<{ receipt: string }> = {
  id: 'rescheduleBiometrics',
  async handle(call, { receipt }) {
    const { db, clock, caller, request, body } = call;
    const parsed = parseJsonBody(request, body, rescheduleRequestSchema);
    if (!parsed.ok) return parsed.response;
    const theCase = await apiCase(db, caller, receipt);
    if (!theCase) return caseNotFound();
    const result = await rescheduleBiometrics(db, clock, {
      actor: caller.user,
      receiptNumber: theCase.receiptNumber,
      slotId: parsed.data.slotId,
      goodCause: parsed.data.goodCause,
      confirmBy: 'email',
      requestId: request.headers.get('x-request-id'),
    });
    if (result.ok) return biometricsOperation.handle(call, { receipt: theCase.receiptNumber });
    if (result.error === 'not_found') return caseNotFound();
    if (result.error === 'blocked') {
      const message = (prefersSpanish(request) ? esBiometrics : enBiometrics).rules[result.rule];
      return problemResponse({ status: 409, code: 'reschedule-not-allowed', title: 'This appointment cannot be rescheduled online', detail: message, extra: { rule: result.rule } });
    }
    if (result.error === 'taken') {
      return problemResponse({ status: 409, code: 'slot-taken', title: 'That time was just taken', detail: 'That time has no seat left now: choose another from the open times.', errors: [{ pointer: '/slotId', message: 'Choose another open time.' }] });
    }
    return validationProblem([{ pointer: '/slotId', message: 'That time cannot be booked: choose one of the open times within the next 90 days.' }]);
  },
};

/**
 * A few open appointment requests, so an officer who signs in to the demo has work to see: an
 * emergency advance parole from this morning, one request close to its due time, one claimed by the
 * demo officer, and one a representative made for a client. They go through the same service as the
 * pages, at the times they were made, so their references, due times, timelines and emails are real.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caseLinks, fieldOffices, users } from '@/db/schema';
import { addBusinessDays, requestDueAt } from '@/lib/appointment-requests/due-time';
import type { RequestAnswers } from '@/lib/appointment-requests/request-rules';
import { claimRequest } from '@/lib/appointment-requests/review';
import { submitAppointmentRequest } from '@/lib/appointment-requests/submit-request';
import { DAY, HOUR, type Clock } from '@/lib/clock';
import { isoDateInZone } from '@/lib/calendar/iso-date';

const at = (instant: Date): Clock => ({ now: () => new Date(instant) });

/** Of the instants 30 to 60 days back, the one whose request falls due soonest after `now`. */
function closeToDue(now: Date, timeZone: string): Date {
  const candidates = Array.from({ length: 31 }, (_, i) => new Date(now.getTime() - (30 + i) * DAY));
  const ahead = candidates.filter((submitted) => requestDueAt(submitted, false, timeZone) > now);
  return ahead.reduce((best, submitted) => (requestDueAt(submitted, false, timeZone) < requestDueAt(best, false, timeZone) ? submitted : best));
}

export async function addDemoAppointmentRequests(db: Db, now: Date): Promise<number> {
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.email, ['miguel.hernandez@example.com', 'mei.chen@example.com', 'thanh.nguyen@example.com', 'rita.representative@example.com', 'omar.officer@example.com']));
  const person = (email: string) => people.find((user) => user.email === email)!;
  const offices = await db.select().from(fieldOffices);
  const office = (code: string) => offices.find((o) => o.code === code)!;
  const [ritasClient] = await db
    .select({ caseId: caseLinks.caseId })
    .from(caseLinks)
    .where(and(eq(caseLinks.userId, person('rita.representative@example.com').id), eq(caseLinks.role, 'representative')))
    .orderBy(asc(caseLinks.id))
    .limit(1);

  const preferred = (code: string): RequestAnswers['preferredDates'] => {
    const today = isoDateInZone(now, office(code).timeZone);
    return [
      { date: addBusinessDays(today, 2), period: 'morning' },
      { date: addBusinessDays(today, 3), period: 'afternoon' },
    ];
  };
  const answers = (code: string, overrides: Partial<RequestAnswers>): RequestAnswers => ({
    reason: 'adit_stamp',
    otherReason: null,
    aNumber: null,
    fieldOfficeCode: code,
    preferredDates: preferred(code),
    explanation: null,
    travelDate: null,
    destination: null,
    contactPreference: 'email',
    contactPhone: null,
    accommodations: null,
    ...overrides,
  });

  const plans = [
    {
      who: 'miguel.hernandez@example.com',
      when: new Date(now.getTime() - 6 * HOUR),
      caseId: null,
      answers: answers('HOU', {
        reason: 'emergency_advance_parole',
        explanation: 'My father is in intensive care in Monterrey. My I-485 is pending and I must travel this week.',
        travelDate: addBusinessDays(isoDateInZone(now, 'America/Chicago'), 2),
        destination: 'Monterrey, Nuevo León, Mexico',
        contactPreference: 'phone',
        contactPhone: '+17135550121',
        aNumber: 'A208765432',
      }),
    },
    { who: 'mei.chen@example.com', when: closeToDue(now, office('SFR').timeZone), caseId: null, answers: answers('SFR', { aNumber: 'A201234567' }) },
    { who: 'thanh.nguyen@example.com', when: new Date(now.getTime() - 9 * DAY), caseId: null, answers: answers('SEA', { reason: 'immigration_judge_grant', accommodations: 'Vietnamese interpreter' }) },
    {
      who: 'rita.representative@example.com',
      when: new Date(now.getTime() - 3 * DAY),
      caseId: ritasClient?.caseId ?? null,
      answers: answers('PHO', { reason: 'other', otherReason: 'deferred_action', explanation: 'My client needs evidence of deferred action for a state ID.' }),
    },
  ];
  let made = 0;
  for (const plan of plans) {
    if (plan.who === 'rita.representative@example.com' && plan.caseId === null) continue;
    const result = await submitAppointmentRequest(db, at(plan.when), { requester: person(plan.who), answers: plan.answers, caseId: plan.caseId });
    if (!result.ok) throw new Error(`demo appointment request for ${plan.who}: ${result.error}`);
    made++;
    if (plan.who === 'thanh.nguyen@example.com') {
      await claimRequest(db, at(new Date(plan.when.getTime() + DAY)), { officer: person('omar.officer@example.com'), reference: result.request.reference });
    }
  }
  return made;
}

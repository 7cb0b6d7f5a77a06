import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { fixedClock } from '@/lib/clock';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestFieldOffice } from '@/lib/cases/testing/case-fixtures';
import { renderNotification } from '@/lib/notifications/templates';
import { pdfText } from '@/lib/pdf/testing/pdf-text';
import { appointmentCalendarFor, appointmentLetterFor, scheduledAppointmentForRequester } from './appointment-documents';
import { claimRequest, decideRequest } from './review';
import { submitAppointmentRequest } from './submit-request';
import { testRequestAnswers } from './testing/answers';

const db = () => getDb();
const options = { now: new Date('2026-12-01T16:00:00Z'), portalUrl: 'https://portal.example.gov' };

async function requestOf(clock: ReturnType<typeof fixedClock>, officeCode: string) {
  const applicant = await createTestUser(db(), clock);
  const result = await submitAppointmentRequest(db(), clock, { requester: applicant, caseId: null, answers: testRequestAnswers(officeCode) });
  if (!result.ok) throw new Error(result.error);
  return { applicant, reference: result.request.reference };
}

describe('a scheduled appointment’s letter and calendar file', () => {
  it('are the requester’s own: another person, a reference that does not exist and a request without an appointment all get nothing', async () => {
    const clock = fixedClock('2026-12-01T15:00:00Z');
    const preferred = await addTestFieldOffice(db(), 'Preferred QA');
    const chosen = await addTestFieldOffice(db(), 'Chosen QA');
    const scheduled = await requestOf(clock, preferred.code);
    const waiting = await requestOf(clock, preferred.code);
    const officer = await createTestUser(db(), clock, { role: 'officer' });
    await claimRequest(db(), clock, { officer, reference: scheduled.reference });
    const startsAt = new Date('2026-12-15T16:30:00Z'); // 9:30 in Phoenix
    await decideRequest(db(), clock, { officer, reference: scheduled.reference, decision: { kind: 'schedule', fieldOfficeId: chosen.id, startsAt } });

    // The office of the appointment is the one the officer chose, not the one asked for.
    const found = await scheduledAppointmentForRequester(db(), scheduled.applicant, scheduled.reference.toLowerCase());
    expect(found?.office.name).toBe('Chosen QA');
    expect(found?.appointment.startsAt).toEqual(startsAt);

    const letter = await appointmentLetterFor(db(), scheduled.applicant, scheduled.reference, 'es', options);
    expect(letter).toMatchObject({ filename: `appointment-${scheduled.reference}.pdf`, contentType: 'application/pdf' });
    const { doc, text } = await pdfText(letter!.body as Uint8Array);
    expect(doc.getTitle()).toBe(`Confirmación de cita, solicitud ${scheduled.reference}`);
    expect(text).toContain('Chosen QA');
    expect(text).toContain('9:30 a.m. MST');

    const calendar = await appointmentCalendarFor(db(), scheduled.applicant, scheduled.reference, 'en', options);
    expect(calendar).toMatchObject({ filename: `appointment-${scheduled.reference}.ics`, contentType: 'text/calendar; charset=utf-8' });
    expect(calendar!.body).toContain('DTSTART;TZID=America/Phoenix:20261215T093000');

    // The same event as the scheduling email's file: a calendar that gets both keeps one entry.
    const [email] = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.template, 'appointment-request-outcome'), eq(notifications.recipient, scheduled.applicant.email)));
    const sent = renderNotification(email, {}, options).attachments?.[0]?.content ?? '';
    const uid = (ics: string) => /^UID:(.+)$/m.exec(ics)?.[1];
    expect(uid(sent)).toBeDefined();
    expect(uid(calendar!.body as string)).toBe(uid(sent));

    const someoneElse = await createTestUser(db(), clock);
    for (const [who, reference] of [
      [someoneElse, scheduled.reference],
      [scheduled.applicant, 'AR-2222-2222'],
      [scheduled.applicant, 'not a reference'],
      [waiting.applicant, waiting.reference],
    ] as const) {
      expect(await appointmentLetterFor(db(), who, reference, 'en', options)).toBeNull();
      expect(await appointmentCalendarFor(db(), who, reference, 'en', options)).toBeNull();
    }
  });
});

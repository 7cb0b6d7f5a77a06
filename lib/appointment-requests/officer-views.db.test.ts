import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, addTestFieldOffice, addTestRepresentative, linkTestCase, renameUser } from '@/lib/cases/testing/case-fixtures';
import { fixedClock, MINUTE } from '@/lib/clock';
import { requestForOfficer } from './officer-views';
import { fieldOfficeChoices } from './request-options';
import { claimRequest, decideRequest } from './review';
import { submitAppointmentRequest } from './submit-request';
import { testRequestAnswers } from './testing/answers';

const db = () => getDb();

describe('an appointment request as an officer reads it', () => {
  it('shows the answers, the requester, the claimant and decider, the timeline with who did what, and the appointment', async () => {
    const clock = fixedClock('2026-12-03T17:00:00Z');
    const office = await addTestFieldOffice(db());
    const applicant = await renameUser(db(), await createTestUser(db(), clock), 'Ana', 'Alvarez');
    const answers = testRequestAnswers(office.code, { aNumber: 'A201234567', accommodations: 'Wheelchair access' });
    const submitted = await submitAppointmentRequest(db(), clock, { requester: applicant, caseId: null, answers });
    if (!submitted.ok) throw new Error(submitted.error);
    const { reference } = submitted.request;

    const olga = await renameUser(db(), await createTestUser(db(), clock, { role: 'officer' }), 'Olga', 'Officer');
    clock.advance(10 * MINUTE);
    await claimRequest(db(), clock, { officer: olga, reference });
    clock.advance(10 * MINUTE);
    await decideRequest(db(), clock, { officer: olga, reference, decision: { kind: 'schedule', fieldOfficeId: office.id, startsAt: new Date('2026-12-07T16:00:00Z') } });

    const view = await requestForOfficer(db(), reference);
    expect(view).toMatchObject({
      request: { reference, reason: 'adit_stamp', aNumber: 'A201234567', accommodations: 'Wheelchair access', status: 'appointment_scheduled' },
      office: { id: office.id, timeZone: 'America/Phoenix' },
      requester: { name: 'Ana Alvarez', email: applicant.email, role: 'applicant', preferredLanguage: 'en' },
      client: null,
      theCase: null,
      claimedBy: 'Olga Officer',
      decidedBy: 'Olga Officer',
      appointment: { startsAt: new Date('2026-12-07T16:00:00Z'), status: 'scheduled', office: { id: office.id } },
    });
    expect(view!.timeline.map((e) => [e.kind, e.by, e.byRole])).toEqual([
      ['submitted', 'Ana Alvarez', 'applicant'],
      ['claimed', 'Olga Officer', 'officer'],
      ['scheduled', 'Olga Officer', 'officer'],
    ]);
  });

  it('names the representative and, from the case, their client', async () => {
    const clock = fixedClock('2026-12-03T17:00:00Z');
    const office = await addTestFieldOffice(db());
    const rita = await addTestRepresentative(db(), clock);
    const theCase = await addTestCase(db(), clock, { applicantGivenName: 'Marisol', applicantFamilyName: 'Quintero', formType: 'I-485' });
    await linkTestCase(db(), clock, theCase, rita, 'representative');
    const submitted = await submitAppointmentRequest(db(), clock, {
      requester: rita,
      caseId: theCase.id,
      answers: testRequestAnswers(office.code, { reason: 'other', otherReason: 'deferred_action', explanation: 'Evidence for a state ID.' }),
    });
    if (!submitted.ok) throw new Error(submitted.error);

    const view = await requestForOfficer(db(), submitted.request.reference);
    expect(view).toMatchObject({
      requester: { name: 'Rita Ramos', role: 'representative' },
      client: 'Marisol Quintero',
      theCase: { receiptNumber: theCase.receiptNumber, formType: 'I-485', latestStatus: 'case_was_received' },
      request: { status: 'submitted', otherReason: 'deferred_action', explanation: 'Evidence for a state ID.' },
      claimedBy: null,
      decidedBy: null,
      appointment: null,
    });
  });

  it('is null for a reference nobody has', async () => {
    expect(await requestForOfficer(db(), 'AR-ZZZZ-ZZZZ')).toBeNull();
  });

  it('lists the field offices by name', async () => {
    await addTestFieldOffice(db(), 'Aardvark Field Office');
    const offices = await fieldOfficeChoices(db());
    const names = offices.map((o) => o.name);
    expect(names.indexOf('Aardvark Field Office')).toBeLessThan(names.indexOf('Phoenix Field Office'));
    expect(offices.find((o) => o.name === 'Aardvark Field Office')).toMatchObject({ timeZone: 'America/Phoenix' });
  });
});

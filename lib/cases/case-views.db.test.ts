import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, caseLinks, type Case, type User } from '@/db/schema';
import { normaliseAccessCode } from '@/lib/access-codes/access-code';
import { issueAccessCode } from '@/lib/access-codes/issue-access-code';
import { linkCaseWithAccessCode } from '@/lib/access-codes/link-case';
import { requestNewAccessCode } from '@/lib/access-codes/request-new-code';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { DAY, HOUR, MINUTE, fixedClock } from '@/lib/clock';
import { caseDetail, caseForViewer, groupByClient, linkedFormTypes, listLinkedCases, peopleWithAccess, type CaseListFilters } from './case-views';
import { endRepresentativeAccess } from './end-representative-access';
import { claimRequest } from '@/lib/appointment-requests/review';
import { submitAppointmentRequest } from '@/lib/appointment-requests/submit-request';
import { testRequestAnswers } from '@/lib/appointment-requests/testing/answers';
import {
  addTestAppointment,
  addTestAsc,
  addTestCase,
  addTestFieldOffice,
  addTestRepresentative,
  addTestStatusEvent,
  freshReceiptNumber,
  linkTestCase,
  renameUser,
} from './testing/case-fixtures';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const START = '2026-03-02T15:00:00Z';
const clock = fixedClock(START);
const db = () => getDb();
const at = (iso: string) => new Date(iso);

const applicant = async (given = 'Ana', family = 'Alvarez') => renameUser(db(), await createTestUser(db(), clock, { role: 'applicant' }), given, family);

const receipts = async (user: User, filters: CaseListFilters = {}) => (await listLinkedCases(db(), clock, user, filters)).map((c) => c.receiptNumber);

const addFieldOffice = (name?: string) => addTestFieldOffice(db(), name);

/** A representative's book of clients, each case linked to the representative. */
async function clientCases(rep: User, clients: { given: string; family: string; dob?: string; receiptNumber?: string; overrides?: Partial<Case> }[]) {
  const made: Case[] = [];
  for (const client of clients) {
    const theCase = await addTestCase(db(), clock, {
      applicantGivenName: client.given,
      applicantFamilyName: client.family,
      applicantDateOfBirth: client.dob ?? '1980-01-01',
      ...(client.receiptNumber ? { receiptNumber: client.receiptNumber } : {}),
      ...client.overrides,
    });
    await linkTestCase(db(), clock, theCase, rep, 'representative');
    made.push(theCase);
  }
  return made;
}

beforeEach(() => clock.set(START));

describe('the cases linked to a person', () => {
  it('are their own active links in their own role, newest receipt first', async () => {
    const ana = await applicant();
    const older = await addTestCase(db(), clock, { receiptDate: '2025-11-03' });
    const newer = await addTestCase(db(), clock, { receiptDate: '2026-01-15' });
    const ended = await addTestCase(db(), clock);
    const someoneElses = await addTestCase(db(), clock);
    for (const c of [older, newer, ended]) await linkTestCase(db(), clock, c, ana);
    await linkTestCase(db(), clock, someoneElses, await applicant('Beto', 'Bravo'));
    await db().update(caseLinks).set({ endedAt: clock.now() }).where(eq(caseLinks.caseId, ended.id));
    // A stray row in the other role does not make the case the applicant's.
    const strayRole = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, strayRole, ana, 'representative');

    expect(await receipts(ana)).toEqual([newer.receiptNumber, older.receiptNumber]);
  });

  it('for a representative are only the cases linked to them, not to other representatives', async () => {
    const rita = await addTestRepresentative(db(), clock);
    const omar = await addTestRepresentative(db(), clock, { givenName: 'Omar', familyName: 'Nassar' });
    const [ritas] = await clientCases(rita, [{ given: 'Marisol', family: 'Quintero' }]);
    const [omars] = await clientCases(omar, [{ given: 'Jorge', family: 'Luna' }]);
    const shared = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, shared, rita, 'representative');
    await linkTestCase(db(), clock, shared, omar, 'representative');
    const endedForRita = await addTestCase(db(), clock);
    const endedLink = await linkTestCase(db(), clock, endedForRita, rita, 'representative');
    await db().update(caseLinks).set({ endedAt: clock.now() }).where(eq(caseLinks.id, endedLink.id));
    // A stray applicant row for a representative account is not one of their client cases.
    const stray = await addTestCase(db(), clock);
    await linkTestCase(db(), clock, stray, rita, 'applicant');

    expect((await receipts(rita)).sort()).toEqual([ritas.receiptNumber, shared.receiptNumber].sort());
    expect((await receipts(omar)).sort()).toEqual([omars.receiptNumber, shared.receiptNumber].sort());
    expect(await receipts(await addTestRepresentative(db(), clock))).toEqual([]);
  });

  it('show the latest status, the earliest scheduled appointment still ahead, and what needs doing', async () => {
    const ana = await applicant();
    const asc = await addTestAsc(db(), { name: 'Tucson ASC', timeZone: 'America/Phoenix' });
    const office = await addFieldOffice('Tucson Field Office');
    const biometrics = await addTestCase(db(), clock, { receiptDate: '2026-02-10', latestStatus: 'biometrics_appointment_was_scheduled' });
    const evidence = await addTestCase(db(), clock, { receiptDate: '2026-02-09', latestStatus: 'request_for_evidence_was_sent', latestStatusAt: at('2026-02-27T12:00:00Z') });
    const interview = await addTestCase(db(), clock, { receiptDate: '2026-02-08', latestStatus: 'interview_was_scheduled' });
    const approved = await addTestCase(db(), clock, { receiptDate: '2026-02-07', state: 'approved', latestStatus: 'case_was_approved' });
    const unknown = await addTestCase(db(), clock, { receiptDate: '2026-02-06', latestStatus: 'not_a_status_we_know', latestStatusAt: null });
    for (const c of [biometrics, evidence, interview, approved, unknown]) await linkTestCase(db(), clock, c, ana);

    // Only the earliest appointment that is scheduled and still ahead counts.
    await addTestAppointment(db(), clock, { caseId: biometrics.id, ascId: asc.id, startsAt: at('2026-03-20T16:00:00Z') });
    await addTestAppointment(db(), clock, { caseId: biometrics.id, ascId: asc.id, startsAt: at('2026-03-09T17:30:00Z') });
    await addTestAppointment(db(), clock, { caseId: biometrics.id, ascId: asc.id, startsAt: at('2026-03-03T15:00:00Z'), status: 'cancelled' });
    await addTestAppointment(db(), clock, { caseId: biometrics.id, ascId: asc.id, startsAt: at('2026-03-01T15:00:00Z') });
    await addTestAppointment(db(), clock, { caseId: biometrics.id, ascId: asc.id, startsAt: clock.now() }); // starting now: not ahead
    // A past biometrics appointment for the approved case asks nothing of anyone.
    await addTestAppointment(db(), clock, { caseId: approved.id, ascId: asc.id, startsAt: at('2026-02-20T15:00:00Z'), status: 'attended' });
    // The interview is at a field office.
    await addTestAppointment(db(), clock, { caseId: interview.id, kind: 'field_office', fieldOfficeId: office.id, startsAt: at('2026-04-01T16:00:00Z') });

    const list = await listLinkedCases(db(), clock, ana);
    expect(list.map((c) => c.receiptNumber)).toEqual([biometrics, evidence, interview, approved, unknown].map((c) => c.receiptNumber));
    const [b, e, i, a, u] = list;
    expect(b).toMatchObject({
      latestStatus: 'biometrics_appointment_was_scheduled',
      nextAppointment: { kind: 'biometrics', startsAt: at('2026-03-09T17:30:00Z'), placeName: 'Tucson ASC', timeZone: 'America/Phoenix' },
      actions: ['attend_biometrics'],
    });
    expect(e).toMatchObject({ latestStatus: 'request_for_evidence_was_sent', latestStatusAt: at('2026-02-27T12:00:00Z'), nextAppointment: null, actions: ['respond_to_evidence_request'] });
    expect(i).toMatchObject({ nextAppointment: { kind: 'field_office', placeName: 'Tucson Field Office' }, actions: ['attend_interview'] });
    expect(a).toMatchObject({ state: 'approved', latestStatus: 'case_was_approved', nextAppointment: null, actions: [] });
    expect(u).toMatchObject({ latestStatus: null, latestStatusAt: null, actions: [] });

    // Once the appointment has passed, the next one takes its place.
    clock.set('2026-03-09T17:30:00.001Z');
    const [later] = await listLinkedCases(db(), clock, ana);
    expect(later.nextAppointment?.startsAt).toEqual(at('2026-03-20T16:00:00Z'));
    clock.set('2026-03-21T00:00:00Z');
    const [none] = await listLinkedCases(db(), clock, ana);
    expect(none.nextAppointment).toBeNull();
    // The status still says "scheduled", but the appointment is behind: nothing left to attend.
    expect(none.actions).toEqual([]);
  });
});

describe('searching and filtering the case list', () => {
  let rita: User;
  let cases: Record<string, Case>;

  beforeEach(async () => {
    rita = await addTestRepresentative(db(), clock);
    const made = await clientCases(rita, [
      { given: 'Marisol', family: 'Quintero', receiptNumber: freshReceiptNumber('IOE'), overrides: { formType: 'I-485' } },
      { given: 'José', family: 'Núñez', overrides: { formType: 'I-765', latestStatus: 'request_for_evidence_was_sent' } },
      { given: 'Óscar', family: 'Ábrego', overrides: { formType: 'I-130', state: 'approved', latestStatus: 'case_was_approved' } },
      { given: 'Jose', family: 'Nunez', overrides: { formType: 'N-400', state: 'denied', latestStatus: 'case_was_denied' } },
      { given: 'Mari', family: 'Olsen', overrides: { formType: 'I-131', state: 'withdrawn', latestStatus: 'withdrawal_acknowledgement_notice_was_sent' } },
    ]);
    cases = { marisol: made[0], jose: made[1], oscar: made[2], plainJose: made[3], mari: made[4] };
  });

  const names = async (filters: CaseListFilters) =>
    (await listLinkedCases(db(), clock, rita, filters)).map((c) => `${c.applicantGivenName} ${c.applicantFamilyName}`).sort();

  it('finds clients by part of their name, whatever the case of the letters', async () => {
    expect(await names({ query: 'quint' })).toEqual(['Marisol Quintero']);
    expect(await names({ query: 'QUINTERO' })).toEqual(['Marisol Quintero']);
    expect(await names({ query: 'mari' })).toEqual(['Mari Olsen', 'Marisol Quintero']);
    expect(await names({ query: 'marisol quin' })).toEqual(['Marisol Quintero']);
    expect(await names({ query: '  Mari Ol  ' })).toEqual(['Mari Olsen']);
    expect(await names({ query: 'zzz' })).toEqual([]);
  });

  it('matches accents as they are typed, in upper or lower case', async () => {
    expect(await names({ query: 'núñez' })).toEqual(['José Núñez']);
    expect(await names({ query: 'NÚÑEZ' })).toEqual(['José Núñez']);
    expect(await names({ query: 'nunez' })).toEqual(['Jose Nunez']);
    expect(await names({ query: 'josé' })).toEqual(['José Núñez']);
    expect(await names({ query: 'Óscar' })).toEqual(['Óscar Ábrego']);
    expect(await names({ query: 'óscar ábrego' })).toEqual(['Óscar Ábrego']);
    expect(await names({ query: 'ÁBREGO' })).toEqual(['Óscar Ábrego']);
    expect(await names({ query: 'oscar' })).toEqual([]);
    // The same accents typed as a letter plus a combining mark (as some keyboards send them).
    expect(await names({ query: 'núñez'.normalize('NFD') })).toEqual(['José Núñez']);
  });

  it('finds a case by part of its receipt number typed with dashes, spaces or in lower case', async () => {
    const receipt = cases.marisol.receiptNumber; // IOE + 10 digits
    const dashed = `${receipt.slice(0, 3)}-${receipt.slice(3, 6)}-${receipt.slice(6, 9)}-${receipt.slice(9)}`.toLowerCase();
    expect(await receipts(rita, { query: dashed })).toEqual([receipt]);
    expect(await receipts(rita, { query: receipt.slice(0, 7).toLowerCase() })).toEqual([receipt]);
    expect(await receipts(rita, { query: `${receipt.slice(4, 7)} ${receipt.slice(7, 11)}` })).toEqual([receipt]);
    expect(await receipts(rita, { query: receipt.slice(-6) })).toEqual([receipt]);
  });

  it('takes % and _ literally rather than as wildcards', async () => {
    for (const query of ['%', '_', '%%', 'mari_ol', 'm%l', '\\', '\\%', "o'brien", 'IOE%', '_OE']) {
      expect(await names({ query }), query).toEqual([]);
    }
    // A lone dash is not "any receipt number".
    expect(await names({ query: ' - ' })).toEqual([]);
  });

  it('filters by form type and by each state, and by what needs action', async () => {
    expect(await names({ formType: 'I-765' })).toEqual(['José Núñez']);
    expect(await names({ formType: 'I-90' })).toEqual([]);
    expect(await names({ status: 'pending' })).toEqual(['José Núñez', 'Marisol Quintero']);
    expect(await names({ status: 'approved' })).toEqual(['Óscar Ábrego']);
    expect(await names({ status: 'denied' })).toEqual(['Jose Nunez']);
    expect(await names({ status: 'withdrawn' })).toEqual(['Mari Olsen']);
    expect(await names({ status: 'action_required' })).toEqual(['José Núñez']);
    expect(await names({ status: 'action_required', query: 'quintero' })).toEqual([]);
    expect(await names({ status: 'pending', formType: 'I-485', query: 'mari' })).toEqual(['Marisol Quintero']);
  });

  it('offers the form types of the person’s own active cases for the filter', async () => {
    expect(await linkedFormTypes(db(), rita)).toEqual(['I-130', 'I-131', 'I-485', 'I-765', 'N-400']);
    await db().update(caseLinks).set({ endedAt: clock.now() }).where(eq(caseLinks.caseId, cases.mari.id));
    expect(await linkedFormTypes(db(), rita)).toEqual(['I-130', 'I-485', 'I-765', 'N-400']);
    expect(await linkedFormTypes(db(), await addTestRepresentative(db(), clock))).toEqual([]);
  });
});

describe('grouping a representative’s cases by client', () => {
  it('sorts clients by family name then given name, and keeps namesakes with different dates of birth apart', async () => {
    const rita = await addTestRepresentative(db(), clock);
    await clientCases(rita, [
      { given: 'Lucía', family: 'Zamora' },
      { given: 'Ana', family: 'Álvarez', dob: '1991-05-05', overrides: { formType: 'I-765', latestStatus: 'request_for_evidence_was_sent' } },
      { given: 'Ana', family: 'Álvarez', dob: '1991-05-05', overrides: { formType: 'I-485' } },
      { given: 'Ana', family: 'Álvarez', dob: '1962-11-20' },
      { given: 'Bruno', family: 'alvarez' },
      { given: 'Carla', family: 'Benítez', overrides: { latestStatus: 'interview_was_scheduled' } },
    ]);
    const groups = groupByClient(await listLinkedCases(db(), clock, rita), 'es');

    expect(groups.map((g) => `${g.familyName}, ${g.givenName}`)).toEqual([
      'Álvarez, Ana',
      'Álvarez, Ana',
      'alvarez, Bruno',
      'Benítez, Carla',
      'Zamora, Lucía',
    ]);
    const anas = groups.slice(0, 2);
    expect(new Set(anas.map((g) => g.key)).size).toBe(2);
    const twoCases = anas.find((g) => g.cases.length === 2)!;
    expect(twoCases.cases.every((c) => c.applicantDateOfBirth === '1991-05-05')).toBe(true);
    expect(twoCases.actionCount).toBe(1);
    expect(anas.find((g) => g.cases.length === 1)!.cases[0].applicantDateOfBirth).toBe('1962-11-20');
    expect(groups.find((g) => g.familyName === 'Benítez')!.actionCount).toBe(1);
    // The same order in English.
    expect(groupByClient(await listLinkedCases(db(), clock, rita), 'en').map((g) => g.key)).toEqual(groups.map((g) => g.key));
    expect(groupByClient([], 'en')).toEqual([]);
  });
});

describe('a case for the person looking at it', () => {
  it('is found through an active link in the person’s own role only', async () => {
    const theCase = await addTestCase(db(), clock);
    const ana = await applicant();
    const rita = await addTestRepresentative(db(), clock);
    await linkTestCase(db(), clock, theCase, ana);
    const ritaLink = await linkTestCase(db(), clock, theCase, rita, 'representative');

    expect(await caseForViewer(db(), ana, theCase.receiptNumber)).toEqual(theCase);
    expect(await caseForViewer(db(), rita, theCase.receiptNumber)).toEqual(theCase);
    expect(await caseForViewer(db(), await applicant(), theCase.receiptNumber)).toBeNull();
    expect(await caseForViewer(db(), await addTestRepresentative(db(), clock), theCase.receiptNumber)).toBeNull();
    expect(await caseForViewer(db(), ana, freshReceiptNumber())).toBeNull();
    expect(await caseForViewer(db(), ana, theCase.receiptNumber.toLowerCase())).toBeNull();

    await db().update(caseLinks).set({ endedAt: clock.now() }).where(eq(caseLinks.id, ritaLink.id));
    expect(await caseForViewer(db(), rita, theCase.receiptNumber)).toBeNull();
  });

  it('is never found for officers or supervisors, even with a stray link row', async () => {
    const theCase = await addTestCase(db(), clock);
    for (const role of ['officer', 'supervisor'] as const) {
      const staff = await createTestUser(db(), clock, { role });
      expect(await caseForViewer(db(), staff, theCase.receiptNumber)).toBeNull();
      await linkTestCase(db(), clock, theCase, staff, 'applicant');
      await linkTestCase(db(), clock, theCase, staff, 'representative');
      expect(await caseForViewer(db(), staff, theCase.receiptNumber), role).toBeNull();
    }
  });
});

describe('the case page', () => {
  it('lists the status history newest first, with the office and the appointments ahead', async () => {
    const office = await addFieldOffice('Phoenix Field Office');
    const asc = await addTestAsc(db(), { name: 'Phoenix ASC', street: '1330 S 16th St', city: 'Phoenix', state: 'AZ', zip: '85034' });
    const theCase = await addTestCase(db(), clock, { fieldOfficeId: office.id });
    const received = await addTestStatusEvent(db(), clock, theCase, 'case_was_received', at('2026-02-20T12:00:00Z'));
    const reviewed = await addTestStatusEvent(db(), clock, theCase, 'case_is_being_actively_reviewed', at('2026-02-28T12:00:00Z'));
    const scheduled = await addTestStatusEvent(db(), clock, theCase, 'biometrics_appointment_was_scheduled', at('2026-02-25T12:00:00Z'));
    const sameMoment = await addTestStatusEvent(db(), clock, theCase, 'fingerprint_fee_was_received', at('2026-02-20T12:00:00Z'));
    await addTestStatusEvent(db(), clock, theCase, 'a_status_the_catalogue_lacks', at('2026-03-01T12:00:00Z'));
    await addTestStatusEvent(db(), clock, await addTestCase(db(), clock), 'case_was_approved', at('2026-03-01T12:00:00Z'));
    const ahead = await addTestAppointment(db(), clock, { caseId: theCase.id, ascId: asc.id, startsAt: at('2026-03-10T16:00:00Z') });
    await addTestAppointment(db(), clock, { caseId: theCase.id, ascId: asc.id, startsAt: at('2026-02-26T16:00:00Z') });
    await addTestAppointment(db(), clock, { caseId: theCase.id, ascId: asc.id, startsAt: at('2026-03-11T16:00:00Z'), status: 'cancelled' });

    const detail = await caseDetail(db(), clock, theCase);
    expect(detail.officeName).toBe('Phoenix Field Office');
    expect(detail.events).toEqual([
      { id: reviewed.id, status: 'case_is_being_actively_reviewed', occurredAt: at('2026-02-28T12:00:00Z') },
      { id: scheduled.id, status: 'biometrics_appointment_was_scheduled', occurredAt: at('2026-02-25T12:00:00Z') },
      { id: sameMoment.id, status: 'fingerprint_fee_was_received', occurredAt: at('2026-02-20T12:00:00Z') },
      { id: received.id, status: 'case_was_received', occurredAt: at('2026-02-20T12:00:00Z') },
    ]);
    expect(detail.appointments).toEqual([
      {
        id: ahead.id,
        kind: 'biometrics',
        rescheduleCount: 0,
        startsAt: at('2026-03-10T16:00:00Z'),
        endsAt: at('2026-03-10T17:00:00Z'),
        placeName: 'Phoenix ASC',
        address: '1330 S 16th St, Phoenix, AZ 85034',
        timeZone: 'America/Phoenix',
      },
    ]);
    expect((await caseDetail(db(), clock, await addTestCase(db(), clock))).officeName).toBeNull();
  });

  it('lists the people with access: the applicant first, then representatives with their organisation', async () => {
    const theCase = await addTestCase(db(), clock);
    const rita = await addTestRepresentative(db(), clock, { givenName: 'Rita', familyName: 'Ramos', organisation: 'Desert Legal Aid' });
    const ritaLink = await linkTestCase(db(), clock, theCase, rita, 'representative');
    clock.advance(HOUR);
    const ana = await applicant('Ana', 'Alvarez');
    const anaLink = await linkTestCase(db(), clock, theCase, ana);
    clock.advance(HOUR);
    const unnamed = await renameUser(db(), await addTestRepresentative(db(), clock, { organisation: 'Nassar Law' }), '', '');
    const unnamedLink = await linkTestCase(db(), clock, theCase, unnamed, 'representative');
    const gone = await addTestRepresentative(db(), clock, { givenName: 'Gus', familyName: 'Gone' });
    const goneLink = await linkTestCase(db(), clock, theCase, gone, 'representative');
    await db().update(caseLinks).set({ endedAt: clock.now() }).where(eq(caseLinks.id, goneLink.id));

    const expected = [
      { linkId: anaLink.id, userId: ana.id, role: 'applicant', name: 'Ana Alvarez', organisation: null, linkedAt: at('2026-03-02T16:00:00Z') },
      { linkId: ritaLink.id, userId: rita.id, role: 'representative', name: 'Rita Ramos', organisation: 'Desert Legal Aid', linkedAt: at(START) },
      { linkId: unnamedLink.id, userId: unnamed.id, role: 'representative', name: unnamed.email, organisation: 'Nassar Law', linkedAt: at('2026-03-02T17:00:00Z') },
    ];
    expect(await peopleWithAccess(db(), theCase.id)).toEqual(expected);
    expect((await caseDetail(db(), clock, theCase)).people).toEqual(expected);
  });

  it('shows the activity of people on the case, newest first, with who acted and for whom, and no failures', async () => {
    const theCase = await addTestCase(db(), clock);
    const elsewhere = await addTestCase(db(), clock);
    const ana = await applicant('Ana', 'Alvarez');
    const rita = await addTestRepresentative(db(), clock, { givenName: 'Rita', familyName: 'Ramos' });
    const stranger = await applicant('Sara', 'Stone');
    const code = (await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null })).code;
    const repCode = (await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'representative', actor: null })).code;
    const link = (user: User, accessCode: string, receiptNumber = theCase.receiptNumber) =>
      linkCaseWithAccessCode(db(), clock, { user, receiptNumber, accessCode: normaliseAccessCode(accessCode)! });
    const wrong = (accessCode: string) => (accessCode[0] === '2' ? '3' : '2') + accessCode.slice(1);

    clock.advance(MINUTE);
    expect((await link(stranger, wrong(code))).ok).toBe(false); // a failed guess
    clock.advance(MINUTE);
    expect((await link(ana, code)).ok).toBe(true);
    clock.advance(MINUTE);
    expect((await link(rita, repCode)).ok).toBe(true);
    clock.advance(MINUTE);
    await requestNewAccessCode(db(), clock, { user: stranger, receiptNumber: theCase.receiptNumber, dateOfBirth: '1999-09-09' }); // no match
    clock.advance(MINUTE);
    const [ritaLink] = await db().select().from(caseLinks).where(eq(caseLinks.userId, rita.id));
    expect((await endRepresentativeAccess(db(), clock, { applicant: ana, theCase, linkId: ritaLink.id })).ok).toBe(true);
    clock.advance(MINUTE);
    expect(await endRepresentativeAccess(db(), clock, { applicant: ana, theCase, linkId: ritaLink.id })).toMatchObject({ ok: false }); // nothing recorded
    await linkCaseWithAccessCode(db(), clock, { user: ana, receiptNumber: elsewhere.receiptNumber, accessCode: normaliseAccessCode(code)! });
    await db().insert(auditLog).values({ at: clock.now(), actorId: ana.id, actorRole: 'applicant', action: 'session.start', objectType: 'case', objectId: theCase.receiptNumber, outcome: 'success' });

    const { activity } = await caseDetail(db(), clock, theCase);
    const view = activity.map(({ action, actorName, actorRole, onBehalfOfName, subjectName }) => ({ action, actorName, actorRole, onBehalfOfName, subjectName }));
    expect(view).toEqual([
      { action: 'case.access_end', actorName: 'Ana Alvarez', actorRole: 'applicant', onBehalfOfName: null, subjectName: 'Rita Ramos' },
      { action: 'case.link', actorName: 'Rita Ramos', actorRole: 'representative', onBehalfOfName: 'Ana Alvarez', subjectName: null },
      { action: 'case.link', actorName: 'Ana Alvarez', actorRole: 'applicant', onBehalfOfName: null, subjectName: null },
      // The codes the agency issued on receipt: no person acted.
      { action: 'access_code.issue', actorName: null, actorRole: null, onBehalfOfName: null, subjectName: null },
      { action: 'access_code.issue', actorName: null, actorRole: null, onBehalfOfName: null, subjectName: null },
    ]);
    expect(activity[0].at).toEqual(at('2026-03-02T15:05:00Z'));
    expect(activity.every((entry) => !JSON.stringify(entry).includes(normaliseAccessCode(code)!))).toBe(true);
    // The failures are in the audit log for staff, just not in the case's activity.
    const failures = (await db().select().from(auditLog).where(eq(auditLog.objectId, theCase.receiptNumber))).filter((e) => e.outcome !== 'success');
    expect(failures.map((f) => f.action).sort()).toEqual(['access_code.request', 'case.link']);
  });

  it('lists a successful request for a new code with the name of whoever asked', async () => {
    const theCase = await addTestCase(db(), clock);
    const ana = await applicant('Ana', 'Alvarez');
    expect(await requestNewAccessCode(db(), clock, { user: ana, receiptNumber: theCase.receiptNumber, dateOfBirth: theCase.applicantDateOfBirth })).toEqual({ ok: true });
    clock.advance(DAY);
    const { activity } = await caseDetail(db(), clock, theCase);
    expect(activity.map((e) => [e.action, e.actorName])).toEqual([
      ['access_code.request', 'Ana Alvarez'],
      ['access_code.issue', 'Ana Alvarez'],
    ]);
  });

  it("lists the steps of appointment requests made for the case, an officer's as the agency's", async () => {
    const theCase = await addTestCase(db(), clock);
    const ana = await applicant('Ana', 'Alvarez');
    await linkTestCase(db(), clock, theCase, ana, 'applicant');
    const office = await addTestFieldOffice(db());
    const submitted = await submitAppointmentRequest(db(), clock, { requester: ana, caseId: theCase.id, answers: testRequestAnswers(office.code) });
    if (!submitted.ok) throw new Error(submitted.error);
    clock.advance(HOUR);
    const officer = await renameUser(db(), await createTestUser(db(), clock, { role: 'officer' }), 'Olga', 'Officer');
    await claimRequest(db(), clock, { officer, reference: submitted.request.reference });
    const { activity } = await caseDetail(db(), clock, theCase);
    const steps = activity.filter((entry) => entry.action.startsWith('appointment_request.'));
    expect(steps.map((e) => [e.action, e.actorName, e.detail?.reference])).toEqual([
      ['appointment_request.claimed', null, submitted.request.reference],
      ['appointment_request.submitted', 'Ana Alvarez', submitted.request.reference],
    ]);
  });
});

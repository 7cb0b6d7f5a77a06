import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessCodes, auditLog, caseLinks, cases, caseStatusEvents, fieldOffices, notifications, users } from '@/db/schema';
import { FIELD_OFFICES, placeRow } from '@/db/seed/places';
import { DAY, fixedClock } from '@/lib/clock';
import { importCases } from './import-cases';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const clock = fixedClock('2026-03-02T15:00:00Z');
const officeId = new Map<string, number>();

interface LineOverrides {
  receiptNumber?: string;
  [field: string]: unknown;
}

/** A line as the case system writes it; each test uses its own receipt numbers. */
function caseLine(overrides: LineOverrides = {}): string {
  return JSON.stringify({
    receiptNumber: 'MSC2614300001',
    formType: 'I-485',
    classification: 'Family-based',
    receiptDate: '2026-02-20',
    officeCode: 'PHO',
    biometricsRequired: true,
    interviewRequired: false,
    applicant: {
      givenName: 'Marisol',
      familyName: 'Quintero',
      dateOfBirth: '1990-07-14',
      aNumber: 'A201234567',
      mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' },
    },
    events: [
      { status: 'case_was_received', date: '2026-02-20' },
      { status: 'Fingerprint Fee Was Received', date: '2026-02-21' },
    ],
    ...overrides,
  });
}

const run = (lines: string[], options?: { issueAccessCodes?: boolean }) => importCases(getDb(), clock, lines, options);

async function caseRow(receiptNumber: string) {
  const [row] = await getDb().select().from(cases).where(eq(cases.receiptNumber, receiptNumber));
  return row;
}

async function eventsOf(caseId: number) {
  return getDb().select().from(caseStatusEvents).where(eq(caseStatusEvents.caseId, caseId)).orderBy(asc(caseStatusEvents.occurredAt));
}

async function auditsOf(receiptNumber: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.objectId, receiptNumber)).orderBy(asc(auditLog.id));
}

async function statusNotices(receiptNumber: string) {
  const rows = await getDb()
    .select()
    .from(notifications)
    .where(eq(notifications.template, 'case-status-changed'))
    .orderBy(asc(notifications.id));
  return rows.filter((row) => (row.payload as { receiptNumber?: string }).receiptNumber === receiptNumber);
}

async function addUser(values: Partial<typeof users.$inferInsert> & { email: string }) {
  const [user] = await getDb()
    .insert(users)
    .values({ role: 'applicant', createdAt: clock.now(), updatedAt: clock.now(), ...values })
    .returning();
  return user;
}

async function link(caseId: number, userId: number, role: 'applicant' | 'representative', endedAt: Date | null = null) {
  await getDb().insert(caseLinks).values({ caseId, userId, role, linkedAt: clock.now(), endedAt });
}

beforeAll(async () => {
  const offices = FIELD_OFFICES.filter((o) => ['PHO', 'MIA', 'NYC'].includes(o.code)).map(placeRow);
  const rows = await getDb().insert(fieldOffices).values(offices).returning({ id: fieldOffices.id, code: fieldOffices.code });
  for (const row of rows) officeId.set(row.code, row.id);
});

beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

describe('importing cases from the case system', () => {
  it('creates an unknown case with its history, latest status and audit trail', async () => {
    const summary = await run([caseLine({ receiptNumber: 'MSC2614300001' })]);
    expect(summary).toEqual({
      lines: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      eventsAdded: 2,
      notificationsQueued: 0,
      accessCodesIssued: 1,
      invalid: [],
    });

    const row = await caseRow('MSC2614300001');
    expect(row).toMatchObject({
      formType: 'I-485',
      classification: 'Family-based',
      receiptDate: '2026-02-20',
      fieldOfficeId: officeId.get('PHO'),
      biometricsRequired: true,
      interviewRequired: false,
      state: 'pending',
      applicantGivenName: 'Marisol',
      applicantFamilyName: 'Quintero',
      applicantDateOfBirth: '1990-07-14',
      aNumber: 'A201234567',
      applicantEmail: null,
      mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' },
      channelOfRecord: 'mail',
      representativeOfRecord: false,
      latestStatus: 'fingerprint_fee_was_received',
    });
    expect(row.latestStatusAt?.toISOString()).toBe('2026-02-21T14:00:00.000Z');

    const events = await eventsOf(row.id);
    expect(events.map((e) => [e.eventKey, e.status, e.occurredAt.toISOString()])).toEqual([
      ['case_was_received:2026-02-20', 'case_was_received', '2026-02-20T14:00:00.000Z'],
      ['fingerprint_fee_was_received:2026-02-21', 'fingerprint_fee_was_received', '2026-02-21T14:00:00.000Z'],
    ]);

    const audits = await auditsOf('MSC2614300001');
    expect(audits.map((a) => [a.action, a.actorRole, a.objectType])).toEqual([
      ['case.import_create', 'system', 'case'],
      ['case.status_event', 'system', 'case'],
      ['case.status_event', 'system', 'case'],
      ['access_code.issue', null, 'case'],
    ]);
    expect(audits[1].detail).toMatchObject({ status: 'case_was_received' });
    expect(audits[2].detail).toMatchObject({ status: 'fingerprint_fee_was_received' });
  });

  it('issues the applicant’s code for a new case, and the representative’s when a G-28 is on file', async () => {
    const summary = await run([
      caseLine({ receiptNumber: 'MSC2614300002' }),
      caseLine({ receiptNumber: 'MSC2614300003', representativeOfRecord: true }),
    ]);
    expect(summary.accessCodesIssued).toBe(3);

    const codesOf = async (receiptNumber: string) =>
      (await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, (await caseRow(receiptNumber)).id)))
        .map((c) => c.audience)
        .sort();
    expect(await codesOf('MSC2614300002')).toEqual(['applicant']);
    expect(await codesOf('MSC2614300003')).toEqual(['applicant', 'representative']);

    const notices = await getDb().select().from(notifications).where(eq(notifications.template, 'account-access-notice'));
    const forThese = notices.filter((n) => ['MSC2614300002', 'MSC2614300003'].includes((n.payload as { receiptNumber: string }).receiptNumber));
    expect(forThese).toHaveLength(3);
    expect(forThese.every((n) => n.channel === 'letter')).toBe(true);
  });

  it('issues no codes with the option off', async () => {
    const summary = await run([caseLine({ receiptNumber: 'MSC2614300004', representativeOfRecord: true })], { issueAccessCodes: false });
    expect(summary).toMatchObject({ created: 1, accessCodesIssued: 0 });
    const codes = await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, (await caseRow('MSC2614300004')).id));
    expect(codes).toHaveLength(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = [
      caseLine({ receiptNumber: 'MSC2614300005', representativeOfRecord: true }),
      caseLine({
        receiptNumber: 'IOE0926100005',
        formType: 'I-134A',
        classification: null,
        officeCode: 'MIA',
        channelOfRecord: 'email',
        applicant: {
          givenName: 'Yusniel',
          familyName: 'Pérez Ramos',
          dateOfBirth: '1994-11-03',
          email: 'yusniel.perez@example.com',
          mailingAddress: { street: '4620 NW 7th St', city: 'Miami', state: 'FL', zip: '33126' },
        },
        events: [{ key: 'cs-881203', status: 'Case Was Received', occurredAt: '2026-02-27T18:05:00Z' }],
      }),
    ];
    const first = await run(file);
    expect(first).toMatchObject({ created: 2, eventsAdded: 3, accessCodesIssued: 3 });
    const caseA = await caseRow('MSC2614300005');
    await link(caseA.id, (await addUser({ email: 'rerun-follower@example.com' })).id, 'applicant');

    const before = {
      notifications: (await getDb().select().from(notifications)).length,
      audits: (await getDb().select().from(auditLog)).length,
      codes: (await getDb().select().from(accessCodes)).length,
      events: (await getDb().select().from(caseStatusEvents)).length,
    };
    clock.advance(DAY);
    const second = await run(file);
    expect(second).toEqual({
      lines: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      eventsAdded: 0,
      notificationsQueued: 0,
      accessCodesIssued: 0,
      invalid: [],
    });
    expect({
      notifications: (await getDb().select().from(notifications)).length,
      audits: (await getDb().select().from(auditLog)).length,
      codes: (await getDb().select().from(accessCodes)).length,
      events: (await getDb().select().from(caseStatusEvents)).length,
    }).toEqual(before);
    expect((await caseRow('MSC2614300005')).updatedAt.toISOString()).toBe(caseA.updatedAt.toISOString());
  });

  it('updates a known case’s office, classification, flags, contact details and channel, but not who or what it is', async () => {
    await run([caseLine({ receiptNumber: 'MSC2614300006' })]);
    const created = await caseRow('MSC2614300006');
    const codesBefore = (await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, created.id))).length;

    clock.advance(DAY);
    const summary = await run([
      caseLine({
        receiptNumber: 'msc-261-430-0006',
        officeCode: 'NYC',
        classification: 'Employment-based',
        biometricsRequired: false,
        interviewRequired: true,
        channelOfRecord: 'email',
        representativeOfRecord: true,
        applicant: {
          givenName: 'Marisela',
          familyName: 'Quintero',
          dateOfBirth: '1990-07-14',
          email: 'Marisol.Quintero@Example.com',
          mailingAddress: { street: '37-18 82nd St Apt 4F', city: 'Jackson Heights', state: 'NY', zip: '11372' },
        },
      }),
    ]);
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 0, eventsAdded: 0, accessCodesIssued: 0 });

    const updated = await caseRow('MSC2614300006');
    expect(updated).toMatchObject({
      id: created.id,
      fieldOfficeId: officeId.get('NYC'),
      classification: 'Employment-based',
      biometricsRequired: false,
      interviewRequired: true,
      channelOfRecord: 'email',
      representativeOfRecord: true,
      applicantEmail: 'marisol.quintero@example.com',
      mailingAddress: { street: '37-18 82nd St Apt 4F', city: 'Jackson Heights', state: 'NY', zip: '11372' },
      // Identity stays as receipted.
      applicantGivenName: 'Marisol',
      aNumber: 'A201234567',
      latestStatus: 'fingerprint_fee_was_received',
    });
    expect(updated.updatedAt.toISOString()).toBe('2026-03-03T15:00:00.000Z');
    expect(updated.createdAt.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect((await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, created.id))).length).toBe(codesBefore);

    const [audit] = (await auditsOf('MSC2614300006')).filter((a) => a.action === 'case.import_update');
    expect(audit.actorRole).toBe('system');
    expect(audit.detail).toEqual({
      fields: [
        'fieldOfficeId',
        'classification',
        'biometricsRequired',
        'interviewRequired',
        'applicantEmail',
        'mailingAddress',
        'channelOfRecord',
        'representativeOfRecord',
      ],
    });
    // Field names only: the address itself stays out of the audit log.
    expect(JSON.stringify(audit)).not.toContain('Jackson Heights');
  });

  it('refuses a line whose form type or receipt date contradicts the case on file', async () => {
    await run([caseLine({ receiptNumber: 'MSC2614300007' })]);
    const summary = await run([
      caseLine({ receiptNumber: 'MSC2614300007', formType: 'I-765' }),
      caseLine({ receiptNumber: 'MSC2614300007', receiptDate: '2026-02-19' }),
    ]);
    expect(summary.invalid).toEqual([
      { line: 1, reason: 'formType: the case on file with this receipt number is for form I-485' },
      { line: 2, reason: 'receiptDate: the case on file with this receipt number was received on 2026-02-20' },
    ]);
    expect((await caseRow('MSC2614300007')).formType).toBe('I-485');
  });

  it('appends only new events and tells each active follower by their channel and in their language', async () => {
    await run([caseLine({ receiptNumber: 'LIN2614300008', representativeOfRecord: true })]);
    const theCase = await caseRow('LIN2614300008');
    const texter = await addUser({ email: 'lucia.texts@example.com', phone: '+16025550143', notificationChannel: 'sms', preferredLanguage: 'es' });
    const representative = await addUser({ email: 'rita.rep@example.com', role: 'representative', preferredLanguage: 'en' });
    const phoneless = await addUser({ email: 'no.phone@example.com', role: 'representative', notificationChannel: 'sms', preferredLanguage: 'es' });
    const former = await addUser({ email: 'former.rep@example.com', role: 'representative' });
    await link(theCase.id, texter.id, 'applicant');
    await link(theCase.id, representative.id, 'representative');
    await link(theCase.id, phoneless.id, 'representative');
    await link(theCase.id, former.id, 'representative', clock.now());

    clock.advance(DAY);
    const summary = await run([
      caseLine({
        receiptNumber: 'LIN2614300008',
        representativeOfRecord: true,
        events: [
          { status: 'case_was_received', date: '2026-02-20' },
          { status: 'Fingerprint Fee Was Received', date: '2026-02-21' },
          { key: 'cs-approval-1', status: 'Case Was Approved', occurredAt: '2026-03-03T13:30:00Z' },
        ],
      }),
    ]);
    expect(summary).toMatchObject({ updated: 1, eventsAdded: 1, notificationsQueued: 3 });

    const [approval] = (await eventsOf(theCase.id)).filter((e) => e.eventKey === 'cs-approval-1');
    const notices = await statusNotices('LIN2614300008');
    expect(notices.map((n) => [n.channel, n.recipient, n.language, n.dedupeKey])).toEqual([
      ['sms', '+16025550143', 'es', `case-status:${approval.id}:${texter.id}`],
      ['email', 'rita.rep@example.com', 'en', `case-status:${approval.id}:${representative.id}`],
      ['email', 'no.phone@example.com', 'es', `case-status:${approval.id}:${phoneless.id}`],
    ]);
    for (const notice of notices) {
      expect(notice.payload).toEqual({ receiptNumber: 'LIN2614300008', formType: 'I-485', status: 'case_was_approved', date: '2026-03-03' });
    }
    expect(notices.some((n) => n.recipient === 'former.rep@example.com')).toBe(false);

    const updated = await caseRow('LIN2614300008');
    expect(updated.latestStatus).toBe('case_was_approved');
    expect(updated.latestStatusAt?.toISOString()).toBe('2026-03-03T13:30:00.000Z');
    expect(updated.state).toBe('approved');

    const statusAudits = (await auditsOf('LIN2614300008')).filter((a) => a.action === 'case.status_event');
    expect(statusAudits.at(-1)?.detail).toMatchObject({ status: 'case_was_approved', eventKey: 'cs-approval-1' });
  });

  it('keeps the newest event as the latest status, and the state it leaves the case in', async () => {
    await run([caseLine({ receiptNumber: 'SRC2614300009', events: [{ status: 'case_was_received', date: '2026-02-20' }] })]);
    const withEvents = (events: unknown[]) => caseLine({ receiptNumber: 'SRC2614300009', events });
    const latest = async () => {
      const row = await caseRow('SRC2614300009');
      return [row.latestStatus, row.latestStatusAt?.toISOString(), row.state];
    };

    await run([withEvents([{ status: 'case_was_denied', date: '2026-02-27' }])]);
    expect(await latest()).toEqual(['case_was_denied', '2026-02-27T14:00:00.000Z', 'denied']);

    // An older event filled in later is appended and announced, but the newest stays the latest.
    const backfill = await run([withEvents([{ status: 'interview_was_completed', date: '2026-02-25' }])]);
    expect(backfill).toMatchObject({ updated: 1, eventsAdded: 1 });
    expect(await latest()).toEqual(['case_was_denied', '2026-02-27T14:00:00.000Z', 'denied']);

    // A motion reopened the case: pending again.
    await run([withEvents([{ status: 'Case Remains Pending', date: '2026-03-01' }])]);
    expect(await latest()).toEqual(['case_remains_pending', '2026-03-01T14:00:00.000Z', 'pending']);

    await run([withEvents([{ status: 'Withdrawal Acknowledgement Notice Was Sent', date: '2026-03-02' }])]);
    expect(await latest()).toEqual(['withdrawal_acknowledgement_notice_was_sent', '2026-03-02T14:00:00.000Z', 'withdrawn']);
  });

  it('reports bad lines with their numbers, skips them and imports the rest', async () => {
    const lines = [
      caseLine({ receiptNumber: 'EAC2614300010' }),
      '',
      '{"receiptNumber": "EAC2614300011", "formType":',
      caseLine({ receiptNumber: 'EAC26143' }),
      '   ',
      caseLine({ receiptNumber: 'EAC2614300012', officeCode: 'ZZZ' }),
      caseLine({ receiptNumber: 'EAC2614300013', receiptDate: '2026-02-30' }),
      caseLine({ receiptNumber: 'EAC2614300014', officeCode: 'MIA' }),
    ];
    const summary = await run(lines);
    expect(summary).toMatchObject({ lines: 6, created: 2, updated: 0, unchanged: 0 });
    expect(summary.invalid).toEqual([
      { line: 3, reason: 'is not valid JSON' },
      { line: 4, reason: 'receiptNumber: must be 3 letters and 10 digits, e.g. IOE0912345678' },
      { line: 6, reason: 'officeCode: no field office has the code ZZZ' },
      { line: 7, reason: 'receiptDate: is not a real calendar date' },
    ]);
    expect(await caseRow('EAC2614300010')).toBeDefined();
    expect((await caseRow('EAC2614300014')).fieldOfficeId).toBe(officeId.get('MIA'));
    for (const refused of ['EAC2614300012', 'EAC2614300013']) expect(await caseRow(refused)).toBeUndefined();
    expect(await getDb().select().from(auditLog).where(eq(auditLog.objectId, 'EAC2614300012'))).toHaveLength(0);
  });

  it('reads lines from an async source, such as a file read line by line', async () => {
    async function* file() {
      yield '\uFEFF' + caseLine({ receiptNumber: 'YSC2614300015', officeCode: 'NYC' });
      yield caseLine({ receiptNumber: 'YSC2614300016', officeCode: 'NYC' });
    }
    const summary = await importCases(getDb(), clock, file(), { issueAccessCodes: false });
    expect(summary).toMatchObject({ lines: 2, created: 2, invalid: [] });
    const rows = await getDb().select().from(cases).where(like(cases.receiptNumber, 'YSC26143%'));
    expect(rows).toHaveLength(2);
    const events = await getDb()
      .select()
      .from(caseStatusEvents)
      .where(and(eq(caseStatusEvents.caseId, rows[0].id), eq(caseStatusEvents.status, 'case_was_received')));
    expect(events).toHaveLength(1);
  });
});

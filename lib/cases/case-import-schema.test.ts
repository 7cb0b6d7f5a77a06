import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CASE_IMPORT_LIMITS,
  calendarDateProblem,
  caseStatusKeyOf,
  parseCaseImportLine,
  type ImportContext,
  type ParsedImportLine,
} from './case-import-schema';
import { CASE_STATUS_KEYS, CASE_STATUS_TITLES } from './status-catalogue';

const context: ImportContext = { now: new Date('2026-03-02T15:00:00Z'), timeZone: 'America/New_York' };

const good = {
  receiptNumber: 'MSC2614300042',
  formType: 'I-485',
  classification: 'Family-based',
  receiptDate: '2026-02-20',
  officeCode: 'PHO',
  biometricsRequired: true,
  applicant: {
    givenName: 'Marisol',
    familyName: 'Quintero',
    dateOfBirth: '1990-07-14',
    aNumber: 'A201234567',
    email: 'marisol.quintero@example.com',
    mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' },
  },
  events: [
    { status: 'case_was_received', date: '2026-02-20' },
    { key: 'evt-7781', status: 'Fingerprint Fee Was Received', occurredAt: '2026-02-24T16:30:00Z', note: 'Fee receipt posted' },
  ],
};

type Line = Record<string, unknown>;
const parse = (line: unknown): ParsedImportLine => parseCaseImportLine(typeof line === 'string' ? line : JSON.stringify(line), context);
const reasonOf = (line: unknown): string => {
  const result = parse(line);
  if (result.ok) throw new Error('expected the line to be refused');
  return result.reason;
};
const withApplicant = (applicant: Line): Line => ({ ...good, applicant: { ...good.applicant, ...applicant } });
const withEvent = (event: Line): Line => ({ ...good, events: [event] });

describe('a line of the case import', () => {
  it('normalises a good line and fills in the defaults', () => {
    const result = parse({ ...good, receiptNumber: 'msc-261-430-0042', formType: ' i-485 ', officeCode: 'pho' });
    expect(result).toEqual({
      ok: true,
      data: {
        receiptNumber: 'MSC2614300042',
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
          email: 'marisol.quintero@example.com',
          mailingAddress: { street: '1820 W Roosevelt St', city: 'Phoenix', state: 'AZ', zip: '85007' },
        },
        channelOfRecord: 'mail',
        representativeOfRecord: false,
        events: [
          {
            key: 'case_was_received:2026-02-20',
            status: 'case_was_received',
            occurredAt: new Date('2026-02-20T14:00:00Z'),
            date: '2026-02-20',
            note: null,
          },
          {
            key: 'evt-7781',
            status: 'fingerprint_fee_was_received',
            occurredAt: new Date('2026-02-24T16:30:00Z'),
            date: '2026-02-24',
            note: 'Fee receipt posted',
          },
        ],
      },
    });
  });

  it('keeps optional fields optional: no classification, A-number, email or events', () => {
    const { classification: _c, events: _e, ...bare } = good;
    const result = parse({ ...bare, applicant: { ...good.applicant, aNumber: null, email: '' } });
    expect(result.ok && result.data).toMatchObject({ classification: null, events: [], applicant: { aNumber: null, email: null } });
  });

  it('dates an event given as an instant by the agency’s calendar, and keys it by that date', () => {
    // 03:00 UTC on 1 March is still 28 February in Washington.
    const result = parse(withEvent({ status: 'case_was_approved', occurredAt: '2026-03-01T03:00:00Z' }));
    expect(result.ok && result.data.events[0]).toMatchObject({ key: 'case_was_approved:2026-02-28', date: '2026-02-28' });
  });

  it('accepts every status by its key and by its English title, and nothing else', () => {
    for (const key of CASE_STATUS_KEYS) {
      expect(caseStatusKeyOf(key)).toBe(key);
      expect(caseStatusKeyOf(CASE_STATUS_TITLES[key])).toBe(key);
    }
    expect(caseStatusKeyOf('case was approved')).toBeNull();
    expect(caseStatusKeyOf('CASE_WAS_APPROVED')).toBeNull();
    expect(caseStatusKeyOf('toString')).toBeNull();
    expect(caseStatusKeyOf('__proto__')).toBeNull();
  });

  it('names the field and the rule for each kind of mistake', () => {
    const cases: [Line, string][] = [
      [{ ...good, receiptNumber: 'IOE12345' }, 'receiptNumber: must be 3 letters and 10 digits, e.g. IOE0912345678'],
      [{ ...good, receiptNumber: 'ABC0912345678' }, 'receiptNumber: prefix ABC is not in use (EAC, WAC, LIN, SRC, NBC, MSC, IOE, YSC)'],
      [{ ...good, receiptNumber: 912345678 }, 'receiptNumber: must be text'],
      [{ ...good, formType: 'Form 485' }, 'formType: must be a form number such as I-130 or N-400'],
      [{ ...good, receiptDate: '20/02/2026' }, 'receiptDate: must be a date as YYYY-MM-DD, e.g. 2026-02-20'],
      [{ ...good, receiptDate: '2026-02-30' }, 'receiptDate: is not a real calendar date'],
      [{ ...good, receiptDate: '2026-03-03' }, 'receiptDate: must not be in the future'],
      [{ ...good, officeCode: 'Phoenix' }, 'officeCode: must be a 3-letter field office code, e.g. PHO'],
      [{ ...good, interviewRequired: 'yes' }, 'interviewRequired: must be true or false'],
      [{ ...good, channelOfRecord: 'fax' }, 'channelOfRecord: must be "mail" or "email"'],
      [{ ...withApplicant({ email: null }), channelOfRecord: 'email' }, 'channelOfRecord: is "email", which needs applicant.email'],
      [{ ...good, applicant: 'Marisol Quintero' }, 'applicant: must be an object'],
      [withApplicant({ givenName: '   ' }), 'applicant.givenName: is required'],
      [withApplicant({ familyName: 'x'.repeat(101) }), 'applicant.familyName: must be at most 100 characters'],
      [withApplicant({ dateOfBirth: '1890-01-01' }), 'applicant.dateOfBirth: must be in 1900 or later'],
      [withApplicant({ aNumber: 'A1234567' }), 'applicant.aNumber: must be "A" and 8 or 9 digits, e.g. A012345678'],
      [withApplicant({ email: 'marisol@' }), 'applicant.email: must be an email address, e.g. name@example.com'],
      [
        withApplicant({ mailingAddress: { ...good.applicant.mailingAddress, zip: '8500' } }),
        'applicant.mailingAddress.zip: must be a ZIP code, e.g. 85004 or 85004-1234',
      ],
      [
        withApplicant({ mailingAddress: { ...good.applicant.mailingAddress, state: 'Arizona' } }),
        'applicant.mailingAddress.state: must be a USPS state or territory code, e.g. AZ',
      ],
      [{ ...good, events: {} }, 'events: must be a list of status events'],
      [
        withEvent({ status: 'Approved!', date: '2026-02-25' }),
        'events[0].status: must be a status key such as case_was_approved or its title such as "Case Was Approved"',
      ],
      [withEvent({ status: 'case_was_approved' }), 'events[0].date: is required (YYYY-MM-DD), unless occurredAt gives an ISO instant'],
      [
        withEvent({ status: 'case_was_approved', date: '2026-02-25', occurredAt: '2026-02-25T10:00:00Z' }),
        'events[0].occurredAt: must not be given together with date: give one or the other',
      ],
      [withEvent({ status: 'case_was_approved', occurredAt: '2026-02-25 10:00' }), 'events[0].occurredAt: must be an ISO instant such as 2026-03-02T15:00:00Z'],
      [withEvent({ status: 'case_was_approved', occurredAt: '2026-03-02T15:00:01Z' }), 'events[0].occurredAt: must not be in the future'],
      [
        { ...good, events: [{ status: 'case_was_received', date: '2026-02-20' }, { status: 'Case Was Received', date: '2026-02-20' }] },
        'events[1].key: repeats the key of events[0]',
      ],
    ];
    for (const [line, reason] of cases) expect(reasonOf(line)).toBe(reason);
  });

  it('refuses what is not a JSON object, without quoting the line', () => {
    expect(reasonOf('{"receiptNumber": "MSC2614300042", "applicant": {"givenName": "Marisol"')).toBe('is not valid JSON');
    expect(reasonOf('null')).toBe('must be a JSON object');
    expect(reasonOf('[1, 2]')).toBe('must be a JSON object');
    expect(reasonOf('"MSC2614300042"')).toBe('must be a JSON object');
  });

  it('lists a few problems of a bad line and counts the rest', () => {
    expect(reasonOf({})).toBe('receiptNumber: is required; formType: is required; receiptDate: is required; and 2 more problems');
  });

  it('refuses lines longer than the limit before parsing them', () => {
    const long = JSON.stringify({ ...good, padding: 'x'.repeat(CASE_IMPORT_LIMITS.line) });
    expect(reasonOf(long)).toBe(`is longer than ${CASE_IMPORT_LIMITS.line} characters`);
  });

  it('refuses control characters and direction overrides in names, but lets a note run over lines', () => {
    expect(reasonOf(withApplicant({ givenName: 'Mari\u0000sol' }))).toBe('applicant.givenName: must not contain control characters');
    expect(reasonOf(withApplicant({ familyName: 'Quin\u202Etero' }))).toBe('applicant.familyName: must not contain control characters');
    // The same rule as every name typed into the portal (lib/people/person-name.ts): marks that flip direction too.
    expect(reasonOf(withApplicant({ familyName: 'Quintero\u200F' }))).toBe('applicant.familyName: must not contain control characters');
    const result = parse(withEvent({ status: 'case_was_approved', date: '2026-02-25', note: 'Approved.\nCard to follow.' }));
    expect(result.ok && result.data.events[0].note).toBe('Approved.\nCard to follow.');
    expect(reasonOf(withEvent({ status: 'case_was_approved', date: '2026-02-25', note: 'bell\u0007' }))).toBe(
      'events[0].note: must not contain control characters',
    );
  });

  it('limits how many events one line may carry', () => {
    const events = Array.from({ length: CASE_IMPORT_LIMITS.events + 1 }, (_, i) => ({ key: `e${i}`, status: 'case_remains_pending', date: '2026-02-25' }));
    expect(reasonOf({ ...good, events })).toBe(`events: must have at most ${CASE_IMPORT_LIMITS.events} events`);
  });

  it('ignores fields it does not know, including ones aimed at object prototypes', () => {
    const hostile = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(good).slice(1)}`;
    const result = parse(hostile);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok && Object.keys(result.data)).not.toContain('__proto__');
  });
});

describe('calendar dates', () => {
  it('are real dates from 1900 up to today', () => {
    expect(calendarDateProblem('2024-02-29', '2026-03-02')).toBeNull();
    expect(calendarDateProblem('2025-02-29', '2026-03-02')).toBe('is not a real calendar date');
    expect(calendarDateProblem('2026-13-01', '2026-03-02')).toBe('is not a real calendar date');
    expect(calendarDateProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(calendarDateProblem('2026-03-03', '2026-03-02')).toBe('must not be in the future');
    expect(calendarDateProblem('0099-01-01', '2026-03-02')).toBe('must be in 1900 or later');
    expect(calendarDateProblem('2026-3-2', '2026-03-02')).toBe('must be a date as YYYY-MM-DD, e.g. 2026-02-20');
  });
});

describe('hostile input', () => {
  // A marker no rule mentions: if it shows up in a reason, the reason is quoting the input.
  const MARKER = 'QZXWVJ';

  it('never throws on any text or JSON, and refuses it with a short reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json()), (junk) => {
        const result = parseCaseImportLine(junk, context);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason.length).toBeLessThan(600);
      }),
      { numRuns: 500 },
    );
  });

  it('survives any JSON value in any field', () => {
    const fields = ['receiptNumber', 'formType', 'classification', 'receiptDate', 'officeCode', 'biometricsRequired', 'channelOfRecord', 'applicant', 'events'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const poisoned = typeof value === 'string' ? `${MARKER}${value}` : value;
        const result = parse({ ...good, [field]: poisoned });
        if (!result.ok) {
          expect(result.reason.length).toBeLessThan(600);
          expect(result.reason).not.toContain(MARKER);
          expect(result.reason.startsWith(`${field}`)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives any JSON value in the nested fields', () => {
    const applicantFields = ['givenName', 'familyName', 'dateOfBirth', 'aNumber', 'email', 'mailingAddress'];
    fc.assert(
      fc.property(fc.constantFrom(...applicantFields), fc.jsonValue(), fc.jsonValue(), (field, value, eventValue) => {
        const poison = (v: unknown) => (typeof v === 'string' ? `${MARKER}${v}` : v);
        const result = parse({
          ...withApplicant({ [field]: poison(value) }),
          events: [{ status: poison(eventValue), date: poison(eventValue), occurredAt: poison(value), key: poison(value), note: 5 }],
        });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).not.toContain(MARKER);
      }),
      { numRuns: 300 },
    );
  });

  it('whatever it accepts is normalised', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.constantFrom(...CASE_STATUS_KEYS),
        (givenName, classification, status) => {
          const result = parse({ ...withApplicant({ givenName }), classification, events: [{ status, date: '2026-02-21' }] });
          if (result.ok) {
            expect(result.data.applicant.givenName).toBe(result.data.applicant.givenName.trim());
            expect(result.data.applicant.givenName.length).toBeGreaterThan(0);
            expect(result.data.classification === null || result.data.classification.trim() === result.data.classification).toBe(true);
            expect(result.data.events[0].occurredAt.toISOString()).toBe('2026-02-21T14:00:00.000Z');
          }
        },
      ),
    );
  });
});

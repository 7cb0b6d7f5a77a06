import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { RECEIPT_PREFIXES } from '@/lib/cases/receipt-number';
import { ACCESS_CODE_ALPHABET } from './access-code';
import { dateOfBirthSchema, linkCaseSchema, problemsByField, requestCodeSchema } from './access-code-forms';

// "Today" for the date-of-birth rule; only Date is faked, nothing waits.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T15:00:00Z'));
});
afterAll(() => {
  vi.useRealTimers();
});

const RECEIPT = /^(EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC)\d{10}$/;
const CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function linkProblems(receiptNumber: string, accessCode: string) {
  const parsed = linkCaseSchema.safeParse({ receiptNumber, accessCode });
  return parsed.success ? parsed.data : problemsByField(parsed.error);
}

function dateOfBirth(month: string, day: string, year: string) {
  const parsed = dateOfBirthSchema.safeParse({ month, day, year });
  return parsed.success ? parsed.data : parsed.error.issues[0].message;
}

describe('the "Link a case" form', () => {
  it('reads receipt numbers and codes however they were typed', () => {
    expect(linkProblems('ioe-091-234-5678', '7kq2 m9xd-4rtf')).toEqual({ receiptNumber: 'IOE0912345678', accessCode: '7KQ2M9XD4RTF' });
    expect(linkProblems('  IOE 0912345678 ', ' 7KQ2-M9XD-4RTF ')).toEqual({ receiptNumber: 'IOE0912345678', accessCode: '7KQ2M9XD4RTF' });
    expect(linkProblems('eac\t09-1234-5678', '7KQ2\nM9XD\n4RTF')).toEqual({ receiptNumber: 'EAC0912345678', accessCode: '7KQ2M9XD4RTF' });
    for (const prefix of RECEIPT_PREFIXES) expect(linkProblems(`${prefix.toLowerCase()}1234567890`, '7KQ2M9XD4RTF')).toMatchObject({ receiptNumber: `${prefix}1234567890` });
  });

  it('asks for what is missing', () => {
    expect(linkProblems('', '')).toEqual({ receiptNumber: 'required', accessCode: 'required' });
    expect(linkProblems('   ', '\t\n')).toEqual({ receiptNumber: 'required', accessCode: 'required' });
  });

  it('refuses receipt numbers of the wrong shape', () => {
    for (const typed of ['ABC0912345678', 'IOE091234567', 'IOE09123456789', 'IOE09123456X8', '0912345678IOE', 'IOE_0912345678', 'I0E0912345678']) {
      expect(linkProblems(typed, '7KQ2M9XD4RTF'), typed).toEqual({ receiptNumber: 'format' });
    }
  });

  it('refuses text longer than any receipt number or code could be typed, rather than cutting it', () => {
    const longReceipt = `IOE${'-'.repeat(52)}0912345678`; // 65 characters that would normalise
    expect(linkProblems(longReceipt, '7KQ2M9XD4RTF')).toEqual({ receiptNumber: 'format' });
    expect(linkProblems(`IOE${'-'.repeat(51)}0912345678`, '7KQ2M9XD4RTF')).toMatchObject({ receiptNumber: 'IOE0912345678' });
    expect(linkProblems('IOE0912345678', `7KQ2${' '.repeat(60)}M9XD4RTF`)).toEqual({ accessCode: 'format' });
    expect(linkProblems('x'.repeat(100_000), 'y'.repeat(100_000))).toEqual({ receiptNumber: 'format', accessCode: 'format' });
  });

  it('says when a code has a letter that codes never use (I, L, O, U), in either case', () => {
    for (const typed of ['7KQ2-M9XD-4RTI', '7KQ2-M9XD-4RTL', '7KQ2-M9XD-4RTO', '7KQ2-M9XD-4RTU', 'ikq2-m9xd-4rtf', '7kq2-m9xd-4rto']) {
      expect(linkProblems('IOE0912345678', typed), typed).toEqual({ accessCode: 'lookAlike' });
    }
  });

  it('refuses codes of the wrong length or with other symbols', () => {
    // A look-alike in a code of the wrong length is a wrong length first.
    for (const typed of ['OKQ2M9XD4RT', '7KQ2-M9XD-4RT', '7KQ2-M9XD-4RTFF', '7KQ2_M9XD_4RTF', '7KQ2.M9XD.4RTF', '7KQ2-M9XD-4RT!', 'ABC']) {
      expect(linkProblems('IOE0912345678', typed), typed).toEqual({ accessCode: 'format' });
    }
  });

  it('reports the first problem of each field only', () => {
    const parsed = linkCaseSchema.safeParse({ receiptNumber: '', accessCode: 'nope' });
    expect(parsed.success).toBe(false);
    expect(problemsByField(parsed.error!)).toEqual({ receiptNumber: 'required', accessCode: 'format' });
    // A form that is not an object at all is a problem of the form.
    const notAnObject = linkCaseSchema.safeParse('IOE0912345678');
    expect(problemsByField(notAnObject.error!)).toHaveProperty('form');
  });
});

describe('the date of birth', () => {
  it('reads the month, day and year boxes as an ISO date', () => {
    expect(dateOfBirth('7', '14', '1990')).toBe('1990-07-14');
    expect(dateOfBirth(' 07 ', ' 04 ', ' 1988 ')).toBe('1988-07-04');
    expect(dateOfBirth('2', '29', '2024')).toBe('2024-02-29');
    expect(dateOfBirth('1', '1', '1900')).toBe('1900-01-01');
    expect(dateOfBirth('3', '2', '2026')).toBe('2026-03-02'); // born today
  });

  it('asks for it when all three boxes are empty', () => {
    expect(dateOfBirth('', '', '')).toBe('required');
    expect(dateOfBirth('  ', ' ', '\t')).toBe('required');
  });

  it('asks for numbers and a 4-digit year', () => {
    for (const [m, d, y] of [
      ['', '14', '1990'],
      ['7', '', '1990'],
      ['7', '14', ''],
      ['July', '14', '1990'],
      ['7', '14th', '1990'],
      ['7', '14', '90'],
      ['7', '14', '01990'],
      ['-7', '14', '1990'],
      ['7', '1.4', '1990'],
      ['٧', '١٤', '١٩٩٠'], // digits, but not the ones the boxes take
    ]) {
      expect(dateOfBirth(m, d, y), `${m}/${d}/${y}`).toBe('format');
    }
  });

  it('asks for a real date', () => {
    for (const [m, d, y] of [
      ['2', '30', '2000'],
      ['2', '29', '2023'],
      ['13', '1', '2000'],
      ['0', '10', '2000'],
      ['4', '31', '1999'],
      ['4', '0', '1999'],
      ['123', '1', '1999'],
    ]) {
      expect(dateOfBirth(m, d, y), `${m}/${d}/${y}`).toBe('real');
    }
  });

  it('asks for a date in the past, and not before 1900', () => {
    expect(dateOfBirth('3', '3', '2026')).toBe('past'); // tomorrow
    expect(dateOfBirth('1', '1', '2999')).toBe('past');
    expect(dateOfBirth('12', '31', '1899')).toBe('past');
  });

  it('is checked with the receipt number on the "Request a new access code" form', () => {
    const ok = requestCodeSchema.safeParse({ receiptNumber: 'msc-269-001-2345', dateOfBirth: { month: '7', day: '14', year: '1990' } });
    expect(ok.data).toEqual({ receiptNumber: 'MSC2690012345', dateOfBirth: '1990-07-14' });
    const bad = requestCodeSchema.safeParse({ receiptNumber: 'MSC269', dateOfBirth: { month: '2', day: '31', year: '1990' } });
    expect(problemsByField(bad.error!)).toEqual({ receiptNumber: 'format', dateOfBirth: 'real' });
    const empty = requestCodeSchema.safeParse({ receiptNumber: '', dateOfBirth: { month: '', day: '', year: '' } });
    expect(problemsByField(empty.error!)).toEqual({ receiptNumber: 'required', dateOfBirth: 'required' });
  });
});

describe('whatever is typed', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...'\u0000\u0007\u0008\t\n\r\u001b\u007f\u00a0\u200b\u2028\ufeff-_ %ILOUilou'), maxLength: 40 }),
    fc.string({ minLength: 60, maxLength: 5000 }),
  );
  const receiptLike = fc
    .tuple(fc.constantFrom(...RECEIPT_PREFIXES), fc.stringMatching(/^\d{10}$/), fc.array(fc.constantFrom(' ', '-', '\t'), { maxLength: 6 }), fc.boolean())
    .map(([prefix, digits, separators, lower]) => {
      let text = prefix + digits;
      for (const s of separators) {
        const at = text.length > 0 ? text.length - 1 : 0;
        text = text.slice(0, at) + s + text.slice(at);
      }
      return lower ? text.toLowerCase() : text;
    });
  const codeLike = fc
    .tuple(fc.array(fc.constantFrom(...ACCESS_CODE_ALPHABET), { minLength: 12, maxLength: 12 }), fc.boolean(), fc.boolean())
    .map(([symbols, dashed, lower]) => {
      const bare = symbols.join('');
      const typed = dashed ? `${bare.slice(0, 4)}-${bare.slice(4, 8)} ${bare.slice(8)}` : bare;
      return lower ? typed.toLowerCase() : typed;
    });

  it('never throws on the "Link a case" form, and gives a normalised value or an error key for each field', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, receiptLike), fc.oneof(anyText, codeLike), (receiptNumber, accessCode) => {
        const parsed = linkCaseSchema.safeParse({ receiptNumber, accessCode });
        if (parsed.success) {
          expect(parsed.data.receiptNumber).toMatch(RECEIPT);
          expect(parsed.data.accessCode).toMatch(CODE);
          return;
        }
        const problems = problemsByField(parsed.error);
        expect(Object.keys(problems).every((field) => field === 'receiptNumber' || field === 'accessCode')).toBe(true);
        if (problems.receiptNumber) expect(['required', 'format']).toContain(problems.receiptNumber);
        if (problems.accessCode) expect(['required', 'format', 'lookAlike']).toContain(problems.accessCode);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every receipt number and code printed by the agency back to itself, however it is typed', () => {
    fc.assert(
      fc.property(receiptLike, codeLike, (receiptNumber, accessCode) => {
        const parsed = linkCaseSchema.parse({ receiptNumber, accessCode });
        expect(parsed.receiptNumber).toBe(receiptNumber.toUpperCase().replace(/[\s-]/g, ''));
        expect(parsed.accessCode).toBe(accessCode.toUpperCase().replace(/[\s-]/g, ''));
      }),
    );
  });

  it('reads back every date from 1900 to today, padded or not', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-03-02T23:59:59Z'), noInvalidDate: true }), fc.boolean(), (date, padded) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        const typed = padded ? [m, d] : [String(Number(m)), String(Number(d))];
        expect(dateOfBirth(typed[0], typed[1], y)).toBe(iso);
      }),
    );
  });

  it('never throws on a date of birth, and gives a real past date or an error key', () => {
    const part = fc.oneof(anyText, fc.integer({ min: -5, max: 3000 }).map(String), fc.stringMatching(/^\s?\d{1,5}\s?$/));
    fc.assert(
      fc.property(part, part, part, (month, day, year) => {
        const parsed = dateOfBirthSchema.safeParse({ month, day, year });
        if (parsed.success) {
          expect(parsed.data).toMatch(ISO);
          expect(parsed.data >= '1900-01-01' && parsed.data <= '2026-03-02').toBe(true);
          expect(new Date(`${parsed.data}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed.data);
          return;
        }
        expect(['required', 'format', 'real', 'past']).toContain(parsed.error.issues[0].message);
      }),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseReceiptNumber, RECEIPT_PREFIXES, receiptNumberProblem } from './receipt-number';

describe('receipt numbers', () => {
  it('forgive case, spaces and dashes', () => {
    expect(normaliseReceiptNumber('ioe-091-234-5678')).toBe('IOE0912345678');
    expect(normaliseReceiptNumber(' IOE 0912345678 ')).toBe('IOE0912345678');
    expect(normaliseReceiptNumber('msc2690012345')).toBe('MSC2690012345');
  });

  it('accept each prefix in use and no other', () => {
    for (const prefix of RECEIPT_PREFIXES) expect(normaliseReceiptNumber(`${prefix}0912345678`)).toBe(`${prefix}0912345678`);
    expect(normaliseReceiptNumber('ABC0912345678')).toBeNull();
    expect(receiptNumberProblem('ABC0912345678')).toBe('format');
  });

  it('refuse wrong lengths, letters among the digits and other symbols', () => {
    for (const bad of ['IOE091234567', 'IOE09123456789', 'IOE09123456O8', 'IOE_0912345678', 'IOE0912345678!', '0912345678IOE']) {
      expect(normaliseReceiptNumber(bad), bad).toBeNull();
    }
    expect(receiptNumberProblem('   ')).toBe('required');
    expect(receiptNumberProblem('IOE0912345678')).toBeNull();
  });

  it('never accept anything but 3 known letters and 10 digits, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const receipt = normaliseReceiptNumber(typed);
        if (receipt !== null) {
          expect(receipt).toMatch(/^[A-Z]{3}\d{10}$/);
          expect(RECEIPT_PREFIXES).toContain(receipt.slice(0, 3));
        }
      }),
    );
  });
});

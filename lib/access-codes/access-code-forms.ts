/**
 * What the "Link a case" and "Request a new access code" forms accept, shared by the browser and
 * the server actions. Problems are catalogue keys under `cases.errors.<field>`; the action
 * translates them. No server-only imports: client components may import this file.
 */
import { z } from 'zod';
import { ACCESS_CODE_LENGTH, normaliseAccessCode } from './access-code';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';
import { isIsoDate } from '@/lib/calendar/iso-date';

export type LinkCaseField = 'receiptNumber' | 'accessCode';
export type RequestCodeField = 'receiptNumber' | 'dateOfBirth';

/** Typed text longer than this is not a receipt number or a code; it is refused, not cut. */
const MAX_TYPED = 64;

const receiptNumber = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_TYPED, 'format')
  .transform((typed, context) => {
    const receipt = normaliseReceiptNumber(typed);
    if (!receipt) context.addIssue({ code: 'custom', message: 'format' });
    return receipt ?? '';
  });

export const linkCaseSchema = z.object({
  receiptNumber,
  accessCode: z
    .string()
    .trim()
    .min(1, 'required')
    .max(MAX_TYPED, 'format')
    .transform((typed, context) => {
      const code = normaliseAccessCode(typed);
      // The look-alike hint only helps when the code is otherwise the right length.
      const lookAlike = /[ILOU]/i.test(typed) && typed.replace(/[\s-]/g, '').length === ACCESS_CODE_LENGTH;
      if (!code) context.addIssue({ code: 'custom', message: lookAlike ? 'lookAlike' : 'format' });
      return code ?? '';
    }),
});

export type LinkCaseInput = z.output<typeof linkCaseSchema>;

/** A date of birth from the three boxes of a memorable-date field (month, day, year). */
export const dateOfBirthSchema = z
  .object({ month: z.string().trim(), day: z.string().trim(), year: z.string().trim() })
  .transform((parts, context) => {
    if (!parts.month && !parts.day && !parts.year) {
      context.addIssue({ code: 'custom', message: 'required' });
      return '';
    }
    if (![parts.month, parts.day, parts.year].every((p) => /^\d+$/.test(p)) || parts.year.length !== 4) {
      context.addIssue({ code: 'custom', message: 'format' });
      return '';
    }
    const iso = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
    if (!isIsoDate(iso)) {
      context.addIssue({ code: 'custom', message: 'real' });
      return '';
    }
    if (Number(parts.year) < 1900 || iso > new Date().toISOString().slice(0, 10)) {
      context.addIssue({ code: 'custom', message: 'past' });
      return '';
    }
    return iso;
  });

export const requestCodeSchema = z.object({ receiptNumber, dateOfBirth: dateOfBirthSchema });

export type RequestCodeInput = z.output<typeof requestCodeSchema>;

/** The first problem of each field, as catalogue keys: { receiptNumber: 'format' }. */
export function problemsByField(error: z.ZodError): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    problems[field] ??= issue.message;
  }
  return problems;
}

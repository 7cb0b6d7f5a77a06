/**
 * Receipt numbers as the agency prints them: 13 characters, three letters for the office that
 * receipted the case and ten digits (IOE0912345678). People type them with spaces, dashes and in
 * lower case; all of that is forgiven, anything else is refused with the expected shape.
 */

/** The prefixes in use (USCIS). */
export const RECEIPT_PREFIXES = ['EAC', 'WAC', 'LIN', 'SRC', 'NBC', 'MSC', 'IOE', 'YSC'] as const;

export const RECEIPT_NUMBER_EXAMPLE = 'IOE0912345678';

const SHAPE = new RegExp(`^(${RECEIPT_PREFIXES.join('|')})\\d{10}$`);

/** "ioe-091-234-5678" → "IOE0912345678"; null when it is not a receipt number in use. */
export function normaliseReceiptNumber(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return SHAPE.test(bare) ? bare : null;
}

/** Why a typed receipt number was refused: nothing typed, or not the expected shape. */
export function receiptNumberProblem(input: string): 'required' | 'format' | null {
  if (!input.trim()) return 'required';
  return normaliseReceiptNumber(input) ? null : 'format';
}

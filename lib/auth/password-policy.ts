/**
 * Password rules of NIST SP 800-63B as the spec words them: 12 to 128 characters, any characters,
 * no composition rules, refused when it is a commonly used or breached password. The list is the
 * maintained common-password dictionary of zxcvbn-ts (about 49,000 entries), installed with the
 * project so the check works offline.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_email';

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why a password is refused, or null when it is acceptable. Length counts characters, not bytes. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.replace(/\d+$/, ''))) return 'common';
  if (/^(.)\1+$/u.test(password) || isSequence(lower)) return 'repetitive';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

/** "abcdefghijkl", "123456789012", "987654321098": runs that any guessing list tries first. */
function isSequence(text: string): boolean {
  const chars = [...text];
  const step = (a: string, b: string) => {
    const diff = b.codePointAt(0)! - a.codePointAt(0)!;
    const digits = /\d/.test(a) && /\d/.test(b);
    if (digits && diff === -9) return 1; // 9 → 0 continues an ascending run of digits
    if (digits && diff === 9) return -1;
    return diff;
  };
  const steps = new Set(chars.slice(1).map((c, i) => step(chars[i], c)));
  return steps.size === 1 && [1, -1].includes([...steps][0]);
}

/**
 * What the sign-in forms accept, shared by the browser and the server actions, and the shapes the
 * actions answer with. Issue messages are keys under `signIn.errors` in the message catalogue; the
 * action translates them. No server-only imports: client components import this file.
 */
import { z } from 'zod';

export type SignInErrorKey =
  | 'emailRequired'
  | 'emailFormat'
  | 'emailTooLong'
  | 'passwordRequired'
  | 'passwordTooLong'
  | 'codeRequired'
  | 'codeFormat'
  | 'backupRequired'
  | 'backupFormat';

const key = (k: SignInErrorKey) => ({ error: k });

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, key('emailRequired'))
    .max(254, key('emailTooLong'))
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, key('emailFormat')),
  // Passwords are taken exactly as typed (spaces count). No account has one longer than 128 characters.
  password: z.string().min(1, key('passwordRequired')).max(128, key('passwordTooLong')),
});

/** Six digits; spaces and dashes people type or paste around a code are ignored (as normaliseCode does). */
export const codeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().min(1, key('codeRequired')).regex(/^\d{6}$/, key('codeFormat'))),
});

/** Ten letters and digits, in any case, with or without the dash (as normaliseBackupCode does). */
export const backupCodeSchema = z.object({
  code: z
    .string()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().min(1, key('backupRequired')).regex(/^[0-9A-Z]{10}$/, key('backupFormat'))),
});

/** The first problem of each field, as catalogue keys: { email: 'emailFormat' }. */
export function issueKeys(error: z.ZodError): Partial<Record<string, SignInErrorKey>> {
  const keys: Partial<Record<string, SignInErrorKey>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    keys[field] ??= issue.message as SignInErrorKey;
  }
  return keys;
}

export type SecondStepMethod = 'email' | 'sms' | 'totp' | 'backup';

export interface SignInFormState {
  /** Counts submits, so the error summary and the fields mount afresh after each failed one. */
  attempt: number;
  fieldErrors?: Partial<Record<'email' | 'password', string>>;
  formError?: string;
  /** What was typed in the email field (never the password). */
  email: string;
}

export interface CodeFormState {
  attempt: number;
  fieldErrors?: Partial<Record<'code', string>>;
  formError?: string;
}

export interface ResendFormState {
  attempt: number;
  outcome: 'none' | 'sent' | 'throttled';
  message?: string;
}

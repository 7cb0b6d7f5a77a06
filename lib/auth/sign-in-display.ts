/**
 * How the sign-in pages speak about where a code went and how long to wait, without showing more
 * of an address or number than the person needs to recognise it (whoever holds only the password
 * learns little from the verification page).
 */
import { MINUTE } from '@/lib/clock';

/** "ana.applicant@example.com" → "a•••@example.com": the first character of the mailbox and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const first = [...email.slice(0, at)][0];
  return `${first}•••@${email.slice(at + 1)}`;
}

/** The last four digits of a phone number ("+16025550143" → "0143"), or null without enough digits. */
export function phoneEnding(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** Whole minutes until `until`, rounded up and never less than 1: "try again in 3 minutes", never "in 0 minutes". */
export function minutesToWait(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/**
 * Between the set-up link's first form and the end of a staff account's set-up, the browser holds
 * a short-lived, httpOnly cookie: the set-up's pending session token, and at the end the backup codes
 * to show once. Sealed with the app key, so neither rests in clear in the browser; it grants nothing
 * by itself (the pending session is checked on every use and ends when the set-up does).
 */
import { cookies } from 'next/headers';
import { seal, unseal } from '@/lib/crypto/secrets';
import { PENDING_TIMEOUT_MS } from './sessions';

const COOKIE = 'portal-staff-setup';
const PURPOSE = 'staff-setup-cookie';

export interface StaffSetupCookie {
  /** The pending session of the set-up, until the second step is proven. */
  pendingToken?: string;
  /** The new backup codes, from the moment the set-up finished until they were shown. */
  backupCodes?: string[];
  email?: string;
}

const secureCookies = () => (process.env.PORTAL_URL ?? '').startsWith('https://');

export async function saveStaffSetupCookie(value: StaffSetupCookie): Promise<void> {
  (await cookies()).set(COOKIE, seal(JSON.stringify(value), PURPOSE), {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    path: '/',
    maxAge: PENDING_TIMEOUT_MS / 1000,
  });
}

export async function readStaffSetupCookie(): Promise<StaffSetupCookie | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value) return null;
  try {
    return JSON.parse(unseal(value, PURPOSE)) as StaffSetupCookie;
  } catch {
    return null;
  }
}

export async function clearStaffSetupCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

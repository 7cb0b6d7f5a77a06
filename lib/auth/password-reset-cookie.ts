/**
 * Between the reset link's "Continue" and the new password, the browser holds a short-lived,
 * httpOnly cookie: the link's token and, once the second step is proven, the proof. Both are stored
 * in the database only as keyed hashes and checked on every use; the cookie is sealed with the app
 * key so neither rests in clear in the browser.
 */
import { cookies } from 'next/headers';
import { seal, unseal } from '@/lib/crypto/secrets';
import { PENDING_TIMEOUT_MS } from './sessions';

const COOKIE = 'portal-password-reset';
const PURPOSE = 'password-reset-cookie';

export interface PasswordResetCookie {
  token: string;
  proof?: string;
}

const secureCookies = () => (process.env.PORTAL_URL ?? '').startsWith('https://');

export async function savePasswordResetCookie(value: PasswordResetCookie): Promise<void> {
  (await cookies()).set(COOKIE, seal(JSON.stringify(value), PURPOSE), {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    path: '/',
    maxAge: PENDING_TIMEOUT_MS / 1000,
  });
}

export async function readPasswordResetCookie(): Promise<PasswordResetCookie | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value) return null;
  try {
    const parsed = JSON.parse(unseal(value, PURPOSE)) as Partial<PasswordResetCookie>;
    return typeof parsed.token === 'string' ? { token: parsed.token, proof: typeof parsed.proof === 'string' ? parsed.proof : undefined } : null;
  } catch {
    return null;
  }
}

export async function clearPasswordResetCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

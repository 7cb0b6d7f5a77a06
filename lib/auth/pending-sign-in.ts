/**
 * Between the password and the second step the browser holds a short-lived, httpOnly cookie with
 * the pending session's token; the full session cookie, with a new token, is set only after step two.
 */
import { cookies } from 'next/headers';
import { PENDING_TIMEOUT_MS } from './sessions';
import { setSessionCookie } from './auth';

const PENDING_COOKIE = 'portal-pending-sign-in';

const secureCookies = () => (process.env.PORTAL_URL ?? '').startsWith('https://');

export async function setPendingSignIn(token: string): Promise<void> {
  (await cookies()).set(PENDING_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    path: '/',
    maxAge: PENDING_TIMEOUT_MS / 1000,
  });
}

export async function pendingSignInToken(): Promise<string | undefined> {
  return (await cookies()).get(PENDING_COOKIE)?.value;
}

export async function clearPendingSignIn(): Promise<void> {
  (await cookies()).delete(PENDING_COOKIE);
}

/**
 * Both steps passed: the session's new token goes into the encrypted session cookie and the pending
 * one is dropped. The caller redirects afterwards (to the page the person came for, or their landing page).
 */
export async function finishSignIn(token: string): Promise<void> {
  await setSessionCookie(token);
  await clearPendingSignIn();
}

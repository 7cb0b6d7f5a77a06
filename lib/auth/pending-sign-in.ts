/**
 * Between the password and the second step the browser holds a short-lived, httpOnly cookie with
 * the pending session's token; the full session cookie, with a new token, is set only after step two.
 */
import { clearPortalCookie, portalCookie, setPortalCookie } from './portal-cookies';
import { PENDING_TIMEOUT_MS } from './sessions';
import { setSessionCookie } from './auth';
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_MS, knownDevicesIn, rememberDevice, type KnownDevice } from './known-device';

const PENDING_COOKIE = 'portal-pending-sign-in';

export const setPendingSignIn = (token: string) => setPortalCookie(PENDING_COOKIE, token, PENDING_TIMEOUT_MS);
export const pendingSignInToken = () => portalCookie(PENDING_COOKIE);
export const clearPendingSignIn = () => clearPortalCookie(PENDING_COOKIE);

/**
 * Both steps passed: the session's new token goes into the encrypted session cookie, the pending
 * one is dropped and the browser is remembered as the account's own. The caller redirects afterwards
 * (to the page the person came for, or their landing page).
 */
export async function finishSignIn(token: string, userId: number): Promise<void> {
  await setSessionCookie(token);
  await clearPendingSignIn();
  await rememberThisBrowser(userId);
}

/** The accounts this browser is known to (lib/auth/known-device.ts), verified. */
export async function knownDevicesOfThisBrowser(): Promise<KnownDevice[]> {
  return knownDevicesIn(await portalCookie(KNOWN_DEVICE_COOKIE));
}

/**
 * After both sign-in steps (or a password reset, which proves more): this browser is one of the
 * account's own from now on, so strangers' wrong passwords for the address do not pause it.
 */
export async function rememberThisBrowser(userId: number): Promise<void> {
  await setPortalCookie(KNOWN_DEVICE_COOKIE, rememberDevice(await portalCookie(KNOWN_DEVICE_COOKIE), userId), KNOWN_DEVICE_MAX_AGE_MS);
}

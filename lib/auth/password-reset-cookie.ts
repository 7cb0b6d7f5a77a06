/**
 * Between the reset link's "Continue" and the new password, the browser holds a short-lived,
 * httpOnly cookie: the link's token and, once the second step is proven, the proof. Both are stored
 * in the database only as keyed hashes and checked on every use; the cookie is sealed with the app
 * key so neither rests in clear in the browser.
 */
import { sealedCookie } from './portal-cookies';
import { PENDING_TIMEOUT_MS } from './sessions';

export interface PasswordResetCookie {
  token: string;
  proof?: string;
}

const cookie = sealedCookie<PasswordResetCookie>('portal-password-reset', 'password-reset-cookie', PENDING_TIMEOUT_MS);

export const savePasswordResetCookie = (value: PasswordResetCookie) => cookie.save(value);
export const clearPasswordResetCookie = () => cookie.clear();

export async function readPasswordResetCookie(): Promise<PasswordResetCookie | null> {
  const stored = (await cookie.read()) as Partial<PasswordResetCookie> | null;
  return typeof stored?.token === 'string' ? { token: stored.token, proof: typeof stored.proof === 'string' ? stored.proof : undefined } : null;
}

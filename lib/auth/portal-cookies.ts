/**
 * The portal's own cookies, all alike: httpOnly (no page script reads them), same-site lax, on every
 * path, and secure when the portal is served over HTTPS. In-progress state that must not be read or
 * altered in the browser (a sign-up, a set-up, a reset) is sealed with the app key (AES-256-GCM).
 */
import { cookies } from 'next/headers';
import { seal, unseal } from '@/lib/crypto/secrets';

export const secureCookies = () => (process.env.PORTAL_URL ?? '').startsWith('https://');

export async function setPortalCookie(name: string, value: string, maxAgeMs: number): Promise<void> {
  (await cookies()).set(name, value, { httpOnly: true, sameSite: 'lax', secure: secureCookies(), path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

export async function portalCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

export async function clearPortalCookie(name: string): Promise<void> {
  (await cookies()).delete(name);
}

/**
 * A cookie holding a sealed JSON value. `read` gives back what was saved, or null when the cookie is
 * missing, was sealed for another purpose, or was tampered with; the caller still checks its shape.
 */
export function sealedCookie<T>(name: string, purpose: string, maxAgeMs: number) {
  return {
    save: (value: T) => setPortalCookie(name, seal(JSON.stringify(value), purpose), maxAgeMs),
    async read(): Promise<unknown> {
      const value = await portalCookie(name);
      if (!value) return null;
      try {
        return JSON.parse(unseal(value, purpose)) as unknown;
      } catch {
        return null;
      }
    },
    clear: () => clearPortalCookie(name),
  };
}

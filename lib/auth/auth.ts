/**
 * The browser's session cookie: httpOnly, encrypted in next-auth's JWT format (next-auth/jwt), and
 * carrying one thing: the random token of a server-side session (lib/auth/sessions.ts). The database
 * decides whether that session is still valid, so idle and absolute expiry, sign-out and "sign out
 * everywhere" hold on every app server.
 *
 * The portal writes and removes this cookie itself, in its own server actions, and serves none of
 * next-auth's endpoints: those would tell page scripts about the session (/api/auth/session), turn a
 * session token into a cookie (/api/auth/callback) or drop the cookie while leaving the database
 * session alive (/api/auth/signout).
 */
import { decode, encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { hkdfSync } from 'node:crypto';
import { appSecret } from '@/lib/crypto/app-secret';
import { secureCookies, setPortalCookie } from './portal-cookies';
import { ABSOLUTE_TIMEOUT_MS } from './sessions';

let derivedSecret: string | undefined;

function authSecret(): string {
  derivedSecret ??= process.env.AUTH_SECRET ?? Buffer.from(hkdfSync('sha256', appSecret(), Buffer.alloc(0), 'portal:next-auth', 32)).toString('base64');
  return derivedSecret;
}


/** Both steps passed: the session's (new) token goes into the encrypted, httpOnly session cookie. */
export async function setSessionCookie(token: string): Promise<void> {
  const name = secureCookies() ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
  const value = await encode({ token: { sid: token }, secret: authSecret(), salt: name, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
  await setPortalCookie(name, value, ABSOLUTE_TIMEOUT_MS);
}

/** Removes the session cookie (the caller ends the database session first, where there is one). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.get(name)) jar.delete(name);
}

/** The cookie's names (next-auth's): the `__Secure-` one when the portal is served over HTTPS. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];
const MAX_REMEMBERED_COOKIES = 10_000;
const remembered = new Map<string, { token: string | null; expiresAt: number }>();

/**
 * The server-side session token in this request's cookie, or null. Decrypting derives the cookie's
 * key anew each time, and a cookie's contents never change, so each
 * distinct cookie is decrypted once and remembered until it expires; whether the session is still
 * valid is asked of the database on every request all the same (sessions.ts).
 */
export async function sessionTokenFromCookie(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return decodeSessionCookie(value, name);
  }
  return null;
}

async function decodeSessionCookie(value: string, name: string): Promise<string | null> {
  const now = Date.now();
  const known = remembered.get(value);
  if (known && known.expiresAt > now) return known.token;
  const claims: { sid?: unknown; exp?: unknown } | null = await decode({ token: value, secret: authSecret(), salt: name }).catch(
    // Not a cookie this portal made (or made with another secret): nobody is signed in.
    () => null,
  );
  const token = typeof claims?.sid === 'string' ? claims.sid : null;
  const expiresAt = typeof claims?.exp === 'number' ? claims.exp * 1000 : now + 60_000;
  if (remembered.size >= MAX_REMEMBERED_COOKIES) remembered.delete(remembered.keys().next().value!);
  remembered.set(value, { token, expiresAt });
  return token;
}

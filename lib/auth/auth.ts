/**
 * next-auth keeps the browser's session cookie (encrypted, httpOnly). It carries one thing: the
 * random token of a server-side session (lib/auth/sessions.ts). The database decides whether that
 * session is still valid, so idle and absolute expiry, sign-out and "sign out everywhere" hold on
 * every app server.
 */
import NextAuth, { type NextAuthResult } from 'next-auth';
import { decode } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { hkdfSync } from 'node:crypto';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { appSecret } from '@/lib/crypto/app-secret';
import { ABSOLUTE_TIMEOUT_MS, checkSession } from './sessions';

let derivedSecret: string | undefined;

function authSecret(): string {
  derivedSecret ??= process.env.AUTH_SECRET ?? Buffer.from(hkdfSync('sha256', appSecret(), Buffer.alloc(0), 'portal:next-auth', 32)).toString('base64');
  return derivedSecret;
}

const nextAuth: NextAuthResult = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      id: 'second-step',
      credentials: { token: {} },
      // Called only after both steps succeeded; it turns the completed server-side session into the cookie.
      async authorize(credentials) {
        const token = typeof credentials?.token === 'string' ? credentials.token : null;
        const check = await checkSession(getDb(), systemClock, token);
        if (check.status !== 'active') return null;
        return { id: String(check.user.id), sessionToken: token } as { id: string; sessionToken: string };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && 'sessionToken' in user) token.sid = user.sessionToken as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
}));

export const { handlers, auth, signIn, signOut } = nextAuth;

/** next-auth's cookie names: the `__Secure-` one when the portal is served over HTTPS. */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];
const MAX_REMEMBERED_COOKIES = 10_000;
const remembered = new Map<string, { token: string | null; expiresAt: number }>();

/**
 * The server-side session token in this request's cookie, or null. What `auth()` answers, for a
 * fraction of its cost: `auth()` decrypts the cookie (deriving its key anew each time) and then
 * encrypts a refreshed one that a page cannot even send. A cookie's contents never change, so each
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

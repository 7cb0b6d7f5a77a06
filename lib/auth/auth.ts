/**
 * next-auth keeps the browser's session cookie (encrypted, httpOnly). It carries one thing: the
 * random token of a server-side session (lib/auth/sessions.ts). The database decides whether that
 * session is still valid, so idle and absolute expiry, sign-out and "sign out everywhere" hold on
 * every app server.
 */
import NextAuth, { type NextAuthResult } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { hkdfSync } from 'node:crypto';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { appSecret } from '@/lib/crypto/app-secret';
import { ABSOLUTE_TIMEOUT_MS, checkSession } from './sessions';

function authSecret(): string {
  return process.env.AUTH_SECRET ?? Buffer.from(hkdfSync('sha256', appSecret(), Buffer.alloc(0), 'portal:next-auth', 32)).toString('base64');
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

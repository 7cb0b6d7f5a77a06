/**
 * What pages, server actions and route handlers use to know who is asking. Every one of them calls
 * `requireUser` (or `requireArea`) itself: server actions skip layouts, so a check in a layout
 * protects nothing.
 */
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { sessionTokenFromCookie } from './auth';
import { mayEnter, type Area } from './policy';
import { checkSession, type SessionCheck } from './sessions';
import { safeReturnPath } from './return-path';

export type ActiveSession = Extract<SessionCheck, { status: 'active' }>;

/** The session of this request, looked up once per request. */
export const getAuthState = cache(async (): Promise<SessionCheck> => {
  return checkSession(getDb(), systemClock, await sessionTokenFromCookie());
});

export async function currentSession(): Promise<ActiveSession | null> {
  const state = await getAuthState();
  return state.status === 'active' ? state : null;
}

/**
 * The signed-in user, or a redirect to sign in that remembers the page to return to and why
 * (an idle or 12-hour expiry is said so on the sign-in page).
 */
export async function requireUser(): Promise<ActiveSession> {
  const state = await getAuthState();
  if (state.status === 'active') return state;
  const returnTo = (await headers()).get('x-pathname') ?? '/';
  const params = new URLSearchParams({ returnTo: safeReturnPath(returnTo) });
  if (state.status === 'expired') params.set('reason', state.reason);
  return redirect({ href: `/sign-in?${params}`, locale: await getLocale() });
}

/** Signed in and allowed in this part of the portal; anyone else gets "not found", as for a page that does not exist. */
export async function requireArea(area: Area): Promise<ActiveSession> {
  const session = await requireUser();
  if (!mayEnter(session.user, area)) notFound();
  return session;
}

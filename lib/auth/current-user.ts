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
import { localePath, type Locale } from '@/lib/i18n/routing';
import { notFoundResponse } from '@/lib/http/download';
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
  return redirect({ href: await signInHref(state), locale: await getLocale() });
}

async function signInHref(state: SessionCheck): Promise<string> {
  const returnTo = (await headers()).get('x-pathname') ?? '/';
  const params = new URLSearchParams({ returnTo: safeReturnPath(returnTo) });
  if (state.status === 'expired') params.set('reason', state.reason);
  return `/sign-in?${params}`;
}

/** Signed in and allowed in this part of the portal; anyone else gets "not found", as for a page that does not exist. */
export async function requireArea(area: Area): Promise<ActiveSession> {
  const session = await requireUser();
  if (!mayEnter(session.user, area)) notFound();
  return session;
}

/**
 * requireArea for route handlers, which answer with a Response rather than render: the session, or
 * the answer to send instead — the same sign-in redirect a page gives (coming back to this address
 * after), or the same "not found" for someone outside the area.
 */
export async function sessionForRoute(area: Area, locale: Locale): Promise<ActiveSession | Response> {
  const state = await getAuthState();
  if (state.status !== 'active') {
    return new Response(null, { status: 307, headers: { Location: localePath(await signInHref(state), locale), 'Cache-Control': 'private, no-store' } });
  }
  if (!mayEnter(state.user, area)) return notFoundResponse(locale);
  return state;
}

'use server';
/**
 * What the idle warning in the browser asks the server: how much time is left (without that
 * question counting as activity), "stay signed in", and "my countdown reached zero". None of them
 * calls requireUser: it would redirect instead of answering and would count as activity. Each acts
 * only on the caller's own session, found from the caller's cookie, and answers "ended" without it.
 */
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { sessionTokenFromCookie, clearSessionCookie } from '../auth';
import { safeReturnPath } from '../return-path';
import { endSessionIfTimedOut, sessionTimeState, staySignedIn, type SessionTimeState } from '../session-lifecycle';

const requestId = async () => (await headers()).get('x-request-id');

export async function sessionTimeAction(): Promise<SessionTimeState> {
  return sessionTimeState(getDb(), systemClock, await sessionTokenFromCookie());
}

export async function staySignedInAction(): Promise<SessionTimeState> {
  return staySignedIn(getDb(), systemClock, { token: await sessionTokenFromCookie(), requestId: await requestId() });
}

/**
 * The countdown in the browser ran out. When the session really has ended (or ends now), the cookie
 * goes and the browser is sent to sign in, told why, with the page to come back to. When another tab
 * kept it alive, its time left is returned and nothing ends.
 */
export async function endTimedOutSessionAction(returnTo: unknown): Promise<SessionTimeState> {
  const state = await endSessionIfTimedOut(getDb(), systemClock, { token: await sessionTokenFromCookie(), requestId: await requestId() });
  if (state.status === 'active') return state;
  await clearSessionCookie();
  const query = new URLSearchParams({ returnTo: safeReturnPath(typeof returnTo === 'string' ? returnTo : null) });
  if (state.reason) query.set('reason', state.reason);
  return redirect({ href: `/sign-in?${query}`, locale: await getLocale() });
}

'use server';
/**
 * Sign out: ends the server-side session (so the cookie is worthless even if copied), removes the
 * cookie, and says so on the sign-in page. It asks no policy and does not require a live session:
 * it only ever acts on the caller's own session, and someone whose session already ended must
 * still be able to press the button and land somewhere sensible.
 */
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { systemClock } from '@/lib/clock';
import { redirect } from '@/lib/i18n/navigation';
import { sessionTokenFromCookie, clearSessionCookie } from '../auth';
import { clearPendingSignIn } from '../pending-sign-in';
import { endSignedInSession } from '../session-lifecycle';

export async function signOutAction(): Promise<void> {
  const token = await sessionTokenFromCookie();
  if (token) {
    await endSignedInSession(getDb(), systemClock, { token, reason: 'sign_out', requestId: (await headers()).get('x-request-id') });
  }
  await clearSessionCookie();
  await clearPendingSignIn();
  redirect({ href: '/sign-in?signedOut=1', locale: await getLocale() });
}

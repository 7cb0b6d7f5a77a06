/** The confirmation letter of the requester's scheduled appointment, as a PDF in the page's language. */
import { getDb } from '@/db/client';
import { appointmentLetterFor } from '@/lib/appointment-requests/appointment-documents';
import { sessionForRoute } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { downloadResponse, notFoundResponse } from '@/lib/http/download';
import { isLocale, routing } from '@/lib/i18n/routing';
import { notificationConfig } from '@/lib/notifications/config';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/appointments/[reference]/letter'>) {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return notFoundResponse(routing.defaultLocale);
  const session = await sessionForRoute('cases', locale);
  if (session instanceof Response) return session;
  const file = await appointmentLetterFor(getDb(), session.user, reference, locale, { now: systemClock.now(), portalUrl: notificationConfig().portalUrl });
  return file ? downloadResponse(file) : notFoundResponse(locale);
}

/** The calendar file of a case's biometrics appointment, in the centre's time zone. */
import { getDb } from '@/db/client';
import { biometricsCalendarFor } from '@/lib/biometrics/biometrics-documents';
import { sessionForRoute } from '@/lib/auth/current-user';
import { systemClock } from '@/lib/clock';
import { downloadResponse, notFoundResponse } from '@/lib/http/download';
import { isLocale, routing } from '@/lib/i18n/routing';
import { notificationConfig } from '@/lib/notifications/config';
import { normaliseReceiptNumber } from '@/lib/cases/receipt-number';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/cases/[receipt]/biometrics/calendar'>) {
  const { locale, receipt } = await params;
  if (!isLocale(locale)) return notFoundResponse(routing.defaultLocale);
  const session = await sessionForRoute('cases', locale);
  if (session instanceof Response) return session;
  const receiptNumber = normaliseReceiptNumber(receipt);
  const file = receiptNumber ? await biometricsCalendarFor(getDb(), session.user, receiptNumber, locale, { now: systemClock.now(), portalUrl: notificationConfig().portalUrl }) : null;
  return file ? downloadResponse(file) : notFoundResponse(locale);
}

/**
 * What a person downloads for a case's biometrics appointment (spec §6): the appointment notice as a
 * PDF (centres require a printed one) and its calendar file, in the language of the page. Only for a
 * case the person may see (the applicant, or a linked representative); otherwise null, like a case
 * that does not exist.
 */
import { createTranslator } from 'next-intl';
import type { DbOrTx } from '@/db/client';
import type { User } from '@/db/schema';
import { icsCalendar } from '@/lib/calendar/ics';
import { caseForViewer } from '@/lib/cases/case-views';
import type { DownloadableFile } from '@/lib/http/download';
import { loadMessages } from '@/lib/i18n/messages';
import { FORMAT_LOCALES, type Locale } from '@/lib/i18n/routing';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { renderLetterPdf } from '@/lib/pdf/letter-pdf';
import { biometricsAppointmentOf } from './biometrics-views';

export interface DocumentOptions {
  now: Date;
  /** The portal's public address (PORTAL_URL): printed on the notice, and the calendar event's UID domain. */
  portalUrl: string;
}

const translator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale) });
const translators = new Map<Locale, ReturnType<typeof translator>>();
const translatorOf = (locale: Locale) => translators.get(locale) ?? translators.set(locale, translator(locale)).get(locale)!;

async function scheduledBiometrics(db: DbOrTx, viewer: User, receiptNumber: string) {
  const theCase = await caseForViewer(db, viewer, receiptNumber);
  if (!theCase) return null;
  const found = await biometricsAppointmentOf(db, theCase.id);
  return found ? { theCase, ...found } : null;
}

export async function biometricsNoticeFor(db: DbOrTx, viewer: User, receiptNumber: string, locale: Locale, options: DocumentOptions): Promise<DownloadableFile | null> {
  const found = await scheduledBiometrics(db, viewer, receiptNumber);
  if (!found) return null;
  const { theCase, appointment, asc } = found;
  const t = translatorOf(locale);
  const format = (at: Date, timeZone: string, style: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { ...style, timeZone }).format(at);
  const agency = t('notifications.common.agency');
  const portal = options.portalUrl.replace(/\/+$/, '');
  const name = `${theCase.applicantGivenName} ${theCase.applicantFamilyName}`.trim();
  const when = format(appointment.startsAt, asc.timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const body = await renderLetterPdf({
    title: t('biometrics.notice.title', { receiptNumber: theCase.receiptNumber }),
    language: FORMAT_LOCALES[locale],
    author: agency,
    subject: t('biometrics.notice.subject'),
    letterhead: [agency.toUpperCase(), t('notifications.common.website', { url: portal })],
    blocks: [
      { kind: 'facts', rows: [{ label: t('biometrics.notice.dateLabel'), value: format(options.now, AGENCY_TIME_ZONE, { dateStyle: 'long' }) }] },
      { kind: 'paragraph', text: t('biometrics.notice.intro', { name }) },
      {
        kind: 'facts',
        rows: [
          { label: t('biometrics.notice.nameLabel'), value: name },
          { label: t('biometrics.notice.receiptLabel'), value: theCase.receiptNumber },
          { label: t('biometrics.notice.whenLabel'), value: when },
          { label: t('biometrics.notice.placeLabel'), value: asc.name },
          { label: t('biometrics.notice.addressLabel'), value: `${asc.street}, ${asc.city}, ${asc.state} ${asc.zip}` },
        ],
      },
      { kind: 'paragraph', text: t('biometrics.notice.localTime') },
      { kind: 'heading', text: t('biometrics.notice.bringTitle') },
      { kind: 'bullets', items: [t('biometrics.notice.bring.notice'), t('biometrics.notice.bring.id')] },
      { kind: 'heading', text: t('biometrics.notice.changeTitle') },
      { kind: 'paragraph', text: t('biometrics.notice.change', { url: portal }) },
    ],
    pageLabel: (page, pages) => t('biometrics.notice.page', { page, pages }),
    createdAt: options.now,
  });
  return { filename: `biometrics-${theCase.receiptNumber}.pdf`, contentType: 'application/pdf', body };
}

export async function biometricsCalendarFor(db: DbOrTx, viewer: User, receiptNumber: string, locale: Locale, options: DocumentOptions): Promise<DownloadableFile | null> {
  const found = await scheduledBiometrics(db, viewer, receiptNumber);
  if (!found) return null;
  const { theCase, appointment, asc } = found;
  const t = translatorOf(locale);
  const body = icsCalendar({
    // One event per appointment time: a rescheduled appointment is a new event.
    uid: `biometrics-${appointment.id}-${appointment.startsAt.getTime()}@${new URL(options.portalUrl).hostname}`,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    timeZone: asc.timeZone,
    summary: t('biometrics.calendar.summary', { receiptNumber: theCase.receiptNumber }),
    location: `${asc.name}, ${asc.street}, ${asc.city}, ${asc.state} ${asc.zip}`,
    description: t('biometrics.calendar.description'),
    stampedAt: options.now,
  });
  return { filename: `biometrics-${theCase.receiptNumber}.ics`, contentType: 'text/calendar; charset=utf-8', body };
}

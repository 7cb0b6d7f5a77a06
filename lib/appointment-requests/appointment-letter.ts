/**
 * The confirmation letter of a scheduled field-office appointment (spec §5), as a PDF the requester
 * downloads and prints, in English or Spanish: who, why, when (in the office's time and zone, which
 * is where the person has to be), where, what to bring, how to cancel or change it, and the
 * accommodations they asked for.
 */
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/messages';
import { FORMAT_LOCALES, localePath, type Locale } from '@/lib/i18n/routing';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { renderLetterPdf, type LetterBlock } from '@/lib/pdf/letter-pdf';
import { officeAddressLine, type OfficeAddress } from './appointment-calendar';
import { reasonText, type RequestReason } from './reasons';

export interface AppointmentLetterInput {
  locale: Locale;
  reference: string;
  reason: RequestReason;
  otherReason: string | null;
  accommodations: string | null;
  /** The person the appointment is for. */
  personName: string;
  /** A representative who asked on the person's behalf; null when the person asked themselves. */
  requestedBy: string | null;
  /** The related case's receipt number, if the request named one. */
  receiptNumber: string | null;
  startsAt: Date;
  office: OfficeAddress & { name: string; timeZone: string };
  /** The date printed on the letter. */
  issuedAt: Date;
  /** Where to sign in, e.g. "https://portal.example.gov". */
  portalUrl: string;
}

/** The address of the request's page in the portal, in the letter's language. */
export const requestPagePath = (reference: string, locale: Locale) => localePath(`/appointments/${reference}`, locale);

export const appointmentLetterFilename = (reference: string) => `appointment-${reference}.pdf`;

const translators = new Map<Locale, ReturnType<typeof translator>>();
const translator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale) });
const translatorFor = (locale: Locale) => translators.get(locale) ?? translators.set(locale, translator(locale)).get(locale)!;

/** Formatters are costly to build: one per language (and office zone), kept for the process. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let known = dateFormats.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(FORMAT_LOCALES[locale], { ...options, timeZone });
    dateFormats.set(key, known);
  }
  return known;
}

const APPOINTMENT_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

export async function appointmentLetterPdf(input: AppointmentLetterInput): Promise<Uint8Array> {
  const t = translatorFor(input.locale);
  const agency = t('notifications.common.agency');
  // In the office's zone, with its abbreviation: that is where the person has to be.
  const when = dateFormat(input.locale, input.office.timeZone, APPOINTMENT_TIME).format(input.startsAt);
  const letterDate = dateFormat(input.locale, AGENCY_TIME_ZONE, { dateStyle: 'long' }).format(input.issuedAt);
  const portal = input.portalUrl.replace(/\/+$/, '');

  const facts = [
    { label: t('letters.appointmentLetter.referenceLabel'), value: input.reference },
    { label: t('letters.appointmentLetter.nameLabel'), value: input.personName },
    ...(input.requestedBy ? [{ label: t('letters.appointmentLetter.requestedByLabel'), value: input.requestedBy }] : []),
    ...(input.receiptNumber ? [{ label: t('letters.appointmentLetter.receiptLabel'), value: input.receiptNumber }] : []),
    { label: t('letters.appointmentLetter.reasonLabel'), value: reasonText(loadMessages(input.locale).appointments, input.reason, input.otherReason) },
    { label: t('letters.appointmentLetter.whenLabel'), value: when },
    { label: t('letters.appointmentLetter.officeLabel'), value: input.office.name },
    { label: t('letters.appointmentLetter.addressLabel'), value: officeAddressLine(input.office) },
  ];
  const bring = [
    t('letters.appointmentLetter.bring.letter'),
    t('letters.appointmentLetter.bring.id'),
    t(`letters.appointmentLetter.bring.${input.reason}`),
    // The named reasons already say which passport or papers; "Other" covers several situations.
    ...(input.reason === 'other' ? [t('letters.appointmentLetter.bring.passport')] : []),
  ];
  const accommodations = input.accommodations?.trim();
  const blocks: LetterBlock[] = [
    { kind: 'facts', rows: [{ label: t('letters.appointmentLetter.dateLabel'), value: letterDate }] },
    { kind: 'paragraph', text: t('letters.appointmentLetter.intro', { name: input.personName }) },
    { kind: 'paragraph', text: t('letters.appointmentLetter.scheduled') },
    { kind: 'facts', rows: facts },
    { kind: 'paragraph', text: t('letters.appointmentLetter.localTime') },
    { kind: 'heading', text: t('letters.appointmentLetter.bringTitle') },
    { kind: 'bullets', items: bring },
    ...(accommodations
      ? ([
          { kind: 'heading', text: t('letters.appointmentLetter.accommodationsTitle') },
          { kind: 'paragraph', text: t('letters.appointmentLetter.accommodations', { accommodations }) },
        ] satisfies LetterBlock[])
      : []),
    { kind: 'heading', text: t('letters.appointmentLetter.changeTitle') },
    { kind: 'paragraph', text: t('letters.appointmentLetter.change', { url: portal, path: requestPagePath(input.reference, input.locale) }) },
    { kind: 'paragraph', text: [t('letters.appointmentLetter.signOff'), '', t('letters.appointmentLetter.office'), agency].join('\n') },
  ];

  return renderLetterPdf({
    title: t('letters.appointmentLetter.documentTitle', { reference: input.reference }),
    language: FORMAT_LOCALES[input.locale],
    author: agency,
    subject: t('letters.appointmentLetterTitle'),
    letterhead: [agency.toUpperCase(), t('letters.appointmentLetter.office'), t('notifications.common.website', { url: portal })],
    blocks,
    pageLabel: (page, pages) => t('letters.appointmentLetter.page', { page, pages }),
    createdAt: input.issuedAt,
  });
}

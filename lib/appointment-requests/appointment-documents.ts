/**
 * What a requester can download for a scheduled appointment (spec §5): its confirmation letter (PDF)
 * and its calendar file, in the language of the page they came from. Only the requester's own
 * request with an appointment still scheduled has them; any other reference (someone else's, one
 * that does not exist or is mistyped, one with no appointment) gets the same null, so the answer
 * says nothing about other people's requests.
 */
import { and, desc, eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { DbOrTx } from '@/db/client';
import { appointmentRequests, appointments, cases, fieldOffices, type User } from '@/db/schema';
import { displayName } from '@/lib/auth/account-summary';
import { loadMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import type { DownloadableFile } from '@/lib/http/download';
import { appointmentCalendarFile } from './appointment-calendar';
import { appointmentLetterFilename, appointmentLetterPdf } from './appointment-letter';
import { isRequestReason } from './reasons';
import { normaliseRequestReference } from './reference';

/** The request, its scheduled appointment and the appointment's office (which the officer chose). */
export async function scheduledAppointmentForRequester(db: DbOrTx, requester: Pick<User, 'id'>, reference: string) {
  const normalised = normaliseRequestReference(reference);
  if (!normalised) return null;
  const [row] = await db
    .select({
      request: appointmentRequests,
      appointment: appointments,
      office: fieldOffices,
      receiptNumber: cases.receiptNumber,
      applicantGivenName: cases.applicantGivenName,
      applicantFamilyName: cases.applicantFamilyName,
    })
    .from(appointmentRequests)
    .innerJoin(appointments, and(eq(appointments.requestId, appointmentRequests.id), eq(appointments.status, 'scheduled')))
    .innerJoin(fieldOffices, eq(fieldOffices.id, appointments.fieldOfficeId))
    .leftJoin(cases, eq(cases.id, appointmentRequests.caseId))
    .where(
      and(
        eq(appointmentRequests.reference, normalised),
        eq(appointmentRequests.requesterId, requester.id),
        eq(appointmentRequests.status, 'appointment_scheduled'),
      ),
    )
    .orderBy(desc(appointments.id))
    .limit(1);
  return row ?? null;
}

export interface DocumentOptions {
  now: Date;
  /** The portal's public address (PORTAL_URL): printed on the letter, and the calendar event's UID domain. */
  portalUrl: string;
}

/** The confirmation letter, or null when this person has no scheduled appointment under that reference. */
export async function appointmentLetterFor(
  db: DbOrTx,
  requester: Pick<User, 'id' | 'role' | 'givenName' | 'familyName' | 'email'>,
  reference: string,
  locale: Locale,
  options: DocumentOptions,
): Promise<DownloadableFile | null> {
  const found = await scheduledAppointmentForRequester(db, requester, reference);
  if (!found) return null;
  const { request, appointment, office } = found;
  const reason = request.reason;
  if (!isRequestReason(reason)) return null;
  // A representative asks for a client: the letter is for the client, and says who asked.
  const client = requester.role === 'representative' && found.applicantGivenName !== null ? `${found.applicantGivenName} ${found.applicantFamilyName ?? ''}`.trim() : null;
  const bytes = await appointmentLetterPdf({
    locale,
    reference: request.reference,
    reason,
    otherReason: request.otherReason,
    accommodations: request.accommodations,
    personName: client ?? displayName(requester),
    requestedBy: client ? displayName(requester) : null,
    receiptNumber: found.receiptNumber,
    startsAt: appointment.startsAt,
    office: { name: office.name, street: office.street, city: office.city, state: office.state, zip: office.zip, timeZone: office.timeZone },
    issuedAt: options.now,
    portalUrl: options.portalUrl,
  });
  return { filename: appointmentLetterFilename(request.reference), contentType: 'application/pdf', body: bytes };
}

const calendarWords = new Map<Locale, ReturnType<typeof calendarTranslator>>();
const calendarTranslator = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale), namespace: 'notifications.appointmentRequestOutcome.calendar' });

/** The appointment's calendar file: the same event (UID) as the one the scheduling email carried. */
export async function appointmentCalendarFor(
  db: DbOrTx,
  requester: Pick<User, 'id'>,
  reference: string,
  locale: Locale,
  options: DocumentOptions,
): Promise<DownloadableFile | null> {
  const found = await scheduledAppointmentForRequester(db, requester, reference);
  if (!found) return null;
  const { request, appointment, office } = found;
  const t = calendarWords.get(locale) ?? calendarWords.set(locale, calendarTranslator(locale)).get(locale)!;
  const file = appointmentCalendarFile({
    reference: request.reference,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    timeZone: office.timeZone,
    officeName: office.name,
    address: office,
    summary: t('summary', { reference: request.reference }),
    description: t('description'),
    portalUrl: options.portalUrl,
    stampedAt: options.now,
  });
  return { filename: file.filename, contentType: 'text/calendar; charset=utf-8', body: file.content };
}

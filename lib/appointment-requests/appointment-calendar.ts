/**
 * The calendar file of a scheduled field-office appointment: the one attached to the email that
 * announces it and the one the requester downloads from the portal are built here, so both carry
 * the same event (same UID) and a calendar that receives both keeps one entry.
 */
import { icsCalendar } from '@/lib/calendar/ics';
import type { Attachment } from '@/lib/notifications/templates/layout';

export interface OfficeAddress {
  street: string;
  city: string;
  state: string;
  zip: string;
}

/** "1 Main St, Newark, NJ 07102": one line, as emails, letters and calendars print it. */
export const officeAddressLine = (office: OfficeAddress) => `${office.street}, ${office.city}, ${office.state} ${office.zip}`;

export interface AppointmentCalendarInput {
  reference: string;
  startsAt: Date;
  endsAt: Date;
  /** The office's IANA zone: the event is in the time of the place where it happens. */
  timeZone: string;
  officeName: string;
  address: OfficeAddress;
  /** In the requester's language. */
  summary: string;
  description: string;
  /** The UID's domain: the portal's host. */
  portalUrl: string;
  stampedAt: Date;
}

export const appointmentCalendarFilename = (reference: string) => `appointment-${reference}.ics`;

export function appointmentCalendarFile(input: AppointmentCalendarInput): Attachment {
  return {
    filename: appointmentCalendarFilename(input.reference),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: icsCalendar({
      // The same for every file of this appointment, so a calendar replaces rather than duplicates it;
      // a new time is a new appointment (a new event).
      uid: `${input.reference}-${input.startsAt.getTime()}@${new URL(input.portalUrl).hostname}`,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone,
      summary: input.summary,
      location: `${input.officeName}, ${officeAddressLine(input.address)}`,
      description: input.description,
      stampedAt: input.stampedAt,
    }),
  };
}

import { loadMessages } from '@/lib/i18n/messages';
import { OTHER_REASONS, REQUEST_REASONS, type OtherReason, type RequestReason } from '@/lib/appointment-requests/reasons';
import type { TemplateDefinition } from '../templates';
import { icsCalendar } from '@/lib/calendar/ics';
import { TemplateError } from './helpers';

/** An appointment request was submitted: its reference number, in the requester's language. */
export const appointmentRequestSubmittedMessage: TemplateDefinition<'appointment-request-submitted'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, language }) {
    const { reference, reason, otherReason, officeName, urgent, contactPreference } = payload;
    if (!(REQUEST_REASONS as readonly string[]).includes(reason)) throw new TemplateError(`unknown reason "${reason}"`);
    const labels = loadMessages(language).appointments;
    const reasonText =
      reason === 'other' && otherReason && (OTHER_REASONS as readonly string[]).includes(otherReason)
        ? `${labels.reasons.other}: ${labels.otherReasons[otherReason as OtherReason]}`
        : labels.reasons[reason as RequestReason];
    return {
      subject: t('appointmentRequestSubmitted.subject', { reference }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('appointmentRequestSubmitted.intro') },
        {
          kind: 'facts',
          rows: [
            { label: t('appointmentRequestSubmitted.referenceLabel'), value: reference },
            { label: t('appointmentRequestSubmitted.reasonLabel'), value: reasonText },
            { label: t('appointmentRequestSubmitted.officeLabel'), value: officeName },
          ],
        },
        { kind: 'paragraph', text: t(`appointmentRequestSubmitted.next.${urgent ? 'urgent' : 'regular'}`, { contact: t(`appointmentRequestSubmitted.contact.${contactPreference}`) }) },
        { kind: 'paragraph', text: t('appointmentRequestSubmitted.follow') },
      ],
      sms: t('appointmentRequestSubmitted.sms', { reference }),
    };
  },
};

/**
 * What became of a request: an appointment (when, where, what to bring), no appointment needed (the
 * officer's message), a question (and how the officer will follow up), or its cancellation.
 */
export const appointmentRequestOutcomeMessage: TemplateDefinition<'appointment-request-outcome'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, format, portalUrl, now }) {
    const { reference, outcome } = payload;
    const subject = t(`appointmentRequestOutcome.subject.${outcome}`, { reference });
    const intro = { kind: 'paragraph' as const, text: t(`appointmentRequestOutcome.intro.${outcome}`) };
    const referenceRow = { label: t('appointmentRequestOutcome.referenceLabel'), value: reference };
    if (outcome === 'scheduled') {
      const { appointment } = payload;
      const startsAt = new Date(appointment?.startsAt ?? '');
      if (!appointment || Number.isNaN(startsAt.getTime())) throw new TemplateError('a scheduled outcome needs the appointment');
      // In the office's zone, with its abbreviation: that is where the person has to be.
      const when = format.dateTime(startsAt, {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: appointment.timeZone,
        timeZoneName: 'short',
      });
      const address = `${appointment.street}, ${appointment.city}, ${appointment.state} ${appointment.zip}`;
      return {
        subject,
        greeting: t('oneTimeCode.greeting'),
        blocks: [
          intro,
          {
            kind: 'facts',
            rows: [
              referenceRow,
              { label: t('appointmentRequestOutcome.whenLabel'), value: when },
              { label: t('appointmentRequestOutcome.officeLabel'), value: appointment.officeName },
              { label: t('appointmentRequestOutcome.addressLabel'), value: address },
            ],
          },
          { kind: 'paragraph', text: t('appointmentRequestOutcome.bringTitle') },
          { kind: 'steps', items: (['notice', 'id', 'passport', 'evidence'] as const).map((item) => t(`appointmentRequestOutcome.bring.${item}`)) },
          { kind: 'paragraph', text: t('appointmentRequestOutcome.arrive') },
        ],
        sms: t('appointmentRequestOutcome.sms.scheduled', { reference, when, office: appointment.officeName }),
        attachments: [
          {
            filename: `appointment-${reference}.ics`,
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: icsCalendar({
              // The same for every file of this appointment, so a calendar replaces rather than duplicates it.
              uid: `${reference}-${startsAt.getTime()}@${new URL(portalUrl).hostname}`,
              startsAt,
              endsAt: new Date(appointment.endsAt),
              timeZone: appointment.timeZone,
              summary: t('appointmentRequestOutcome.calendar.summary', { reference }),
              location: `${appointment.officeName}, ${address}`,
              description: t('appointmentRequestOutcome.calendar.description'),
              stampedAt: now,
            }),
          },
        ],
      };
    }
    const blocks = [intro, ...(payload.message ? [{ kind: 'paragraph' as const, text: payload.message }] : [])];
    if (outcome === 'more_info') {
      blocks.push({ kind: 'paragraph', text: t('appointmentRequestOutcome.followUp', { contact: t(`appointmentRequestOutcome.contact.${payload.followUpBy ?? 'email'}`) }) });
    }
    return {
      subject,
      greeting: t('oneTimeCode.greeting'),
      blocks: [...blocks, { kind: 'facts', rows: [referenceRow] }],
      sms: t(`appointmentRequestOutcome.sms.${outcome}`, { reference }),
    };
  },
};

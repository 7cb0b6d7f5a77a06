import { loadMessages } from '@/lib/i18n/messages';
import { isRequestReason, reasonText } from '@/lib/appointment-requests/reasons';
import type { TemplateDefinition } from '../templates';
import { appointmentCalendarFile, officeAddressLine } from '@/lib/appointment-requests/appointment-calendar';
import { TemplateError } from './helpers';

/** An appointment request was submitted: its reference number, in the requester's language. */
export const appointmentRequestSubmittedMessage: TemplateDefinition<'appointment-request-submitted'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, language }) {
    const { reference, reason, otherReason, officeName, urgent, contactPreference } = payload;
    if (!isRequestReason(reason)) throw new TemplateError(`unknown reason "${reason}"`);
    const reasonLabel = reasonText(loadMessages(language).appointments, reason, otherReason);
    return {
      subject: t('appointmentRequestSubmitted.subject', { reference }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('appointmentRequestSubmitted.intro') },
        {
          kind: 'facts',
          rows: [
            { label: t('appointmentRequestSubmitted.referenceLabel'), value: reference },
            { label: t('appointmentRequestSubmitted.reasonLabel'), value: reasonLabel },
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
      const address = officeAddressLine(appointment);
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
          appointmentCalendarFile({
            reference,
            startsAt,
            endsAt: new Date(appointment.endsAt),
            timeZone: appointment.timeZone,
            officeName: appointment.officeName,
            address: appointment,
            summary: t('appointmentRequestOutcome.calendar.summary', { reference }),
            description: t('appointmentRequestOutcome.calendar.description'),
            portalUrl,
            stampedAt: now,
          }),
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

import { loadMessages } from '@/lib/i18n/messages';
import { OTHER_REASONS, REQUEST_REASONS, type OtherReason, type RequestReason } from '@/lib/appointment-requests/reasons';
import type { TemplateDefinition } from '../templates';
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

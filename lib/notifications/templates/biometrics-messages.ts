import type { TemplateDefinition } from '../templates';
import { TemplateError } from './helpers';

/**
 * A biometrics appointment was rescheduled: the new time in the centre's zone with its abbreviation,
 * the centre and its address, and the reminder to bring the printed notice. To the person who did
 * it (by email or text, their choice), and to the applicant when their representative did it.
 */
export const biometricsRescheduledMessage: TemplateDefinition<'biometrics-rescheduled'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, format }) {
    const startsAt = new Date(payload.startsAt);
    if (Number.isNaN(startsAt.getTime())) throw new TemplateError('a rescheduled appointment needs its new time');
    const when = format.dateTime(startsAt, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: payload.timeZone,
      timeZoneName: 'short',
    });
    const values = { receiptNumber: payload.receiptNumber, when, place: payload.ascName };
    return {
      subject: t('biometricsRescheduled.subject', { receiptNumber: payload.receiptNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t(payload.byRepresentative ? 'biometricsRescheduled.introRepresentative' : 'biometricsRescheduled.intro', values) },
        {
          kind: 'facts',
          rows: [
            { label: t('biometricsRescheduled.whenLabel'), value: when },
            { label: t('biometricsRescheduled.placeLabel'), value: payload.ascName },
            { label: t('biometricsRescheduled.addressLabel'), value: payload.address },
          ],
        },
        { kind: 'paragraph', text: t('biometricsRescheduled.bring') },
      ],
      sms: t('biometricsRescheduled.sms', values),
    };
  },
};

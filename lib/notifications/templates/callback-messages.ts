import type { TemplateDefinition } from '../templates';
import { TemplateError } from './helpers';

/** A callback was requested: the service request number, when to expect the call, and the number we will call. */
export const callbackRequestedMessage: TemplateDefinition<'callback-requested'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, format }) {
    const dueAt = new Date(payload.dueAt);
    if (Number.isNaN(dueAt.getTime())) throw new TemplateError('a callback request needs its due time');
    const by = format.dateTime(dueAt, { dateStyle: 'long' });
    return {
      subject: t('callbackRequested.subject', { number: payload.serviceRequestNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('callbackRequested.intro') },
        {
          kind: 'facts',
          rows: [
            { label: t('callbackRequested.numberLabel'), value: payload.serviceRequestNumber },
            { label: t('callbackRequested.phoneLabel'), value: payload.phone },
            { label: t('callbackRequested.byLabel'), value: by },
          ],
        },
        { kind: 'paragraph', text: t(`callbackRequested.next.${payload.urgency}`) },
      ],
      sms: t('callbackRequested.sms', { number: payload.serviceRequestNumber }),
    };
  },
};

/** The text-ahead: can the customer take a call in the next 30 minutes? Reply YES or NO. */
export const callbackTextAheadMessage: TemplateDefinition<'callback-text-ahead'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t }) {
    const text = t('callbackTextAhead.sms', { number: payload.serviceRequestNumber });
    return { subject: t('callbackTextAhead.subject'), greeting: '', blocks: [{ kind: 'paragraph', text }], sms: text };
  },
};

/** Two attempts without reaching the customer: the request is closed, and how to ask again. */
export const callbackUnreachableMessage: TemplateDefinition<'callback-unreachable'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, portalUrl }) {
    return {
      subject: t('callbackUnreachable.subject', { number: payload.serviceRequestNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('callbackUnreachable.intro', { number: payload.serviceRequestNumber }) },
        { kind: 'paragraph', text: t('callbackUnreachable.again', { url: `${portalUrl}/callbacks/request` }) },
      ],
      sms: t('callbackUnreachable.sms', { number: payload.serviceRequestNumber }),
    };
  },
};

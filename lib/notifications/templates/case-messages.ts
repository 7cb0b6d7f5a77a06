import { loadMessages } from '@/lib/i18n/messages';
import { isCaseStatusKey } from '@/lib/cases/status-catalogue';
import type { TemplateDefinition } from '../templates';
import { formatCalendarDate, TemplateError } from './helpers';

/** Someone linked a case to an online account: the applicant always hears of it. */
export const caseLinkedMessage: TemplateDefinition<'case-linked'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, portalUrl }) {
    const { receiptNumber, formType, linkedBy } = payload;
    const representative = { name: payload.representativeName ?? '', organisation: payload.organisation ?? '' };
    if (linkedBy === 'applicant') {
      return {
        subject: t('caseLinked.subject.applicant', { receiptNumber }),
        greeting: t('oneTimeCode.greeting'),
        blocks: [
          { kind: 'paragraph', text: t('caseLinked.intro.applicant', { receiptNumber, formType }) },
          { kind: 'paragraph', text: t('caseLinked.notYou', { url: portalUrl }) },
        ],
        sms: t('caseLinked.sms.applicant', { receiptNumber }),
      };
    }
    const which = linkedBy === 'representative_with_applicant_code' ? 'applicantCode' : 'representativeCode';
    return {
      subject: t(`caseLinked.subject.${which}`, { receiptNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t(`caseLinked.intro.${which}`, { receiptNumber, formType, ...representative }) },
        ...(which === 'applicantCode'
          ? [
              { kind: 'paragraph' as const, text: t('caseLinked.applicantCode.ifNotYou') },
              {
                kind: 'steps' as const,
                items: [t('caseLinked.applicantCode.stepNewCode', { url: portalUrl }), t('caseLinked.applicantCode.stepEndAccess')],
              },
            ]
          : [{ kind: 'paragraph' as const, text: t('caseLinked.representativeCode.endAccess') }]),
      ],
      sms: t(`caseLinked.sms.${which}`, { receiptNumber, ...representative }),
    };
  },
};

/** Too many wrong access codes for one receipt number: linking it is paused, and the owner is told. */
export const linkingPausedMessage: TemplateDefinition<'linking-paused'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, format }) {
    const until = new Date(payload.until);
    if (Number.isNaN(until.getTime())) throw new TemplateError('linking-paused needs "until" as an ISO instant');
    const when = format.dateTime(until, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    return {
      subject: t('linkingPaused.subject', { receiptNumber: payload.receiptNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('linkingPaused.intro', { receiptNumber: payload.receiptNumber, until: when }) },
        { kind: 'paragraph', text: t('linkingPaused.safe') },
        { kind: 'paragraph', text: t('linkingPaused.ifYou') },
      ],
      sms: t('linkingPaused.sms', { receiptNumber: payload.receiptNumber, until: when }),
    };
  },
};

/** The applicant ended a representative's access to a case: both are told. */
export const representativeAccessEndedMessage: TemplateDefinition<'representative-access-ended'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t }) {
    const values = { receiptNumber: payload.receiptNumber, formType: payload.formType, name: payload.representativeName };
    return {
      subject: t('accessEnded.subject', { receiptNumber: payload.receiptNumber }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t(`accessEnded.intro.${payload.audience}`, values) },
        { kind: 'paragraph', text: t(`accessEnded.next.${payload.audience}`) },
      ],
      sms: t(`accessEnded.sms.${payload.audience}`, values),
    };
  },
};

/** A new status from the case system, in the agency's wording and the recipient's language. */
export const caseStatusChangedMessage: TemplateDefinition<'case-status-changed'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t, format, language, portalUrl }) {
    const { receiptNumber, formType, status } = payload;
    if (!isCaseStatusKey(status)) throw new TemplateError(`unknown case status "${status}"`);
    const date = formatCalendarDate(format, payload.date);
    const wording = loadMessages(language).caseStatus[status];
    const explanation = wording.explanation.replace('{date}', date);
    return {
      subject: t('caseStatusChanged.subject', { receiptNumber, title: wording.title }),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('caseStatusChanged.intro', { receiptNumber, formType }) },
        { kind: 'facts', rows: [{ label: t('caseStatusChanged.factStatus'), value: wording.title }, { label: t('caseStatusChanged.factDate'), value: date }] },
        { kind: 'paragraph', text: explanation },
        { kind: 'paragraph', text: t('caseStatusChanged.more', { url: portalUrl }) },
      ],
      sms: t('caseStatusChanged.sms', { receiptNumber, title: wording.title, date }),
    };
  },
};

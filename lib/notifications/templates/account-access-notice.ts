import type { TemplateDefinition } from '../templates';
import { displayAccessCode, formatCalendarDate, TemplateError } from './helpers';

/**
 * The Account Access Notice: the online access code for a paper-filed case, mailed to the applicant
 * (emailed to I-134A beneficiaries), and a separate one for the representative of record.
 */
export const accountAccessNotice: TemplateDefinition<'account-access-notice'> = {
  secret: true,
  requiredSecrets: ['code'],
  compose({ payload, secrets, t, format, portalUrl }) {
    const { receiptNumber, formType, applicantName, audience } = payload;
    if (!receiptNumber || !formType || !applicantName) {
      throw new TemplateError('account-access-notice needs receiptNumber, formType and applicantName');
    }
    const code = displayAccessCode(secrets.code);
    const expiresOn = formatCalendarDate(format, payload.expiresOn);
    const forRepresentative = audience === 'representative';

    return {
      subject: forRepresentative
        ? t('accountAccessNotice.subjectRepresentative', { receiptNumber })
        : t('accountAccessNotice.subjectApplicant', { receiptNumber }),
      greeting: forRepresentative
        ? t('accountAccessNotice.greetingRepresentative')
        : t('common.greeting', { name: applicantName }),
      blocks: [
        {
          kind: 'paragraph',
          text: forRepresentative
            ? t('accountAccessNotice.introRepresentative', { formType, applicantName })
            : t('accountAccessNotice.introApplicant', { formType }),
        },
        {
          kind: 'facts',
          rows: [
            { label: t('accountAccessNotice.factCode'), value: code },
            { label: t('accountAccessNotice.factReceipt'), value: receiptNumber },
            { label: t('accountAccessNotice.factForm'), value: formType },
            { label: t('accountAccessNotice.factExpires'), value: expiresOn },
          ],
        },
        { kind: 'paragraph', text: t('accountAccessNotice.onceAndExpiry', { expiresOn }) },
        { kind: 'paragraph', text: t('accountAccessNotice.stepsIntro') },
        {
          kind: 'steps',
          items: [
            t('accountAccessNotice.stepSignIn', { url: portalUrl }),
            t('accountAccessNotice.stepChoose'),
            t('accountAccessNotice.stepEnter', { receiptNumber }),
          ],
        },
        { kind: 'paragraph', text: t('accountAccessNotice.privacy') },
        { kind: 'paragraph', text: t('accountAccessNotice.notExpected') },
      ],
      sms: t('accountAccessNotice.sms', { receiptNumber, formType, code, expiresOn }),
    };
  },
};

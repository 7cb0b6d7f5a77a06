import type { TemplateDefinition } from '../templates';

/** A six-digit code for signing in, confirming an email address or confirming a phone number. */
export const oneTimeCodeMessage: TemplateDefinition<'one-time-code'> = {
  secret: true,
  requiredSecrets: ['code'],
  compose({ payload, secrets, t }) {
    const purpose = payload.purpose;
    return {
      // The subject rests in clear in the outbox row (and in mail previews): never the code.
      subject: t(`oneTimeCode.subject.${purpose}`),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t(`oneTimeCode.intro.${purpose}`) },
        { kind: 'facts', rows: [{ label: t('oneTimeCode.codeLabel'), value: secrets.code }] },
        { kind: 'paragraph', text: t('oneTimeCode.expiry') },
        { kind: 'paragraph', text: t('oneTimeCode.notYou') },
      ],
      sms: t(`oneTimeCode.sms.${purpose}`, { code: secrets.code }),
    };
  },
};

/** The one-time link a new officer or supervisor uses to choose a password and second step. */
export const staffSetupMessage: TemplateDefinition<'staff-setup-link'> = {
  secret: true,
  requiredSecrets: ['link'],
  compose({ payload, secrets, t }) {
    return {
      subject: t('staffSetup.subject'),
      greeting: t('common.greeting', { name: payload.name }),
      blocks: [
        { kind: 'paragraph', text: t(`staffSetup.intro.${payload.role}`) },
        { kind: 'steps', items: [t('staffSetup.stepOpen', { link: secrets.link }), t('staffSetup.stepPassword'), t('staffSetup.stepSecondFactor')] },
        { kind: 'paragraph', text: t('staffSetup.expiry', { hours: payload.validHours }) },
        { kind: 'paragraph', text: t('staffSetup.notExpected') },
      ],
    };
  },
};

/** A password reset link, asked for on the portal. */
export const passwordResetMessage: TemplateDefinition<'password-reset-link'> = {
  secret: true,
  requiredSecrets: ['link'],
  compose({ payload, secrets, t }) {
    return {
      subject: t('passwordReset.subject'),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('passwordReset.intro') },
        { kind: 'steps', items: [t('passwordReset.stepOpen', { link: secrets.link }), t('passwordReset.stepSecondStep'), t('passwordReset.stepPassword')] },
        { kind: 'paragraph', text: t('passwordReset.expiry', { hours: payload.validHours }) },
        { kind: 'paragraph', text: t('passwordReset.notYou') },
      ],
    };
  },
};

/** Someone tried to create an account with an address that already has one. */
export const accountExistsMessage: TemplateDefinition<'account-exists'> = {
  secret: false,
  requiredSecrets: [],
  compose({ t, portalUrl }) {
    return {
      subject: t('accountExists.subject'),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t('accountExists.intro') },
        { kind: 'paragraph', text: t('accountExists.signIn', { url: portalUrl }) },
        { kind: 'paragraph', text: t('accountExists.notYou') },
      ],
    };
  },
};

/** A change to how the account is protected: the owner hears of it even when they made it. */
export const securityChangeMessage: TemplateDefinition<'security-change'> = {
  secret: false,
  requiredSecrets: [],
  compose({ payload, t }) {
    return {
      subject: t(`securityChange.subject.${payload.change}`),
      greeting: t('oneTimeCode.greeting'),
      blocks: [
        { kind: 'paragraph', text: t(`securityChange.intro.${payload.change}`) },
        { kind: 'paragraph', text: t('securityChange.notYou') },
      ],
      sms: t(`securityChange.subject.${payload.change}`),
    };
  },
};

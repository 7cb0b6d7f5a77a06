/**
 * Every message the portal sends, by name, with the payload it needs and how it is rendered in the
 * recipient's language. To add a template: declare its payload (and secrets, if any) below, write
 * `templates/<name>.ts` composing its words from messages/<locale>/notifications.json, and list it
 * in `templates`.
 */
import { createFormatter, createTranslator } from 'next-intl';
import type { Channel, Language, MailingAddress } from '@/db/columns';
import { loadMessages } from '@/lib/i18n/messages';
import { FORMAT_LOCALES } from '@/lib/i18n/routing';
import { accountAccessNotice } from './templates/account-access-notice';
import { appointmentRequestOutcomeMessage, appointmentRequestSubmittedMessage } from './templates/appointment-messages';
import { biometricsRescheduledMessage } from './templates/biometrics-messages';
import { callbackRequestedMessage, callbackTextAheadMessage, callbackUnreachableMessage } from './templates/callback-messages';
import { accountExistsMessage, oneTimeCodeMessage, passwordResetMessage, securityChangeMessage, staffSetupMessage } from './templates/account-messages';
import { caseLinkedMessage, caseStatusChangedMessage, linkingPausedMessage, representativeAccessEndedMessage } from './templates/case-messages';
import { TemplateError } from './templates/helpers';
import { layOut, type Composition, type RenderedNotification } from './templates/layout';

export { TemplateError } from './templates/helpers';
export type { RenderedNotification } from './templates/layout';

export interface TemplatePayloads {
  /** The Account Access Notice: the case's online access code (sealed secret `code`). */
  'account-access-notice': {
    receiptNumber: string;
    formType: string;
    applicantName: string;
    audience: 'applicant' | 'representative';
    expiresOn: string; // YYYY-MM-DD
    mailingAddress?: MailingAddress;
  };
  /** A six-digit code (sealed secret `code`). */
  'one-time-code': { purpose: 'sign_in' | 'confirm_email' | 'confirm_phone' };
  /** A staff account's set-up link (sealed secret `link`). */
  'staff-setup-link': { name: string; role: 'officer' | 'supervisor'; validHours: number };
  'account-exists': Record<string, never>;
  /** A password reset link (sealed secret `link`). */
  'password-reset-link': { validHours: number };
  'security-change': { change: 'password' | 'password_reset' | 'second_factor' | 'backup_codes' | 'signed_out_everywhere' | 'locked' };
  /** A case was linked to an online account; to the applicant. */
  'case-linked': {
    receiptNumber: string;
    formType: string;
    linkedBy: 'applicant' | 'representative_with_representative_code' | 'representative_with_applicant_code';
    representativeName?: string;
    organisation?: string;
  };
  /** Linking a receipt number is paused after too many wrong codes; to the case's owner. */
  'linking-paused': { receiptNumber: string; until: string /* ISO instant */ };
  /** An applicant ended a representative's access; to each of them. */
  'representative-access-ended': {
    receiptNumber: string;
    formType: string;
    representativeName: string;
    audience: 'applicant' | 'representative';
  };
  /** A new status from the case system; to everyone linked to the case. */
  'case-status-changed': { receiptNumber: string; formType: string; status: string; date: string /* YYYY-MM-DD */ };
  /** An appointment request was submitted; to the requester. */
  'appointment-request-submitted': {
    reference: string;
    reason: string;
    otherReason: string | null;
    officeName: string;
    urgent: boolean;
    contactPreference: 'email' | 'phone';
  };
  /** What became of an appointment request; to the requester. */
  'appointment-request-outcome': {
    reference: string;
    outcome: 'scheduled' | 'not_needed' | 'more_info' | 'cancelled';
    /** The officer's words: why no appointment is needed, or the question. */
    message?: string;
    followUpBy?: 'email' | 'phone';
    appointment?: { startsAt: string /* ISO instant */; endsAt: string; timeZone: string; officeName: string; street: string; city: string; state: string; zip: string };
  };
  /** A callback was requested; to the customer. */
  'callback-requested': { serviceRequestNumber: string; urgency: 'urgent' | 'regular'; dueAt: string /* ISO instant */; phone: string };
  /** The text-ahead before a callback; to the number the customer gave. */
  'callback-text-ahead': { serviceRequestNumber: string };
  /** A callback closed after two attempts without reaching the customer; by email. */
  'callback-unreachable': { serviceRequestNumber: string };
  'biometrics-rescheduled': {
    receiptNumber: string;
    startsAt: string /* ISO instant */;
    timeZone: string;
    ascName: string;
    address: string;
    /** Sent to the applicant because their representative moved the appointment. */
    byRepresentative: boolean;
  };
}

/** The values a template shows but that must never rest in clear: sealed in the outbox row. */
export interface TemplateSecrets {
  'account-access-notice': { code: string };
  'one-time-code': { code: string };
  'staff-setup-link': { link: string };
  'password-reset-link': { link: string };
}

export type TemplateName = keyof TemplatePayloads;

function notificationsTranslator(language: Language) {
  return createTranslator({ locale: language, messages: loadMessages(language), namespace: 'notifications' });
}

export type NotificationsTranslator = ReturnType<typeof notificationsTranslator>;
export type NotificationsFormatter = ReturnType<typeof createFormatter>;

export interface TemplateContext<T extends TemplateName> {
  payload: TemplatePayloads[T];
  secrets: T extends keyof TemplateSecrets ? TemplateSecrets[T] : Record<string, never>;
  channel: Channel;
  language: Language;
  t: NotificationsTranslator;
  format: NotificationsFormatter;
  portalUrl: string;
  /** When the message is rendered. */
  now: Date;
}

export interface TemplateDefinition<T extends TemplateName> {
  /** The rendered body carries a secret (a code): the copy kept in the outbox row is sealed. */
  secret: boolean;
  /** The secrets the body needs; delivery fails for good when one is missing rather than send a notice without its code. */
  requiredSecrets: readonly string[];
  compose(context: TemplateContext<T>): Composition;
}

export const templates: { [T in TemplateName]: TemplateDefinition<T> } = {
  'account-access-notice': accountAccessNotice,
  'one-time-code': oneTimeCodeMessage,
  'staff-setup-link': staffSetupMessage,
  'account-exists': accountExistsMessage,
  'password-reset-link': passwordResetMessage,
  'security-change': securityChangeMessage,
  'case-linked': caseLinkedMessage,
  'linking-paused': linkingPausedMessage,
  'representative-access-ended': representativeAccessEndedMessage,
  'case-status-changed': caseStatusChangedMessage,
  'appointment-request-submitted': appointmentRequestSubmittedMessage,
  'appointment-request-outcome': appointmentRequestOutcomeMessage,
  'biometrics-rescheduled': biometricsRescheduledMessage,
  'callback-requested': callbackRequestedMessage,
  'callback-text-ahead': callbackTextAheadMessage,
  'callback-unreachable': callbackUnreachableMessage,
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

export function isSecretTemplate(name: string): boolean {
  return isTemplateName(name) && templates[name].secret;
}

/** Dates are printed as the agency's headquarters sees the day, not the server's zone. */
export const AGENCY_TIME_ZONE = 'America/New_York';

export interface RenderInput {
  channel: Channel;
  recipient: string;
  language: Language;
  template: string;
  payload: Record<string, unknown>;
}

export interface RenderOptions {
  /** When the message is rendered: the date printed on letters. */
  now: Date;
  portalUrl: string;
}

export function renderNotification(
  input: RenderInput,
  secrets: Record<string, string>,
  options: RenderOptions,
): RenderedNotification {
  const { template: name, language, channel } = input;
  if (!isTemplateName(name)) throw new TemplateError(`unknown template "${name}"`);
  const definition = templates[name] as TemplateDefinition<TemplateName>;
  const missing = definition.requiredSecrets.filter((key) => !secrets[key]);
  if (missing.length) throw new TemplateError(`template "${name}" is missing the secret(s) ${missing.join(', ')}`);

  const t = notificationsTranslator(language);
  // next-intl types `locale` as one of the routing's; Intl takes any BCP 47 tag.
  const format = createFormatter({ locale: FORMAT_LOCALES[language] as Language, timeZone: AGENCY_TIME_ZONE });
  const composition = definition.compose({
    payload: input.payload as TemplatePayloads[TemplateName],
    secrets: secrets as TemplateContext<TemplateName>['secrets'],
    channel,
    language,
    t,
    format,
    portalUrl: options.portalUrl,
    now: options.now,
  });
  return layOut(composition, {
    channel,
    recipient: input.recipient,
    language,
    t,
    letterDate: format.dateTime(options.now, { dateStyle: 'long' }),
    portalUrl: options.portalUrl,
  });
}

/**
 * Where messages go, read from the environment in one place. The local outbox (/dev/outbox, which
 * shows every code in clear) exists only on the embedded demo store, or with LOCAL_OUTBOX=on; there,
 * email without SMTP_URL and texts without the SMS provider settings stay in it. Elsewhere email
 * needs a mail server, and texting is offered only with a provider. Letters are always rendered and
 * kept for printing.
 */
import { dialectOf } from '@/db/client';

export interface SmtpConfig {
  url: string;
  from: string;
}

/** A Twilio-compatible messaging API. */
export interface SmsConfig {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

export interface NotificationConfig {
  smtp: SmtpConfig | null;
  sms: SmsConfig | null;
  /** The portal's public address, for the "sign in at …" line of messages. */
  portalUrl: string;
  /** Messages without a configured transport may stay on this machine, readable at /dev/outbox. */
  localOutbox: boolean;
  /** SMS_INTERNATIONAL=on: texts may go to numbers outside the US and its territories. */
  internationalTexts: boolean;
}

export const DEFAULT_SMTP_FROM = 'Immigration Self-Service Portal <no-reply@portal.example.gov>';
export const DEFAULT_PORTAL_URL = 'http://localhost:3000';

const smsVariables = ['SMS_API_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] as const;

export function notificationConfig(env: Record<string, string | undefined> = process.env): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim();
  const smtp = smtpUrl ? { url: smtpUrl, from: env.SMTP_FROM?.trim() || DEFAULT_SMTP_FROM } : null;

  // Half a provider configuration is a deployment mistake; falling back to the local outbox would
  // silently keep every text from leaving the building.
  const given = smsVariables.filter((name) => env[name]?.trim());
  if (given.length > 0 && given.length < smsVariables.length) {
    const missing = smsVariables.filter((name) => !given.includes(name));
    throw new Error(`SMS settings are incomplete: set ${missing.join(', ')} or none of the SMS_ variables`);
  }
  const sms =
    given.length === smsVariables.length
      ? {
          apiUrl: env.SMS_API_URL!.trim().replace(/\/+$/, ''),
          accountSid: env.SMS_ACCOUNT_SID!.trim(),
          authToken: env.SMS_AUTH_TOKEN!.trim(),
          from: env.SMS_FROM!.trim(),
        }
      : null;

  const portalUrl = (env.PORTAL_URL?.trim() || DEFAULT_PORTAL_URL).replace(/\/+$/, '');
  return { smtp, sms, portalUrl, localOutbox: localOutboxAllowed(env), internationalTexts: env.SMS_INTERNATIONAL?.trim().toLowerCase() === 'on' };
}

/** The embedded demo store keeps messages on the machine; any other store only when told to. */
function localOutboxAllowed(env: Record<string, string | undefined>): boolean {
  return dialectOf(env.DATABASE_URL) === 'sqlite' || env.LOCAL_OUTBOX?.trim().toLowerCase() === 'on';
}

/** True when /dev/outbox may exist: the local outbox is allowed and holds email or texts. */
export function localOutboxInUse(config: NotificationConfig = notificationConfig()): boolean {
  return config.localOutbox && (config.smtp === null || config.sms === null);
}

/**
 * Whether the portal offers texting at all (a second step by text, text notifications, phone
 * confirmation): with an SMS provider, or in the local outbox of the demo. Forms, their server-side
 * validation and enqueueing all ask this one question.
 */
export function textingOffered(config: NotificationConfig = notificationConfig()): boolean {
  return config.sms !== null || config.localOutbox;
}

/** The texting settings the shared form rules are handed (they also run in the browser, without the environment). */
export function textingRules(config: NotificationConfig = notificationConfig()): { offered: boolean; international: boolean } {
  return { offered: textingOffered(config), international: config.internationalTexts };
}

/**
 * Why the portal must not start with these settings, as one paragraph naming what to set; null when
 * it may. Production on Postgres is a real deployment: sign-in codes must reach people by email, and
 * codes shown in clear on a web page (the local outbox) would let anyone who reaches it into any
 * account.
 */
export function refusalToStart(env: Record<string, string | undefined>): string | null {
  const production = env.NODE_ENV === 'production' && dialectOf(env.DATABASE_URL) === 'pg';
  if (!production) return null;
  const problems: string[] = [];
  if (!env.SMTP_URL?.trim()) {
    problems.push(
      'SMTP_URL is not set: on Postgres in production every email (sign-in codes, confirmations, notices) must go through a mail server, e.g. SMTP_URL=smtps://user:pass@smtp.example.gov:465',
    );
  }
  if (env.LOCAL_OUTBOX?.trim().toLowerCase() === 'on') {
    problems.push('LOCAL_OUTBOX=on is set: the local outbox shows every code in clear at /dev/outbox and is never for production; remove it');
  }
  if (!env.APP_SECRET || env.APP_SECRET.length < 32) {
    problems.push('APP_SECRET is not set to at least 32 random characters: it keys the hashes of codes and session tokens and seals secrets at rest');
  }
  if (problems.length === 0) return null;
  return `The portal refuses to start on Postgres in production (NODE_ENV=production, DATABASE_URL=postgres://…): ${problems.join('; ')}.`;
}

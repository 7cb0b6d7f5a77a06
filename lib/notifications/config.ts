/**
 * Where messages go, read from the environment in one place. Without SMTP_URL, email goes to the
 * local outbox (/dev/outbox); without the SMS provider settings, texts do too. Letters are always
 * rendered and kept for printing.
 */
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
  return { smtp, sms, portalUrl };
}

/**
 * How a rendered message leaves the portal: SMTP for email, a Twilio-compatible API for texts, or,
 * where the local outbox is allowed and no server is configured, the local outbox (the row itself is
 * the delivered message, shown at /dev/outbox). Letters are never sent from here: they are rendered
 * and kept for printing.
 */
import nodemailer from 'nodemailer';
import type { Channel, Language } from '@/db/columns';
import { notificationConfig, type NotificationConfig, type SmsConfig, type SmtpConfig } from './config';
import type { Attachment } from './templates/layout';

export interface OutboundMessage {
  notificationId: number;
  channel: Channel;
  /** Email address, E.164 phone number, or the addressee block of a letter. */
  to: string;
  language: Language;
  subject: string;
  text: string;
  html?: string;
  attachments?: Attachment[];
}

export interface Transport {
  /** Recorded on the delivered row: "smtp", "sms", "local" or "letter". */
  readonly name: string;
  /** Resolves once the receiving server or provider accepted the message; throws with its answer otherwise. */
  send(message: OutboundMessage): Promise<void>;
  close?(): void;
}

export type Transports = Record<Channel, Transport>;

/** Short enough that a dead server fails the attempt well inside the worker's lease on the row. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 60_000 };
const SMS_TIMEOUT_MS = 20_000;

export function createSmtpTransport(config: SmtpConfig): Transport {
  const transporter = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url: config.url });
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
        // RFC 3834: out-of-office robots must not answer a no-reply notice.
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': message.language },
      });
    },
    close: () => transporter.close(),
  };
}

export function createSmsTransport(config: SmsConfig, fetchImpl: typeof fetch = fetch): Transport {
  const endpoint = `${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    name: 'sms',
    async send(message) {
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ To: message.to, From: config.from, Body: message.text }),
        signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
      });
      if (response.ok) return;
      throw new Error(`SMS provider answered ${response.status}${await providerReason(response)}`);
    },
  };
}

/** The provider's own code and message, the part of its answer that says what to fix. */
async function providerReason(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown };
    const code = body.code == null ? '' : ` ${String(body.code)}`;
    return typeof body.message === 'string' ? `:${code} ${body.message}` : code ? `:${code}` : '';
  } catch {
    return '';
  }
}

/**
 * For a channel with no way out (no mail server or SMS provider, and no local outbox): every
 * attempt fails and is retried, so a message is never marked delivered when it was dropped.
 */
export function unavailableTransport(setting: string): Transport {
  return {
    name: 'unavailable',
    send: async () => {
      throw new Error(`no transport is configured for this channel (set ${setting})`);
    },
  };
}

/** Counts as delivered at once: the stored row is the message, read at /dev/outbox. */
export const localTransport: Transport = { name: 'local', send: async () => {} };

/** Letters are printed and mailed from the stored text; delivery means "ready to print". */
export const letterTransport: Transport = { name: 'letter', send: async () => {} };

export function transportsFromConfig(config: NotificationConfig = notificationConfig()): Transports {
  const fallback = (setting: string) => (config.localOutbox ? localTransport : unavailableTransport(setting));
  return {
    email: config.smtp ? createSmtpTransport(config.smtp) : fallback('SMTP_URL'),
    sms: config.sms ? createSmsTransport(config.sms) : fallback('the SMS_ variables'),
    letter: letterTransport,
  };
}

export function closeTransports(transports: Transports): void {
  for (const transport of new Set(Object.values(transports))) transport.close?.();
}

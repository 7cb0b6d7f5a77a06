import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getDb, getStore, runSql } from '@/db/client';
import { notifications } from '@/db/schema';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { DEFAULT_SMTP_FROM, notificationConfig } from './config';
import { deliverDueNotifications, MAX_ATTEMPTS, RETRY_BACKOFF_MS } from './deliver';
import { enqueueNotification, type OutgoingMessage } from './enqueue';
import { listOutbox, outboxAttachment } from './outbox';
import { isSealedBody, readStoredBody } from './sealing';
import { startSmsProvider, type SmsProvider } from './testing/sms-provider';
import { startSmtpReceiver, type SmtpReceiver } from './testing/smtp-receiver';
import {
  createSmsTransport,
  createSmtpTransport,
  letterTransport,
  localTransport,
  transportsFromConfig,
  type OutboundMessage,
  type Transport,
  type Transports,
} from './transports';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const SECOND = 1000;
const CODE = '7KQ2M9XD4RTF';
const CODE_PRINTED = '7KQ2-M9XD-4RTF';
const EMAIL = 'ana.garcia@example.com';
let keys = 0;

function accessNotice(
  overrides: Partial<OutgoingMessage<'account-access-notice'>> = {},
): OutgoingMessage<'account-access-notice'> {
  return {
    channel: 'email',
    recipient: EMAIL,
    language: 'en',
    template: 'account-access-notice',
    payload: {
      receiptNumber: 'IOE0912345678',
      formType: 'I-134A',
      applicantName: 'Ana García',
      audience: 'applicant',
      expiresOn: '2026-06-01',
    },
    dedupeKey: `access-notice:${++keys}`,
    secrets: { code: CODE },
    ...overrides,
  };
}

async function rowsInClear() {
  return JSON.stringify(await runSql(getStore(), sql`select * from ${notifications}`));
}

async function onlyRow() {
  const rows = await getDb().select().from(notifications);
  expect(rows).toHaveLength(1);
  return rows[0];
}

const local: Transports = { email: localTransport, sms: localTransport, letter: letterTransport };

let clock: ReturnType<typeof fixedClock>;
beforeEach(async () => {
  clock = fixedClock('2026-03-02T15:00:00Z');
  await getDb().delete(notifications);
});

describe('delivery over SMTP', () => {
  let receiver: SmtpReceiver;
  afterEach(() => receiver.close());

  it('sends the Account Access Notice to a real SMTP server and keeps the body sealed', async () => {
    receiver = await startSmtpReceiver();
    const smtp = createSmtpTransport({ url: receiver.url, from: DEFAULT_SMTP_FROM });
    await enqueueNotification(getDb(), clock, accessNotice());

    const report = await deliverDueNotifications(getDb(), clock, { ...local, email: smtp }, { portalUrl: 'https://portal.example.gov' });

    expect(report).toEqual({ claimed: 1, delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.messages).toHaveLength(1);
    const mail = receiver.messages[0];
    expect(mail.envelopeTo).toEqual([EMAIL]);
    expect(mail.headers.get('to')).toBe(EMAIL);
    expect(mail.headers.get('from')).toBe('"Immigration Self-Service Portal" <no-reply@portal.example.gov>');
    expect(mail.envelopeFrom).toBe('no-reply@portal.example.gov');
    expect(mail.subject).toBe('Your online access code for receipt number IOE0912345678');
    expect(mail.text).toContain(CODE_PRINTED);
    expect(mail.text).toContain('Dear Ana García,');
    expect(mail.text).toContain('Form I-134A');
    expect(mail.text).toContain('works only once and expires on June 1, 2026');
    expect(mail.text).toContain('1. Sign in at https://portal.example.gov.');
    expect(mail.text).toContain('2. Choose “Link a case”.');
    expect(mail.text).toContain('3. Enter the receipt number IOE0912345678 and the online access code');
    expect(mail.text).toContain('If you did not expect this notice, you can ignore it.');
    expect(mail.html).toContain(`<strong>${CODE_PRINTED}</strong>`);

    const row = await onlyRow();
    expect(row).toMatchObject({
      status: 'delivered',
      transport: 'smtp',
      attempts: 1,
      deliveredAt: clock.now(),
      subject: mail.subject,
      lockedUntil: null,
      lastError: null,
    });
    expect(isSealedBody(row.body!)).toBe(true);
    expect(readStoredBody(row.body!)).toBe(mail.text);
    const stored = await rowsInClear();
    for (const form of [CODE, CODE_PRINTED, 'M9XD']) expect(stored).not.toContain(form);
  });

  it('writes in Spanish when the recipient reads Spanish', async () => {
    receiver = await startSmtpReceiver();
    const smtp = createSmtpTransport({ url: receiver.url, from: DEFAULT_SMTP_FROM });
    await enqueueNotification(getDb(), clock, accessNotice({ language: 'es' }));

    await deliverDueNotifications(getDb(), clock, { ...local, email: smtp });

    const mail = receiver.messages[0];
    expect(mail.subject).toBe('Su código de acceso en línea para el número de recibo IOE0912345678');
    expect(mail.headers.get('content-language')).toBe('es');
    expect(mail.text).toContain('Estimado(a) Ana García:');
    expect(mail.text).toContain(CODE_PRINTED);
    expect(mail.text).toContain('vence el 1 de junio de 2026');
    expect(mail.text).toContain('Elija “Vincular un caso”.');
    expect(mail.text).toContain('Si no esperaba este aviso, puede ignorarlo.');
    expect(mail.html).toContain('<html lang="es">');
  });

  it("attaches an appointment's calendar file, in the office's time zone", async () => {
    receiver = await startSmtpReceiver();
    const smtp = createSmtpTransport({ url: receiver.url, from: DEFAULT_SMTP_FROM });
    await enqueueNotification(getDb(), clock, {
      channel: 'email',
      recipient: EMAIL,
      language: 'en',
      template: 'appointment-request-outcome',
      payload: {
        reference: 'AR-7KQ2-M9XD',
        outcome: 'scheduled',
        appointment: {
          startsAt: '2026-12-07T16:00:00.000Z',
          endsAt: '2026-12-07T16:30:00.000Z',
          timeZone: 'America/Phoenix',
          officeName: 'Phoenix Field Office',
          street: '2035 N Central Ave',
          city: 'Phoenix',
          state: 'AZ',
          zip: '85004',
        },
      },
      dedupeKey: 'appointment-outcome-test',
    });

    await deliverDueNotifications(getDb(), clock, { ...local, email: smtp }, { portalUrl: 'https://portal.example.gov' });

    const mail = receiver.messages[0];
    expect(mail.text).toContain('Monday, December 7, 2026 at 9:00 AM MST');
    expect(mail.attachments).toHaveLength(1);
    const [calendar] = mail.attachments;
    expect(calendar.filename).toBe('appointment-AR-7KQ2-M9XD.ics');
    expect(calendar.contentType).toMatch(/^text\/calendar/);
    const lines = calendar.content.replace(/\r\n /g, '').split(/\r?\n/);
    expect(lines).toContain('DTSTART;TZID=America/Phoenix:20261207T090000');
    expect(lines).toContain('DTEND;TZID=America/Phoenix:20261207T093000');
    expect(lines).toContain('UID:AR-7KQ2-M9XD-1796659200000@portal.example.gov');
    expect(lines).toContain('LOCATION:Phoenix Field Office\\, 2035 N Central Ave\\, Phoenix\\, AZ 85004');

    // The local outbox offers the same file for download.
    const [entry] = await listOutbox(getDb(), { portalUrl: 'https://portal.example.gov' });
    expect(entry.attachments).toEqual(['appointment-AR-7KQ2-M9XD.ics']);
    const kept = await outboxAttachment(getDb(), entry.id, 0, { portalUrl: 'https://portal.example.gov' });
    expect(kept?.content).toBe(calendar.content);
    expect(await outboxAttachment(getDb(), entry.id, 1)).toBeNull();
    expect(await outboxAttachment(getDb(), 99_999_999_999, 0)).toBeNull();
  });

  it('retries a refused message on the backoff schedule, then marks it failed without the address', async () => {
    receiver = await startSmtpReceiver({
      rejectRecipients: { code: 451, message: `4.2.1 <${EMAIL}> mailbox busy, try again later` },
    });
    const transports = { ...local, email: createSmtpTransport({ url: receiver.url, from: DEFAULT_SMTP_FROM }) };
    await enqueueNotification(getDb(), clock, accessNotice());

    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const attemptedAt = clock.now().getTime();
      const report = await deliverDueNotifications(getDb(), clock, transports);
      expect(report.claimed).toBe(1);
      const row = await onlyRow();
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain('451');
      expect(row.lastError).toContain('mailbox busy');
      expect(row.lastError).not.toContain(EMAIL);
      if (attempt === MAX_ATTEMPTS) {
        expect(row.status).toBe('failed');
        expect(report.failed).toBe(1);
        break;
      }
      expect(row.status).toBe('pending');
      expect(report.retrying).toBe(1);
      waits.push(row.nextAttemptAt.getTime() - attemptedAt);

      clock.set(new Date(row.nextAttemptAt.getTime() - SECOND));
      expect((await deliverDueNotifications(getDb(), clock, transports)).claimed).toBe(0);
      clock.set(row.nextAttemptAt);
    }
    expect(waits).toEqual([1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR]);
    expect(waits).toEqual([...RETRY_BACKOFF_MS]);

    clock.advance(30 * 24 * HOUR);
    expect((await deliverDueNotifications(getDb(), clock, transports)).claimed).toBe(0);
    expect(receiver.messages).toHaveLength(0);
    expect((await onlyRow()).subject).toBe('Your online access code for receipt number IOE0912345678');
    expect(await rowsInClear()).not.toContain(CODE_PRINTED);
  });

  it('retries when the server refuses the message after DATA', async () => {
    receiver = await startSmtpReceiver({ rejectData: { code: 452, message: '4.3.1 insufficient system storage' } });
    const transports = { ...local, email: createSmtpTransport({ url: receiver.url, from: DEFAULT_SMTP_FROM }) };
    await enqueueNotification(getDb(), clock, accessNotice());

    expect(await deliverDueNotifications(getDb(), clock, transports)).toMatchObject({ claimed: 1, retrying: 1 });
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + MINUTE) });
    expect(row.lastError).toContain('452 4.3.1 insufficient system storage');
  });
});

describe('claiming', () => {
  it('delivers each message exactly once when two deliverers run at the same time', async () => {
    const sent: number[] = [];
    const counting: Transport = {
      name: 'local',
      async send(message: OutboundMessage) {
        // Yield, so the other deliverer gets to claim while this one is "sending".
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(message.notificationId);
      },
    };
    const transports = { email: counting, sms: counting, letter: counting };
    for (let i = 0; i < 15; i++) await enqueueNotification(getDb(), clock, accessNotice());

    const drain = async () => {
      let delivered = 0;
      for (;;) {
        const report = await deliverDueNotifications(getDb(), clock, transports, { limit: 2 });
        if (report.claimed === 0) return delivered;
        delivered += report.delivered;
      }
    };
    const [first, second] = await Promise.all([drain(), drain()]);

    const ids = (await getDb().select({ id: notifications.id }).from(notifications)).map((r) => r.id).sort((a, b) => a - b);
    expect(first + second).toBe(15);
    expect([...sent].sort((a, b) => a - b)).toEqual(ids);
    const rows = await getDb().select().from(notifications);
    expect(rows.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
  });

  it('takes over a message whose worker died mid-send once its lease has expired', async () => {
    await enqueueNotification(getDb(), clock, accessNotice());
    await enqueueNotification(getDb(), clock, accessNotice());
    const [stale, held] = await getDb().select().from(notifications).orderBy(notifications.id);
    await getDb()
      .update(notifications)
      .set({ status: 'sending', attempts: 1, lockedUntil: new Date(clock.now().getTime() - SECOND) })
      .where(eq(notifications.id, stale.id));
    await getDb()
      .update(notifications)
      .set({ status: 'sending', attempts: 1, lockedUntil: new Date(clock.now().getTime() + MINUTE) })
      .where(eq(notifications.id, held.id));

    const report = await deliverDueNotifications(getDb(), clock, local);

    expect(report).toMatchObject({ claimed: 1, delivered: 1 });
    const rows = await getDb().select().from(notifications).orderBy(notifications.id);
    expect(rows[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(rows[1]).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('gives up on a message whose worker died during its last attempt', async () => {
    await enqueueNotification(getDb(), clock, accessNotice());
    await getDb()
      .update(notifications)
      .set({ status: 'sending', attempts: MAX_ATTEMPTS, lockedUntil: new Date(clock.now().getTime() - SECOND) });

    expect(await deliverDueNotifications(getDb(), clock, local)).toMatchObject({ claimed: 0, failed: 1 });
    expect(await onlyRow()).toMatchObject({ status: 'failed', lockedUntil: null });
  });

  it('waits for a message scheduled later', async () => {
    await enqueueNotification(getDb(), clock, accessNotice({ sendAt: new Date(clock.now().getTime() + HOUR) }));
    expect((await deliverDueNotifications(getDb(), clock, local)).claimed).toBe(0);
    clock.advance(HOUR);
    expect((await deliverDueNotifications(getDb(), clock, local)).delivered).toBe(1);
  });

  it('fails at once, without retrying, a message that cannot be rendered', async () => {
    await enqueueNotification(getDb(), clock, accessNotice({ secrets: { code: '' } }));
    expect(await deliverDueNotifications(getDb(), clock, local)).toMatchObject({ claimed: 1, failed: 1 });
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, body: null });
    expect(row.lastError).toContain('missing the secret(s) code');
  });
});

describe('the outbox', () => {
  it('queues one message for a dedupe key, however often it is enqueued', async () => {
    const message = accessNotice();
    expect(await enqueueNotification(getDb(), clock, message)).toBe(true);
    clock.advance(MINUTE);
    expect(await enqueueNotification(getDb(), clock, { ...message, recipient: 'other@example.com' })).toBe(false);
    expect(await onlyRow()).toMatchObject({ dedupeKey: message.dedupeKey, recipient: EMAIL });
  });

  it('keeps email in the local outbox and letters ready to print when nothing is configured', async () => {
    const transports = transportsFromConfig(notificationConfig({}));
    expect(transports.email.name).toBe('local');
    expect(transports.sms.name).toBe('local');
    await enqueueNotification(getDb(), clock, accessNotice());
    clock.advance(SECOND);
    await enqueueNotification(
      getDb(),
      clock,
      accessNotice({ channel: 'letter', recipient: 'Ana García\n123 Main St Apt 4\nPhoenix, AZ 85001', language: 'es' }),
    );

    expect(
      await deliverDueNotifications(getDb(), clock, transports, { portalUrl: 'https://portal.example.gov' }),
    ).toMatchObject({ claimed: 2, delivered: 2 });

    const [letter, email] = await listOutbox(getDb());
    expect(email).toMatchObject({ channel: 'email', status: 'delivered', transport: 'local', recipient: EMAIL });
    expect(email.subject).toBe('Your online access code for receipt number IOE0912345678');
    expect(email.text).toContain(CODE_PRINTED);
    expect(letter).toMatchObject({ channel: 'letter', status: 'delivered', transport: 'letter' });
    expect(letter.text).toContain('AGENCIA DE BENEFICIOS DE INMIGRACIÓN\nServicios de Cuenta en Línea\nEn línea: https://portal.example.gov');
    expect(letter.text).toContain('\n\n2 de marzo de 2026\n\nAna García\n123 Main St Apt 4\nPhoenix, AZ 85001\n\n');
    expect(letter.text).toContain('Asunto: Su código de acceso en línea para el número de recibo');
    expect(letter.text).toContain(CODE_PRINTED);
    expect(letter.text).toMatch(/Atentamente,\n\nServicios de Cuenta en Línea\nAgencia de Beneficios de Inmigración\n$/);
    expect(letter.text!.split('\n').every((line) => line.length <= 72)).toBe(true);
    expect(await rowsInClear()).not.toContain(CODE_PRINTED);
  });

  it('shows messages still waiting or failed, newest first', async () => {
    await enqueueNotification(getDb(), clock, accessNotice());
    const [entry] = await listOutbox(getDb());
    expect(entry).toMatchObject({ status: 'pending', attempts: 0, subject: null, text: null, unreadable: false });
  });
});

describe('delivery of texts', () => {
  let provider: SmsProvider;
  afterEach(() => provider.close());

  function smsTransport() {
    return createSmsTransport({ apiUrl: provider.url, accountSid: 'AC0123456789', authToken: 'token-s3cret', from: '+15550001111' });
  }

  it('posts the text to the provider, form-encoded with basic auth', async () => {
    provider = await startSmsProvider();
    await enqueueNotification(getDb(), clock, accessNotice({ channel: 'sms', recipient: '+15551234567', language: 'es' }));

    expect(await deliverDueNotifications(getDb(), clock, { ...local, sms: smsTransport() })).toMatchObject({ delivered: 1 });

    expect(provider.requests).toHaveLength(1);
    const request = provider.requests[0];
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/2010-04-01/Accounts/AC0123456789/Messages.json');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('AC0123456789:token-s3cret').toString('base64')}`);
    expect(request.form.get('To')).toBe('+15551234567');
    expect(request.form.get('From')).toBe('+15550001111');
    const body = request.form.get('Body')!;
    expect(body).toContain(CODE_PRINTED);
    expect(body).toContain('recibo IOE0912345678');
    expect(body).toContain('vence el 1 de junio de 2026');
    expect(await onlyRow()).toMatchObject({ status: 'delivered', transport: 'sms' });
    expect(await rowsInClear()).not.toContain(CODE_PRINTED);
  });

  it('retries when the provider refuses, keeping its reason without the number', async () => {
    provider = await startSmsProvider();
    provider.answers.push({
      status: 400,
      body: { code: 21211, message: "The 'To' number 15551234567 is not a valid phone number.", status: 400 },
    });
    await enqueueNotification(getDb(), clock, accessNotice({ channel: 'sms', recipient: '+15551234567' }));

    expect(await deliverDueNotifications(getDb(), clock, { ...local, sms: smsTransport() })).toMatchObject({ retrying: 1 });

    const row = await onlyRow();
    expect(row.status).toBe('pending');
    expect(row.lastError).toBe("SMS provider answered 400: 21211 The 'To' number [recipient] is not a valid phone number.");
  });
});

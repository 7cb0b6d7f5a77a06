import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_URL, DEFAULT_SMTP_FROM, localOutboxInUse, notificationConfig, refusalToStart, textingOffered, textingRules } from './config';
import { transportsFromConfig } from './transports';

const sms = {
  SMS_API_URL: 'https://api.sms.example/',
  SMS_ACCOUNT_SID: 'AC1',
  SMS_AUTH_TOKEN: 'token',
  SMS_FROM: '+15550001111',
};
const postgres = { DATABASE_URL: 'postgres://portal:secret@db.example:5432/portal' };
const production = { ...postgres, NODE_ENV: 'production', APP_SECRET: 'k'.repeat(40), SMTP_URL: 'smtps://mail.example:465' };

describe('notification settings', () => {
  it('keep everything in the local outbox of the embedded store when nothing is configured', () => {
    const config = notificationConfig({});
    expect(config).toEqual({ smtp: null, sms: null, portalUrl: DEFAULT_PORTAL_URL, localOutbox: true, internationalTexts: false });
    expect(localOutboxInUse(config)).toBe(true);
    expect(textingOffered(config)).toBe(true);
    const transports = transportsFromConfig(config);
    expect([transports.email.name, transports.sms.name, transports.letter.name]).toEqual(['local', 'local', 'letter']);
  });

  it('send email over SMTP with the default sender when SMTP_URL is set; texts stay local on the embedded store', () => {
    const config = notificationConfig({ SMTP_URL: 'smtp://mail.example:587' });
    expect(config.smtp).toEqual({ url: 'smtp://mail.example:587', from: DEFAULT_SMTP_FROM });
    expect(localOutboxInUse(config)).toBe(true);
    const transports = transportsFromConfig(config);
    expect(transports.email.name).toBe('smtp');
    expect(transports.sms.name).toBe('local');
    transports.email.close?.();
  });

  it('have no outbox page once both email and texts leave the machine', () => {
    expect(localOutboxInUse(notificationConfig({ SMTP_URL: 'smtp://mail.example:587', ...sms }))).toBe(false);
  });

  it('send texts through the provider only when all of its settings are given', () => {
    expect(notificationConfig(sms).sms).toEqual({ apiUrl: 'https://api.sms.example', accountSid: 'AC1', authToken: 'token', from: '+15550001111' });
    expect(transportsFromConfig(notificationConfig(sms)).sms.name).toBe('sms');
    expect(() => notificationConfig({ ...sms, SMS_AUTH_TOKEN: '' })).toThrow('set SMS_AUTH_TOKEN');
  });
});

describe('the local outbox on Postgres', () => {
  it('does not exist without LOCAL_OUTBOX=on, even with no mail server: no page, no texting, messages not marked delivered', async () => {
    const config = notificationConfig(postgres);
    expect(config.localOutbox).toBe(false);
    expect(localOutboxInUse(config)).toBe(false);
    expect(textingOffered(config)).toBe(false);
    const transports = transportsFromConfig(config);
    const message = { notificationId: 1, channel: 'email' as const, to: 'ana@example.com', language: 'en' as const, subject: 's', text: 't' };
    await expect(transports.email.send(message)).rejects.toThrow('set SMTP_URL');
    await expect(transports.sms.send({ ...message, channel: 'sms', to: '+12025550123' })).rejects.toThrow('SMS_');
  });

  it('exists with LOCAL_OUTBOX=on', () => {
    const config = notificationConfig({ ...postgres, LOCAL_OUTBOX: 'on' });
    expect(localOutboxInUse(config)).toBe(true);
    expect(textingOffered(config)).toBe(true);
  });

  it('offers texting with a provider whatever the store', () => {
    expect(textingOffered(notificationConfig({ ...postgres, ...sms }))).toBe(true);
  });
});

describe('texting rules for the forms', () => {
  it('allow numbers outside the US only with SMS_INTERNATIONAL=on', () => {
    expect(textingRules(notificationConfig({}))).toEqual({ offered: true, international: false });
    expect(textingRules(notificationConfig({ SMS_INTERNATIONAL: 'on' }))).toEqual({ offered: true, international: true });
    expect(textingRules(notificationConfig(postgres))).toEqual({ offered: false, international: false });
  });
});

describe('refusing to start', () => {
  it('lets the embedded store and Postgres outside production start with nothing configured', () => {
    expect(refusalToStart({})).toBeNull();
    expect(refusalToStart({ NODE_ENV: 'production' })).toBeNull();
    expect(refusalToStart(postgres)).toBeNull();
  });

  it('lets a complete production configuration start', () => {
    expect(refusalToStart(production)).toBeNull();
  });

  it('refuses Postgres in production without a mail server, naming SMTP_URL', () => {
    const refusal = refusalToStart({ ...production, SMTP_URL: ' ' });
    expect(refusal).toMatch(/^The portal refuses to start on Postgres in production/);
    expect(refusal).toContain('SMTP_URL is not set');
  });

  it('refuses the local outbox and a missing key in production', () => {
    expect(refusalToStart({ ...production, LOCAL_OUTBOX: 'on' })).toContain('LOCAL_OUTBOX=on is set');
    expect(refusalToStart({ ...production, APP_SECRET: '' })).toContain('APP_SECRET');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_URL, DEFAULT_SMTP_FROM, notificationConfig } from './config';
import { localOutboxInUse, transportsFromConfig } from './transports';

const sms = {
  SMS_API_URL: 'https://api.sms.example/',
  SMS_ACCOUNT_SID: 'AC1',
  SMS_AUTH_TOKEN: 'token',
  SMS_FROM: '+15550001111',
};

describe('notification settings', () => {
  it('keep everything in the local outbox when nothing is configured', () => {
    const config = notificationConfig({});
    expect(config).toEqual({ smtp: null, sms: null, portalUrl: DEFAULT_PORTAL_URL });
    expect(localOutboxInUse(config)).toBe(true);
    const transports = transportsFromConfig(config);
    expect([transports.email.name, transports.sms.name, transports.letter.name]).toEqual(['local', 'local', 'letter']);
  });

  it('send email over SMTP with the default sender when SMTP_URL is set', () => {
    const config = notificationConfig({ SMTP_URL: 'smtp://mail.example:587' });
    expect(config.smtp).toEqual({ url: 'smtp://mail.example:587', from: DEFAULT_SMTP_FROM });
    expect(localOutboxInUse(config)).toBe(false);
    const transports = transportsFromConfig(config);
    expect(transports.email.name).toBe('smtp');
    expect(transports.sms.name).toBe('local');
    transports.email.close?.();
  });

  it('send texts through the provider only when all of its settings are given', () => {
    expect(notificationConfig(sms).sms).toEqual({ apiUrl: 'https://api.sms.example', accountSid: 'AC1', authToken: 'token', from: '+15550001111' });
    expect(transportsFromConfig(notificationConfig(sms)).sms.name).toBe('sms');
    expect(() => notificationConfig({ ...sms, SMS_AUTH_TOKEN: '' })).toThrow('set SMS_AUTH_TOKEN');
  });
});

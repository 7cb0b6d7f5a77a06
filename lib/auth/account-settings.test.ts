import { describe, expect, it } from 'vitest';
import { describeUserAgent, parseAccountSettings } from './account-settings';

describe('the settings form', () => {
  const valid = { givenName: 'Ana', familyName: 'Alvarez', phone: '', preferredLanguage: 'es', notificationChannel: 'email' };

  it('accepts a complete form and trims names', () => {
    const parsed = parseAccountSettings({ ...valid, givenName: '  Ana  ' });
    expect(parsed).toEqual({ ok: true, data: { ...valid, givenName: 'Ana' } });
  });

  it('names each field with its problem', () => {
    const parsed = parseAccountSettings({ givenName: ' ', familyName: 'x'.repeat(101), phone: '', preferredLanguage: 'fr' });
    expect(parsed).toEqual({
      ok: false,
      errors: { givenName: 'required', familyName: 'too_long', preferredLanguage: 'required', notificationChannel: 'required' },
    });
  });
});

describe('devices in the sessions list', () => {
  it('names common browsers and systems', () => {
    const cases: [string, string | null, string | null][] = [
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36', 'Chrome', 'Linux'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0', 'Edge', 'Windows'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1', 'Safari', 'iOS'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'macOS'],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android'],
      ['curl/8.5.0', null, null],
    ];
    for (const [ua, browser, os] of cases) expect(describeUserAgent(ua), ua).toEqual({ browser, os });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
  });
});

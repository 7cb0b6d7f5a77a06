import { describe, expect, it } from 'vitest';
import { isSecretTemplate, renderNotification, TemplateError, templates, type RenderInput } from './templates';
import { displayAccessCode } from './templates/helpers';

const now = new Date('2026-03-02T15:00:00Z');
const options = { now, portalUrl: 'https://portal.example.gov' };
const payload = {
  receiptNumber: 'IOE0912345678',
  formType: 'I-134A',
  applicantName: 'Ana García',
  audience: 'applicant',
  expiresOn: '2026-06-01',
};

function input(overrides: Partial<RenderInput> = {}): RenderInput {
  return { channel: 'email', recipient: 'ana@example.com', language: 'en', template: 'account-access-notice', payload, ...overrides };
}

describe('the account access notice', () => {
  it('is marked secret, so its stored body is sealed', () => {
    expect(templates['account-access-notice'].secret).toBe(true);
    expect(isSecretTemplate('account-access-notice')).toBe(true);
    expect(isSecretTemplate('no-such-template')).toBe(false);
  });

  it('tells a representative it is the representative code for the client’s case', () => {
    const rendered = renderNotification(input({ payload: { ...payload, audience: 'representative' } }), { code: 'abcd efgh jkmn' }, options);
    expect(rendered.subject).toBe('Representative online access code for receipt number IOE0912345678');
    expect(rendered.text).toContain('Dear representative of record,');
    expect(rendered.text).toContain('representative of record on the Form I-134A of Ana García');
    expect(rendered.text).toContain('ABCD-EFGH-JKMN');
  });

  it('keeps the code out of the subject, which rests in clear', () => {
    for (const language of ['en', 'es'] as const) {
      for (const channel of ['email', 'sms', 'letter'] as const) {
        const rendered = renderNotification(input({ language, channel }), { code: '7KQ2M9XD4RTF' }, options);
        expect(rendered.subject).not.toContain('7KQ2');
        expect(rendered.text).toContain('7KQ2-M9XD-4RTF');
      }
    }
  });

  it('escapes what it puts into the HTML part', () => {
    const rendered = renderNotification(input({ payload: { ...payload, applicantName: '<b>Ana</b> & Co' } }), { code: 'X' }, options);
    expect(rendered.html).toContain('Dear &lt;b&gt;Ana&lt;/b&gt; &amp; Co,');
    expect(rendered.html).not.toContain('<b>Ana</b>');
  });

  it('is one short text message for SMS', () => {
    const rendered = renderNotification(input({ channel: 'sms' }), { code: '7KQ2M9XD4RTF' }, options);
    expect(rendered.html).toBeUndefined();
    expect(rendered.text).toBe(
      'Immigration Benefits Agency: your online access code for receipt IOE0912345678 (Form I-134A) is 7KQ2-M9XD-4RTF. ' +
        'It works once and expires on June 1, 2026. Sign in, choose Link a case and enter both. Not expecting this? Ignore it.',
    );
  });

  it('is a printable letter with letterhead, date, addressee, body and signature', () => {
    const rendered = renderNotification(
      input({ channel: 'letter', recipient: 'Ana García\n  123 Main St Apt 4\nPhoenix, AZ 85001\n' }),
      { code: '7KQ2M9XD4RTF' },
      options,
    );
    const [letterhead, date, addressee, regarding] = rendered.text.split('\n\n');
    expect(letterhead).toBe('IMMIGRATION BENEFITS AGENCY\nOnline Account Services\nOnline: https://portal.example.gov');
    expect(date).toBe('March 2, 2026');
    expect(addressee).toBe('Ana García\n123 Main St Apt 4\nPhoenix, AZ 85001');
    expect(regarding).toBe('Re: Your online access code for receipt number IOE0912345678');
    expect(rendered.text).toMatch(/Sincerely,\n\nOnline Account Services\nImmigration Benefits Agency\n$/);
    expect(rendered.text).not.toContain('Please do not reply');
    expect(Math.max(...rendered.text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(72);
  });

  it('dates a letter by the agency’s calendar day, not UTC’s', () => {
    const lateEvening = { ...options, now: new Date('2026-03-03T03:00:00Z') }; // 10 p.m. on March 2 in Washington
    const rendered = renderNotification(input({ channel: 'letter', recipient: 'Ana' }), { code: 'X' }, lateEvening);
    expect(rendered.text.split('\n\n')[1]).toBe('March 2, 2026');
  });

  it('refuses to render without its code or with a payload it cannot read', () => {
    expect(() => renderNotification(input(), {}, options)).toThrow(TemplateError);
    expect(() => renderNotification(input({ payload: { ...payload, expiresOn: '06/01/2026' } }), { code: 'X' }, options)).toThrow(
      TemplateError,
    );
    expect(() => renderNotification(input({ template: 'no-such-template' }), {}, options)).toThrow(TemplateError);
  });
});

describe('printed access codes', () => {
  it('are upper case in groups of four, however they were handed in', () => {
    expect(displayAccessCode('7kq2m9xd4rtf')).toBe('7KQ2-M9XD-4RTF');
    expect(displayAccessCode('7KQ2-M9XD 4RTF')).toBe('7KQ2-M9XD-4RTF');
  });
});

describe('subjects, which rest in clear in the outbox row', () => {
  const cases: { template: RenderInput['template']; payload: Record<string, unknown>; secrets: Record<string, string>; secret: string }[] = [
    ...(['sign_in', 'confirm_email', 'confirm_phone'] as const).map((purpose) => ({
      template: 'one-time-code' as const,
      payload: { purpose },
      secrets: { code: '472913' },
      secret: '472913',
    })),
    {
      template: 'staff-setup-link',
      payload: { name: 'Omar Officer', role: 'officer', validHours: 72 },
      secrets: { link: 'https://portal.example.gov/staff/setup/Zq8xT3' },
      secret: 'Zq8xT3',
    },
    { template: 'account-access-notice', payload, secrets: { code: '7KQ2M9XD4RTF' }, secret: '7KQ2' },
  ];

  it('never carry the code or link of a secret template, in either language or channel', () => {
    for (const { template, payload: values, secrets, secret } of cases) {
      for (const language of ['en', 'es'] as const) {
        for (const channel of ['email', 'sms'] as const) {
          const rendered = renderNotification(input({ template, payload: values as RenderInput['payload'], language, channel }), secrets, options);
          expect(rendered.subject, `${template} ${JSON.stringify(values)} ${language} ${channel}`).not.toContain(secret);
          expect(rendered.text).toContain(secret);
        }
      }
    }
  });
});

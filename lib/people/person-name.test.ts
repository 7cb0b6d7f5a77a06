import { describe, expect, it } from 'vitest';
import { parseAccountSettings } from '@/lib/auth/account-settings';
import { parseSignUp } from '@/lib/auth/sign-up-schema';
import { parseStaffAccount } from '@/lib/auth/staff-accounts';
import { personName } from './person-name';

// Each would reach an email, a text or a printed letter looking like something else, or break its layout.
const HOSTILE_NAMES = [
  ['a right-to-left override', 'Ana\u202Egnp.exe'],
  ['a left-to-right embedding', '\u202AAna'],
  ['a first-strong isolate', 'Ana\u2068 Pérez'],
  ['a right-to-left mark', 'Ana\u200F'],
  ['an Arabic letter mark', 'Ana\u061C'],
  ['a newline', 'Ana\nDear customer, your code is'],
  ['a carriage return', 'Ana\rPérez'],
  ['a tab', 'Ana\tPérez'],
  ['a NUL', 'Ana\u0000'],
  ['a C1 control', 'Ana\u0085'],
] as const;

describe('one rule for every name field', () => {
  it.each(HOSTILE_NAMES)('refuses %s', (_, name) => {
    const parsed = personName().safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe('unprintable');
  });

  it('keeps the names of every script, with their accents, apostrophes, hyphens and joiners', () => {
    for (const name of ["O'Brien", 'Nguyễn Thị', 'García-Márquez', 'Zoë', 'محمد', '李小龙', 'Ṭhākur', 'मनोज\u200D']) {
      expect(personName().parse(name)).toBe(name.normalize('NFC'));
    }
  });

  it('stores the same name the same way however it was typed (NFC)', () => {
    expect(personName().parse('Jose\u0301')).toBe('José');
  });

  it('is the rule of sign-up, settings and staff accounts alike (the case import tests it too)', () => {
    const name = 'Ana\u202Egnp.exe';
    const signUp = parseSignUp({ role: 'applicant', givenName: name, familyName: 'Pérez', email: 'ana@example.com', password: 'a long enough passphrase', preferredLanguage: 'en', secondFactor: 'email' });
    expect(signUp.ok ? null : signUp.errors.givenName).toBe('unprintable');
    const settings = parseAccountSettings({ givenName: 'Ana', familyName: name, phone: '', preferredLanguage: 'en', notificationChannel: 'email' });
    expect(settings.ok ? null : settings.errors.familyName).toBe('unprintable');
    const staff = parseStaffAccount({ email: 'olga@example.gov', givenName: name, familyName: 'Petrova', role: 'officer', preferredLanguage: 'en' });
    expect(staff.ok ? null : staff.errors.givenName).toBe('unprintable');
  });
});

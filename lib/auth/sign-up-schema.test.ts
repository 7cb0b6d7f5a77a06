import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from './password-policy';
import {
  PASSWORD_LENGTH,
  US_STATES_AND_TERRITORIES,
  isUsPhoneNumber,
  keptSignUpValues,
  normalisePhoneNumber,
  parseSecondFactorChoice,
  parseSignUp,
  parseSixDigitCode,
} from './sign-up-schema';

const applicant = {
  role: 'applicant',
  givenName: 'Lena',
  familyName: 'Ortiz',
  email: 'lena.ortiz@example.com',
  password: 'violet harbour tractor',
  preferredLanguage: 'en',
  secondFactor: 'email',
};

const attorney = {
  ...applicant,
  role: 'representative',
  representativeKind: 'attorney',
  barNumber: '031457',
  licensingState: 'AZ',
  organisation: 'Ortiz Immigration Law',
  sector: 'private',
};

const server = (raw: Record<string, unknown>) => parseSignUp(raw, passwordProblem);
const errorsOf = (raw: Record<string, unknown>) => {
  const result = server(raw);
  return result.ok ? {} : result.errors;
};

describe('the sign-up form’s rules', () => {
  it('accepts an applicant and keeps only what an applicant needs', () => {
    const result = server({ ...applicant, phone: '602 555 0143', barNumber: 'ignored' });
    expect(result).toEqual({
      ok: true,
      data: {
        role: 'applicant',
        givenName: 'Lena',
        familyName: 'Ortiz',
        email: 'lena.ortiz@example.com',
        password: 'violet harbour tractor',
        preferredLanguage: 'en',
        secondFactor: 'email',
        phone: null,
        representative: null,
      },
    });
  });

  it('gives every required field its own message when the form is empty', () => {
    expect(errorsOf({})).toEqual({
      role: 'required',
      givenName: 'required',
      familyName: 'required',
      email: 'required',
      password: 'too_short',
      preferredLanguage: 'required',
      secondFactor: 'required',
    });
  });

  it('trims names and refuses blank or overlong ones', () => {
    expect(errorsOf({ ...applicant, givenName: '   ', familyName: 'x'.repeat(101) })).toEqual({ givenName: 'required', familyName: 'too_long' });
    const ok = server({ ...applicant, givenName: '  Lena ' });
    expect(ok.ok && ok.data.givenName).toBe('Lena');
  });

  it('checks the shape of the email address', () => {
    expect(errorsOf({ ...applicant, email: 'lena.ortiz' })).toEqual({ email: 'invalid' });
    expect(errorsOf({ ...applicant, email: 'lena@' })).toEqual({ email: 'invalid' });
    expect(errorsOf({ ...applicant, email: `${'a'.repeat(250)}@example.com` })).toEqual({ email: 'too_long' });
    const ok = server({ ...applicant, email: '  Lena.Ortiz@Example.com ' });
    expect(ok.ok && ok.data.email).toBe('Lena.Ortiz@Example.com');
  });

  it('names each password rule that is broken', () => {
    expect(errorsOf({ ...applicant, password: 'short one' }).password).toBe('too_short');
    expect(errorsOf({ ...applicant, password: 'x'.repeat(129) }).password).toBe('too_long');
    expect(errorsOf({ ...applicant, password: 'password1234' }).password).toBe('common');
    expect(errorsOf({ ...applicant, password: 'aaaaaaaaaaaaaa' }).password).toBe('repetitive');
    expect(errorsOf({ ...applicant, password: 'my lena.ortiz secret' }).password).toBe('contains_email');
  });

  it('allows any characters in a password, including spaces at the ends and emoji', () => {
    const result = server({ ...applicant, password: ' tortuga 🐢 lenta ' });
    expect(result.ok && result.data.password).toBe(' tortuga 🐢 lenta ');
  });

  it('in the browser checks only the password length, which is the server’s rule', () => {
    expect(PASSWORD_LENGTH).toEqual({ min: PASSWORD_MIN, max: PASSWORD_MAX });
    expect(parseSignUp({ ...applicant, password: 'password1234' }).ok).toBe(true);
    expect(parseSignUp({ ...applicant, password: '12345678901' })).toEqual({ ok: false, errors: { password: 'too_short' } });
  });

  it('refuses a forged officer or supervisor role', () => {
    expect(errorsOf({ ...applicant, role: 'officer' })).toEqual({ role: 'required' });
    expect(errorsOf({ ...applicant, role: 'supervisor' })).toEqual({ role: 'required' });
    expect(errorsOf({ ...applicant, role: ['applicant', 'officer'] })).toEqual({ role: 'required' });
  });

  it('needs a real phone number for text messages and stores it in E.164, US by default', () => {
    expect(errorsOf({ ...applicant, secondFactor: 'sms' })).toEqual({ phone: 'required' });
    expect(errorsOf({ ...applicant, secondFactor: 'sms', phone: '555-0143' })).toEqual({ phone: 'invalid' });
    expect(errorsOf({ ...applicant, secondFactor: 'sms', phone: 'call me' })).toEqual({ phone: 'invalid' });
    for (const [typed, e164] of [
      ['(602) 555-0143', '+16025550143'],
      ['602.555.0143', '+16025550143'],
      ['+1 602 555 0143', '+16025550143'],
      ['+52 55 1234 5678', '+525512345678'],
    ]) {
      const result = server({ ...applicant, secondFactor: 'sms', phone: typed });
      expect(result.ok && result.data.phone, typed).toBe(e164);
    }
  });

  it('refuses an unknown second-step method', () => {
    expect(errorsOf({ ...applicant, secondFactor: 'carrier pigeon' })).toEqual({ secondFactor: 'required' });
  });

  it('accepts an attorney with bar number and licensing state', () => {
    const result = server(attorney);
    expect(result.ok && result.data.representative).toEqual({
      kind: 'attorney',
      barNumber: '031457',
      licensingState: 'AZ',
      accreditationNumber: null,
      organisation: 'Ortiz Immigration Law',
      sector: 'private',
    });
  });

  it('accepts an accredited representative with an accreditation number', () => {
    const result = server({ ...attorney, representativeKind: 'accredited_representative', barNumber: '', licensingState: '', accreditationNumber: 'R-2024-0117', sector: 'nonprofit' });
    expect(result.ok && result.data.representative).toEqual({
      kind: 'accredited_representative',
      barNumber: null,
      licensingState: null,
      accreditationNumber: 'R-2024-0117',
      organisation: 'Ortiz Immigration Law',
      sector: 'nonprofit',
    });
  });

  it('asks a representative for each part of the profile', () => {
    expect(errorsOf({ ...applicant, role: 'representative' })).toEqual({ representativeKind: 'required', organisation: 'required', sector: 'required' });
    expect(errorsOf({ ...attorney, barNumber: '', licensingState: '' })).toEqual({ barNumber: 'required', licensingState: 'required' });
    expect(errorsOf({ ...attorney, licensingState: 'ZZ' })).toEqual({ licensingState: 'invalid' });
    expect(errorsOf({ ...attorney, barNumber: '<script>' })).toEqual({ barNumber: 'invalid' });
    expect(errorsOf({ ...attorney, representativeKind: 'accredited_representative' })).toEqual({ accreditationNumber: 'required' });
    expect(errorsOf({ ...attorney, sector: 'government' })).toEqual({ sector: 'required' });
  });

  it('lists the 50 states, the District of Columbia and the five inhabited territories', () => {
    expect(new Set(US_STATES_AND_TERRITORIES).size).toBe(56);
  });

  it('gives back everything typed except the password', () => {
    expect(keptSignUpValues({ ...attorney, password: 'secret secret', $ACTION_ID_x: '' })).toEqual({ ...attorney, password: undefined });
    expect('password' in keptSignUpValues(attorney)).toBe(false);
  });
});

describe('phone numbers', () => {
  it('normalise to E.164 or nothing', () => {
    expect(normalisePhoneNumber(' 602-555-0143 ')).toBe('+16025550143');
    expect(normalisePhoneNumber('12345')).toBeNull();
    expect(normalisePhoneNumber('')).toBeNull();
  });
});

describe('the second-step choice on its own', () => {
  it('needs a method, and a phone for text messages', () => {
    expect(parseSecondFactorChoice({})).toEqual({ ok: false, errors: { secondFactor: 'required' } });
    expect(parseSecondFactorChoice({ secondFactor: 'totp' })).toEqual({ ok: true, data: { method: 'totp' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '' })).toEqual({ ok: false, errors: { phone: 'required' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '999' })).toEqual({ ok: false, errors: { phone: 'invalid' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '(602) 555-0143' })).toEqual({ ok: true, data: { method: 'sms', phone: '+16025550143' } });
  });
});

describe('numbers texts may go to', () => {
  const usOnly = { offered: true, international: false };

  it('are US numbers: +1 with an area code of the states or the territories', () => {
    for (const number of ['+16025550143', '+17875550143', '+19395550143', '+13405550143', '+16715550143', '+16845550143', '+16705550143', '+12025550143']) {
      expect(isUsPhoneNumber(number), number).toBe(true);
    }
    // Canada, the Dominican Republic, Jamaica, Bermuda, toll-free, premium, a service code, Mexico.
    for (const number of ['+14165550143', '+18095550143', '+18765550143', '+14415550143', '+18005550143', '+19005550143', '+12115550143', '+525512345678']) {
      expect(isUsPhoneNumber(number), number).toBe(false);
    }
  });

  it('refuse other numbers naming the rule, unless the portal is set up for international texts', () => {
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '+52 55 1234 5678' }, usOnly)).toEqual({ ok: false, errors: { phone: 'not_us' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '(416) 555-0143' }, usOnly)).toEqual({ ok: false, errors: { phone: 'not_us' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '(787) 555-0143' }, usOnly)).toEqual({ ok: true, data: { method: 'sms', phone: '+17875550143' } });
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '+52 55 1234 5678' }, { offered: true, international: true })).toEqual({
      ok: true,
      data: { method: 'sms', phone: '+525512345678' },
    });
    const signUp = parseSignUp({ ...applicant, secondFactor: 'sms', phone: '+44 7911 123456' }, undefined, usOnly);
    expect(signUp.ok === false && signUp.errors.phone).toBe('not_us');
  });

  it('are none while texting is not offered: the text method is refused, not just hidden', () => {
    const none = { offered: false, international: false };
    expect(parseSecondFactorChoice({ secondFactor: 'sms', phone: '(602) 555-0143' }, none)).toEqual({ ok: false, errors: { secondFactor: 'unavailable' } });
    expect(parseSecondFactorChoice({ secondFactor: 'email' }, none)).toEqual({ ok: true, data: { method: 'email' } });
    const signUp = parseSignUp({ ...applicant, secondFactor: 'sms', phone: '(602) 555-0143' }, undefined, none);
    expect(signUp.ok === false && signUp.errors.secondFactor).toBe('unavailable');
  });
});

describe('six-digit codes', () => {
  it('ignore spaces and dashes and refuse anything else', () => {
    expect(parseSixDigitCode(' 123 456 ')).toEqual({ ok: true, code: '123456' });
    expect(parseSixDigitCode('123-456')).toEqual({ ok: true, code: '123456' });
    expect(parseSixDigitCode('')).toEqual({ ok: false, error: 'required' });
    expect(parseSixDigitCode(undefined)).toEqual({ ok: false, error: 'required' });
    expect(parseSixDigitCode('12345')).toEqual({ ok: false, error: 'invalid' });
    expect(parseSixDigitCode('12345a')).toEqual({ ok: false, error: 'invalid' });
  });
});

import { describe, expect, it } from 'vitest';
import { backupCodeSchema, codeSchema, issueKeys, signInSchema } from './sign-in-schemas';

const keysOf = (result: { success: boolean; error?: Parameters<typeof issueKeys>[0] }) => (result.success ? {} : issueKeys(result.error!));

describe('the sign-in form', () => {
  it('accepts an address with spaces around it and takes the password exactly as typed', () => {
    expect(signInSchema.parse({ email: '  Ana@Example.com ', password: ' spaced out password ' })).toEqual({
      email: 'Ana@Example.com',
      password: ' spaced out password ',
    });
  });

  it('names each missing field', () => {
    expect(keysOf(signInSchema.safeParse({ email: '   ', password: '' }))).toEqual({ email: 'emailRequired', password: 'passwordRequired' });
  });

  it('refuses an address without the shape name@domain.tld, or too long', () => {
    for (const email of ['ana', 'ana@', 'ana@example', 'a b@example.com']) {
      expect(keysOf(signInSchema.safeParse({ email, password: 'x' })), email).toEqual({ email: 'emailFormat' });
    }
    expect(keysOf(signInSchema.safeParse({ email: `${'a'.repeat(250)}@example.com`, password: 'x' }))).toEqual({ email: 'emailTooLong' });
  });

  it('refuses a password longer than any account can have', () => {
    expect(keysOf(signInSchema.safeParse({ email: 'ana@example.com', password: 'p'.repeat(129) }))).toEqual({ password: 'passwordTooLong' });
  });
});

describe('the code forms', () => {
  it('take six digits, ignoring spaces and dashes', () => {
    expect(codeSchema.parse({ code: ' 123 456 ' })).toEqual({ code: '123456' });
    expect(codeSchema.parse({ code: '123-456' })).toEqual({ code: '123456' });
  });

  it('say whether the code is missing or the wrong shape', () => {
    expect(keysOf(codeSchema.safeParse({ code: ' ' }))).toEqual({ code: 'codeRequired' });
    for (const code of ['12345', '1234567', '12345a', 'abcdef']) expect(keysOf(codeSchema.safeParse({ code })), code).toEqual({ code: 'codeFormat' });
  });

  it('take a backup code in any case, with or without its dash', () => {
    expect(backupCodeSchema.parse({ code: 'abcde-12345' })).toEqual({ code: 'ABCDE12345' });
    expect(keysOf(backupCodeSchema.safeParse({ code: '' }))).toEqual({ code: 'backupRequired' });
    expect(keysOf(backupCodeSchema.safeParse({ code: '123456' }))).toEqual({ code: 'backupFormat' });
  });
});

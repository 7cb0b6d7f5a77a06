import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('password rules (NIST SP 800-63B)', () => {
  it('needs at least 12 characters and at most 128, counted as characters', () => {
    expect(passwordProblem('short-pass1')).toBe('too_short');
    expect(passwordProblem('a'.repeat(64) + 'b'.repeat(65))).toBe('too_long');
    expect(passwordProblem('mañana-lluvia-azul')).toBeNull();
    expect(passwordProblem('ñ'.repeat(5) + 'tortuga')).toBeNull(); // 12 characters, more bytes
  });

  it('has no composition rules: a long passphrase of lowercase words is fine', () => {
    expect(passwordProblem('purple elephants dance quietly')).toBeNull();
  });

  it('allows any characters, including spaces and emoji', () => {
    expect(passwordProblem('🌵 desert bloom 🌵 at dawn')).toBeNull();
  });

  it('refuses common and breached passwords, whatever the case', () => {
    expect(passwordProblem('qwerty123456')).toBe('common');
    expect(passwordProblem('QWERTY123456')).toBe('common');
    expect(passwordProblem('1qaz2wsx3edc')).toBe('common');
  });

  it('refuses repeated characters and simple sequences', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('repetitive');
    expect(passwordProblem('abcdefghijklm')).toBe('repetitive');
    expect(passwordProblem('1234567890123')).toBe('repetitive');
  });

  it('refuses a password built on the email address', () => {
    expect(passwordProblem('maria.gonzalez-2026', { email: 'maria.gonzalez@example.com' })).toBe('contains_email');
  });
});

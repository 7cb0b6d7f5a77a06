import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_ENTROPY_BITS,
  formatAccessCode,
  generateAccessCode,
  hashAccessCode,
  normaliseAccessCode,
} from './access-code';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

describe('online access codes', () => {
  it('use 32 symbols: the ten digits and the letters without I, L, O and U', () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    for (const lookAlike of 'ILOU') expect(ACCESS_CODE_ALPHABET).not.toContain(lookAlike);
    expect(ACCESS_CODE_ALPHABET).toMatch(/^[0-9A-Z]+$/);
  });

  it('have 12 symbols of the alphabet, 60 bits of entropy', () => {
    expect(ACCESS_CODE_ENTROPY_BITS).toBe(60);
    expect(Math.log2(ACCESS_CODE_ALPHABET.length ** 12)).toBeCloseTo(60, 10);
    for (let i = 0; i < 200; i++) expect(generateAccessCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('draw every symbol about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const draws = 4000;
    for (let i = 0; i < draws; i++) for (const s of generateAccessCode()) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (draws * 12) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });

  it('print in groups of four', () => {
    expect(formatAccessCode('7KQ2M9XD4RTF')).toBe('7KQ2-M9XD-4RTF');
    expect(formatAccessCode('7kq2 m9xd 4rtf')).toBe('7KQ2-M9XD-4RTF');
  });

  it('read back whatever the case, spaces and dashes', () => {
    expect(normaliseAccessCode('7kq2 m9xd-4rtf')).toBe('7KQ2M9XD4RTF');
    expect(normaliseAccessCode(' 7KQ2-M9XD-4RTF ')).toBe('7KQ2M9XD4RTF');
    expect(normaliseAccessCode('7KQ2\tM9XD\n4RTF')).toBe('7KQ2M9XD4RTF');
  });

  it('refuse look-alikes, other symbols and wrong lengths', () => {
    expect(normaliseAccessCode('7KQ2-M9XD-4RTO')).toBeNull(); // O, not zero
    expect(normaliseAccessCode('IKQ2-M9XD-4RTF')).toBeNull();
    expect(normaliseAccessCode('7KQ2-M9XD-4RTL')).toBeNull();
    expect(normaliseAccessCode('7KQ2-M9XD-4RTU')).toBeNull();
    expect(normaliseAccessCode('7KQ2-M9XD-4RT')).toBeNull();
    expect(normaliseAccessCode('7KQ2-M9XD-4RTFF')).toBeNull();
    expect(normaliseAccessCode('7KQ2_M9XD_4RTF')).toBeNull();
    expect(normaliseAccessCode('')).toBeNull();
    expect(() => formatAccessCode('7KQ2-M9XD-4RTO')).toThrow();
  });

  it('normalise any printed code back to itself', () => {
    const code = fc.array(fc.constantFrom(...ACCESS_CODE_ALPHABET), { minLength: 12, maxLength: 12 }).map((s) => s.join(''));
    fc.assert(
      fc.property(code, fc.boolean(), (bare, lower) => {
        const printed = formatAccessCode(bare);
        expect(normaliseAccessCode(lower ? printed.toLowerCase() : printed)).toBe(bare);
      }),
    );
  });

  it('hash the same code the same way however it was typed, and never contain it', () => {
    const hash = hashAccessCode('7KQ2-M9XD-4RTF');
    expect(hashAccessCode('7kq2 m9xd 4rtf')).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccessCode('7KQ2-M9XD-4RTG')).not.toBe(hash);
    expect(() => hashAccessCode('not a code')).toThrow();
  });
});

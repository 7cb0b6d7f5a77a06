import { describe, expect, it } from 'vitest';
import { keyedHash, sameDigest, seal, unseal } from './secrets';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

describe('secrets', () => {
  it('hashes the same value the same way for one purpose and differently for another', () => {
    expect(keyedHash('access-code', 'ABCD')).toBe(keyedHash('access-code', 'ABCD'));
    expect(keyedHash('access-code', 'ABCD')).not.toBe(keyedHash('one-time-code', 'ABCD'));
    expect(sameDigest(keyedHash('x', 'a'), keyedHash('x', 'a'))).toBe(true);
    expect(sameDigest(keyedHash('x', 'a'), keyedHash('x', 'b'))).toBe(false);
  });

  it('seals text so it reads back only with the same key and untouched', () => {
    const sealed = seal('7KQ2-M9XD-4RTF');
    expect(sealed).not.toContain('7KQ2');
    expect(unseal(sealed)).toBe('7KQ2-M9XD-4RTF');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => unseal(tampered)).toThrow();
  });
});

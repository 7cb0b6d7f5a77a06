import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores argon2id with the OWASP parameters and a fresh salt each time', async () => {
    const first = await hashPassword('purple elephants dance quietly');
    const second = await hashPassword('purple elephants dance quietly');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('mañana-lluvia-azul');
    expect(await verifyPassword(stored, 'mañana-lluvia-azul')).toBe(true);
    expect(await verifyPassword(stored, 'manana-lluvia-azul')).toBe(false);
    expect(await verifyPassword('not a hash', 'mañana-lluvia-azul')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/lib/auth/password-policy';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

describe('demo accounts', () => {
  it('share a password the portal itself would accept', () => {
    for (const account of DEMO_ACCOUNTS) expect(passwordProblem(DEMO_PASSWORD, { email: account.email }), account.email).toBeNull();
  });

  it('cover every role, with a profile for the representative only', () => {
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect([...roles].sort()).toEqual(['applicant', 'officer', 'representative', 'supervisor']);
    for (const account of DEMO_ACCOUNTS) expect(Boolean(account.representative)).toBe(account.role === 'representative');
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(DEMO_ACCOUNTS.length);
  });
});

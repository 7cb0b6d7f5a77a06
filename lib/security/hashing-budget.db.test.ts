import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { fixedClock, MINUTE } from '@/lib/clock';
import { knownDevicesIn, rememberDevice } from '@/lib/auth/known-device';
import { passwordStep } from '@/lib/auth/sign-in';
import { createAccount } from '@/lib/auth/sign-up';
import { createTestUser, TEST_PASSWORD } from '@/lib/auth/testing/accounts';
import { hashingBudget, type HashingBudget } from './hashing-budget';

// The counters are shared by the tests of this file: each test starts an hour after the last, in fresh windows.
const start = (hour: number) => fixedClock(`2026-05-04T${hour}:00:00Z`);
const small: HashingBudget = {
  perClient: { kind: 'window', limit: 3, periodMs: 10 * MINUTE },
  overall: { kind: 'window', limit: 5, periodMs: MINUTE },
};

describe('the budget of password checks', () => {
  it('defaults to 100 checks per client address every 10 minutes and 1,200 a minute portal-wide, and can be raised', () => {
    expect(hashingBudget({})).toEqual({
      perClient: { kind: 'window', limit: 100, periodMs: 10 * MINUTE },
      overall: { kind: 'window', limit: 1_200, periodMs: MINUTE },
    });
    expect(hashingBudget({ PASSWORD_CHECKS_PER_CLIENT: '5000', PASSWORD_CHECKS_PER_MINUTE: 'lots' }).perClient.limit).toBe(5000);
    expect(hashingBudget({ PASSWORD_CHECKS_PER_MINUTE: '-1' }).overall.limit).toBe(1_200);
  });

  it('refuses a client past its share without checking anything, while other clients go on', async () => {
    const clock = start(15);
    const user = await createTestUser(getDb(), clock);
    const from = (clientAddress: string, password = 'wrong wrong wrong') =>
      passwordStep(getDb(), clock, { email: user.email, password, userAgent: null, clientAddress, budget: small });
    for (let i = 0; i < 3; i++) expect(await from('203.0.113.7')).toEqual({ ok: false, error: 'invalid' });
    expect(await from('203.0.113.7', TEST_PASSWORD)).toEqual({ ok: false, error: 'busy', until: new Date('2026-05-04T15:10:00Z') });
    expect((await from('198.51.100.4', TEST_PASSWORD)).ok).toBe(true);
    const busy = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'sign_in.password'), eq(auditLog.outcome, 'denied')));
    expect(busy.map((row) => row.detail)).toEqual([{ reason: 'busy' }]);
  });

  it('bounds the whole portal, but a browser known to the account is not held back by the flood', async () => {
    const clock = start(16);
    const owner = await createTestUser(getDb(), clock);
    // Many addresses, each within its own share, together reach the portal-wide bound.
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(await passwordStep(getDb(), clock, { email: `someone${i}@example.com`, password: 'guess guess guess', userAgent: null, clientAddress: `192.0.2.${i}`, budget: small }));
    }
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'busy', 'busy']);
    const newBrowser = await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null, clientAddress: '198.51.100.9', budget: small });
    expect(newBrowser).toMatchObject({ ok: false, error: 'busy' });
    const ownBrowser = await passwordStep(getDb(), clock, {
      email: owner.email,
      password: TEST_PASSWORD,
      userAgent: null,
      clientAddress: '198.51.100.9',
      knownDevices: knownDevicesIn(rememberDevice(undefined, owner.id)),
      budget: small,
    });
    expect(ownBrowser.ok).toBe(true);
  });

  it('is spent by sign-ups too, which hash the new password', async () => {
    const clock = start(17);
    const signUp = (i: number) =>
      createAccount(getDb(), clock, {
        role: 'applicant',
        givenName: 'Nadia',
        familyName: 'Haddad',
        email: `nadia${i}@example.com`,
        password: TEST_PASSWORD,
        preferredLanguage: 'en',
        secondFactor: 'email',
        phone: null,
        representative: null,
        userAgent: null,
        clientAddress: '203.0.113.50',
        budget: small,
      });
    for (let i = 0; i < 3; i++) expect(await signUp(i)).toMatchObject({ ok: true, status: 'created' });
    expect(await signUp(3)).toEqual({ ok: false, error: 'throttled', until: new Date('2026-05-04T17:10:00Z') });
  });
});

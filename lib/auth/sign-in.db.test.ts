import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, sessions, throttles } from '@/db/schema';
import { keyedHash } from '@/lib/crypto/secrets';
import { DAY, fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { regenerateBackupCodes } from './backup-codes';
import { checkSession, extendSession } from './sessions';
import { codeCapKey, codeStep, passwordStep } from './sign-in';
import { knownDevicesIn, rememberDevice } from './known-device';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';
import { newTotpSecret, sealTotpSecret } from './totp';

const start = () => fixedClock('2026-05-04T15:00:00Z');

async function signInFully(clock = start(), email?: string) {
  const db = getDb();
  const user = await createTestUser(db, clock, email ? { email } : {});
  const first = await passwordStep(db, clock, { email: user.email, password: TEST_PASSWORD, userAgent: 'test' });
  if (!first.ok) throw new Error('password step failed');
  const code = await latestCodeSentTo(db, user.email);
  const second = await codeStep(db, clock, { token: first.token, code: code!, kind: 'code' });
  if (!second.ok) throw new Error('code step failed');
  return { user, pendingToken: first.token, token: second.token, second };
}

describe('sign-in, step one: the password', () => {
  it('accepts the right password, in any letter case of the email address, and sends an email code', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock, { email: 'lena.ortiz@example.com' });
    const result = await passwordStep(getDb(), clock, { email: '  Lena.Ortiz@Example.com ', password: TEST_PASSWORD, userAgent: null });
    expect(result.ok).toBe(true);
    expect(await latestCodeSentTo(getDb(), user.email)).toMatch(/^\d{6}$/);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const wrong = await passwordStep(getDb(), clock, { email: user.email, password: 'not the password at all', userAgent: null });
    const unknown = await passwordStep(getDb(), clock, { email: 'nobody-here@example.com', password: 'not the password at all', userAgent: null });
    expect(wrong).toEqual({ ok: false, error: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('locks password sign-in for 20 minutes after 5 wrong passwords in a row, even for the right one', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await passwordStep(getDb(), clock, { email: user.email, password: `wrong password ${i}`, userAgent: null }));
    expect(results.slice(0, 4).every((r) => !r.ok && r.error === 'invalid')).toBe(true);
    expect(results[4]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:20:00Z'), scope: 'new_browsers' });
    const right = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    expect(right).toMatchObject({ ok: false, error: 'locked' });
    clock.advance(20 * MINUTE);
    expect((await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null })).ok).toBe(true);
    const locks = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'account.lock'), eq(auditLog.objectId, String(user.id))));
    expect(locks).toHaveLength(1);
  });

  it('never lets a stranger keep the owner out: wrong passwords from elsewhere pause only browsers new to the account', async () => {
    const clock = start();
    const owner = await createTestUser(getDb(), clock);
    const ownersBrowser = knownDevicesIn(rememberDevice(undefined, owner.id));
    // A stranger without the password keeps failing, from wherever, for as long as they like.
    for (let i = 0; i < 25; i++) await passwordStep(getDb(), clock, { email: owner.email, password: `stranger guess ${i}`, userAgent: null });
    expect(await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null })).toMatchObject({ ok: false, error: 'locked', scope: 'new_browsers' });

    // The owner's own browser signs in all the same.
    const owners = await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null, knownDevices: ownersBrowser });
    expect(owners.ok).toBe(true);
    // An entry for another account is no way around the pause (forged entries are never read: known-device.test.ts).
    const someoneElse = knownDevicesIn(rememberDevice(undefined, owner.id + 1000));
    expect(await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null, knownDevices: someoneElse })).toMatchObject({ ok: false, error: 'locked' });
  });

  it("slows down a known browser's own wrong passwords (10 in a row: 5 minutes) without pausing anyone else", async () => {
    const clock = start();
    const owner = await createTestUser(getDb(), clock);
    const browser = knownDevicesIn(rememberDevice(undefined, owner.id));
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await passwordStep(getDb(), clock, { email: owner.email, password: `typo ${i}`, userAgent: null, knownDevices: browser }));
    expect(results.slice(0, 9).every((r) => !r.ok && r.error === 'invalid')).toBe(true);
    expect(results[9]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:05:00Z'), scope: 'browser' });
    // Browsers new to the account were not touched by the owner's typos.
    expect((await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null })).ok).toBe(true);
    clock.advance(5 * MINUTE);
    expect((await passwordStep(getDb(), clock, { email: owner.email, password: TEST_PASSWORD, userAgent: null, knownDevices: browser })).ok).toBe(true);
  });

  it('locks an unknown email address the same way, so lockouts reveal nothing', async () => {
    const clock = start();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await passwordStep(getDb(), clock, { email: 'ghost@example.com', password: 'guess guess guess', userAgent: null }));
    expect(results.map((r) => (r.ok ? 'ok' : r.error))).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked', 'locked']);
  });

  it('never judges more than 5 of 30 wrong passwords sent in parallel', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => passwordStep(getDb(), clock, { email: user.email, password: `parallel guess ${i}`, userAgent: null })),
    );
    const judged = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in.password'), eq(auditLog.outcome, 'failure'), eq(auditLog.objectId, String(user.id))));
    expect(judged.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.error === 'invalid').length).toBeLessThanOrEqual(4);
    expect(results.every((r) => !r.ok)).toBe(true);
  });
});

describe('sign-in, step two: the code', () => {
  it('signs in with the emailed code, which then does not work again', async () => {
    const clock = start();
    const { user, token, second } = await signInFully(clock);
    expect(second.ok).toBe(true);
    expect((await checkSession(getDb(), clock, token)).status).toBe('active');
    const again = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!again.ok) throw new Error('unexpected');
    const usedCode = await latestCodeSentTo(getDb(), user.email);
    expect((await codeStep(getDb(), clock, { token: again.token, code: usedCode!, kind: 'code' })).ok).toBe(true);
    expect(await codeStep(getDb(), clock, { token: again.token, code: usedCode!, kind: 'code' })).toEqual({ ok: false, error: 'expired' });
  });

  it('refuses a code after 10 minutes, and an earlier code once a newer one was sent', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    const code = await latestCodeSentTo(getDb(), user.email);
    clock.advance(10 * MINUTE);
    expect(await codeStep(getDb(), clock, { token: first.token, code: code!, kind: 'code' })).toEqual({ ok: false, error: 'invalid' });
  });

  it('locks for 10 minutes after 10 wrong codes', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    const real = await latestCodeSentTo(getDb(), user.email);
    const wrong = real === '000000' ? '111111' : '000000';
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await codeStep(getDb(), clock, { token: first.token, code: wrong, kind: 'code' }));
    expect(results.slice(0, 9).every((r) => !r.ok && r.error === 'invalid')).toBe(true);
    expect(results[9]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:10:00Z') });
    expect(await codeStep(getDb(), clock, { token: first.token, code: real!, kind: 'code' })).toMatchObject({ ok: false, error: 'locked' });
  });

  it('accepts an authenticator code once, not twice in the same window', async () => {
    const clock = start();
    const secret = newTotpSecret();
    const user = await createTestUser(getDb(), clock, { secondFactor: 'totp', totpSecret: sealTotpSecret(secret) });
    const code = await generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    const a = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    const b = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!a.ok || !b.ok) throw new Error('unexpected');
    expect((await codeStep(getDb(), clock, { token: a.token, code, kind: 'code' })).ok).toBe(true);
    expect(await codeStep(getDb(), clock, { token: b.token, code, kind: 'code' })).toEqual({ ok: false, error: 'invalid' });
  });

  it('accepts each backup code once', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const codes = await regenerateBackupCodes(getDb(), clock, user.id);
    expect(codes).toHaveLength(10);
    const a = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    const b = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!a.ok || !b.ok) throw new Error('unexpected');
    expect((await codeStep(getDb(), clock, { token: a.token, code: codes[3].toLowerCase(), kind: 'backup' })).ok).toBe(true);
    expect(await codeStep(getDb(), clock, { token: b.token, code: codes[3], kind: 'backup' })).toEqual({ ok: false, error: 'invalid' });
  });
});

describe('the session token', () => {
  it('is issued anew when the second step succeeds: the pending token, seen at the password step, no longer works', async () => {
    const clock = start();
    const { pendingToken, token } = await signInFully(clock);
    expect(token).not.toBe(pendingToken);
    expect((await checkSession(getDb(), clock, token)).status).toBe('active');
    expect(await checkSession(getDb(), clock, pendingToken)).toEqual({ status: 'none' });
  });

  it('is stored only as a keyed hash, pending or full', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    const [pending] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(pending.tokenHash).toBe(keyedHash('session', first.token));
    const second = await codeStep(getDb(), clock, { token: first.token, code: (await latestCodeSentTo(getDb(), user.email))!, kind: 'code' });
    if (!second.ok) throw new Error('unexpected');
    const [full] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(full.tokenHash).toBe(keyedHash('session', second.token));
    expect(JSON.stringify(full)).not.toContain(second.token);
  });

  it('of two parallel completions with the same pending session, only one gets a session', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    const codes = await regenerateBackupCodes(getDb(), clock, user.id);
    const results = await Promise.all(codes.slice(0, 2).map((code) => codeStep(getDb(), clock, { token: first.token, code, kind: 'backup' })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('100 wrong codes in a row', () => {
  async function pendingToken(clock: ReturnType<typeof start>, email: string) {
    const first = await passwordStep(getDb(), clock, { email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    return first.token;
  }

  /** `count` wrong guesses, waiting out each 10-minute lockout (and signing in again when the pending session ends). */
  async function wrongCodes(clock: ReturnType<typeof start>, email: string, count: number) {
    const results = [];
    let token = await pendingToken(clock, email);
    while (results.length < count) {
      // Backup-code guesses: no guess is ever right by chance.
      const result = await codeStep(getDb(), clock, { token, code: 'ZZZZZ-ZZZZZ', kind: 'backup' });
      if (!result.ok && result.error === 'expired') token = await pendingToken(clock, email);
      else {
        results.push(result);
        if (!result.ok && result.error === 'locked') clock.advance(10 * MINUTE);
      }
    }
    return results;
  }

  it('across the 10-minute lockouts, stop the second step until the password is reset, even for the right code', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const results = await wrongCodes(clock, user.email, 100);
    expect(results.slice(0, 99).every((r) => !r.ok && (r.error === 'invalid' || r.error === 'locked'))).toBe(true);
    expect(results[99]).toEqual({ ok: false, error: 'needs_reset' });
    clock.advance(DAY);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    const right = await latestCodeSentTo(getDb(), user.email);
    expect(await codeStep(getDb(), clock, { token: first.token, code: right!, kind: 'code' })).toEqual({ ok: false, error: 'needs_reset' });
    const locks = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'account.lock'), eq(auditLog.objectId, String(user.id))));
    expect(locks.map((l) => l.detail)).toContainEqual({ factor: 'code', until: 'password_reset' });
  });

  it('count failures in a row: a right code starts the count again', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await wrongCodes(clock, user.email, 99);
    clock.advance(10 * MINUTE);
    const token = await pendingToken(clock, user.email);
    expect((await codeStep(getDb(), clock, { token, code: (await latestCodeSentTo(getDb(), user.email))!, kind: 'code' })).ok).toBe(true);
    expect((await wrongCodes(clock, user.email, 99)).every((r) => !r.ok && r.error !== 'needs_reset')).toBe(true);
  });

  it('are never passed by parallel guesses', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await getDb().insert(throttles).values({ key: codeCapKey(user.id), count: 95, windowStartedAt: clock.now() });
    const pending = await Promise.all(Array.from({ length: 20 }, () => passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null })));
    await Promise.all(
      pending.map((p) => (p.ok ? codeStep(getDb(), clock, { token: p.token, code: 'ZZZZZ-ZZZZZ', kind: 'backup' }) : null)),
    );
    const judged = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'code.check'), eq(auditLog.outcome, 'failure'), eq(auditLog.objectId, String(user.id))));
    expect(judged.length).toBeLessThanOrEqual(5);
  });
});

describe('sessions', () => {
  it('end after 30 minutes without activity, recorded once in the audit log', async () => {
    const clock = start();
    const { token, user } = await signInFully(clock);
    clock.advance(29 * MINUTE);
    expect((await checkSession(getDb(), clock, token)).status).toBe('active');
    clock.advance(29 * MINUTE);
    expect((await checkSession(getDb(), clock, token)).status).toBe('active');
    clock.advance(30 * MINUTE);
    expect(await checkSession(getDb(), clock, token)).toEqual({ status: 'expired', reason: 'idle' });
    expect((await checkSession(getDb(), clock, token)).status).toBe('none');
    const ends = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'session.end'), eq(auditLog.actorId, user.id)));
    expect(ends.map((e) => e.detail)).toEqual([{ reason: 'idle' }]);
  });

  it('"Stay signed in" extends the idle time', async () => {
    const clock = start();
    const { token } = await signInFully(clock);
    clock.advance(10 * 1000);
    const check = await checkSession(getDb(), clock, token);
    if (check.status !== 'active') throw new Error('unexpected');
    clock.advance(28 * MINUTE);
    await extendSession(getDb(), clock, check.sessionId);
    clock.advance(20 * MINUTE);
    expect((await checkSession(getDb(), clock, token)).status).toBe('active');
  });

  it('end 12 hours after sign-in however active', async () => {
    const clock = start();
    const { token } = await signInFully(clock);
    for (let i = 0; i < 47; i++) {
      clock.advance(15 * MINUTE);
      expect((await checkSession(getDb(), clock, token)).status).toBe('active');
    }
    clock.advance(15 * MINUTE); // 12 hours after sign-in
    expect(await checkSession(getDb(), clock, token)).toEqual({ status: 'expired', reason: 'absolute' });
    expect(clock.now().getTime() - new Date('2026-05-04T15:00:00Z').getTime()).toBe(12 * HOUR);
  });
});

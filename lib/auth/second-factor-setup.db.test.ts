import { describe, expect, it, vi } from 'vitest';
import { generate } from 'otplib';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, backupCodes, notifications, users } from '@/db/schema';
import { fixedClock, MINUTE } from '@/lib/clock';
import { normaliseBackupCode } from './backup-codes';
import { beginSecondFactorSetup, completeSecondFactorSetup, groupSecret, resendPhoneCode, totpEnrolment } from './second-factor-setup';
import { codeStep, passwordStep } from './sign-in';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';
import { unsealTotpSecret } from './totp';

const start = () => fixedClock('2026-05-04T15:00:00Z');
const epochOf = (date: Date) => Math.floor(date.getTime() / 1000);

/** A confirmed account that has not set up its second step yet, as after confirming the email at sign-up. */
async function newcomer(clock = start()) {
  const user = await createTestUser(getDb(), clock);
  const [row] = await getDb().update(users).set({ secondFactor: null }).where(eq(users.id, user.id)).returning();
  return row;
}

const freshUser = async (id: number) => (await getDb().select().from(users).where(eq(users.id, id)))[0];

describe('setting up an authenticator app', () => {
  it('shows the secret as a QR code and in groups of four', async () => {
    const enrolment = await totpEnrolment('lena@example.com', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.*secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP/);
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(enrolment.secretGroups).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'JBSW', 'Y3DP', 'EHPK', '3PXP']);
    expect(groupSecret('ABCDEF')).toEqual(['ABCD', 'EF']);
  });

  it('accepts the app’s code at the injected time, stores the secret sealed and makes ten backup codes', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (setup.method !== 'totp') throw new Error('unexpected');
    const code = await generate({ secret: setup.secret, epoch: epochOf(clock.now()) });
    const result = await completeSecondFactorSetup(getDb(), clock, { user, setup, code });
    if (!result.ok) throw new Error(`unexpected ${result.error}`);
    const row = await freshUser(user.id);
    expect(row.secondFactor).toBe('totp');
    expect(row.totpSecret).not.toContain(setup.secret);
    expect(unsealTotpSecret(row.totpSecret!)).toBe(setup.secret);
    expect(result.backupCodes).toHaveLength(10);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'second_factor.set'), eq(auditLog.objectId, String(user.id))));
    expect(entry).toMatchObject({ outcome: 'success', detail: { method: 'totp', previous: null } });
    expect(JSON.stringify(entry.detail)).not.toContain(setup.secret);
  });

  it('refuses a wrong code and a code from another secret, and stores nothing', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (setup.method !== 'totp') throw new Error('unexpected');
    const right = await generate({ secret: setup.secret, epoch: epochOf(clock.now()) });
    const wrong = right === '000000' ? '111111' : '000000';
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code: wrong })).toEqual({ ok: false, error: 'invalid' });
    const other = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (other.method !== 'totp') throw new Error('unexpected');
    const fromOther = await generate({ secret: other.secret, epoch: epochOf(clock.now()) });
    if (fromOther !== right) expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code: fromOther })).toEqual({ ok: false, error: 'invalid' });
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code: 'abcdef' })).toEqual({ ok: false, error: 'invalid' });
    const row = await freshUser(user.id);
    expect(row.secondFactor).toBeNull();
    expect(row.totpSecret).toBeNull();
  });

  it('refuses a code from two minutes ago', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (setup.method !== 'totp') throw new Error('unexpected');
    const code = await generate({ secret: setup.secret, epoch: epochOf(clock.now()) });
    clock.advance(2 * MINUTE);
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code })).toEqual({ ok: false, error: 'invalid' });
  });

  it('does not let the set-up code sign in again in the same 30 seconds, but the next one does', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (setup.method !== 'totp') throw new Error('unexpected');
    const code = await generate({ secret: setup.secret, epoch: epochOf(clock.now()) });
    expect((await completeSecondFactorSetup(getDb(), clock, { user, setup, code })).ok).toBe(true);
    const first = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!first.ok) throw new Error('unexpected');
    expect(await codeStep(getDb(), clock, { token: first.token, code, kind: 'code' })).toEqual({ ok: false, error: 'invalid' });
    clock.advance(30_000);
    const next = await generate({ secret: setup.secret, epoch: epochOf(clock.now()) });
    expect((await codeStep(getDb(), clock, { token: first.token, code: next, kind: 'code' })).ok).toBe(true);
  });
});

describe('setting up text messages', () => {
  it('texts a code to the phone, which proves it and becomes the account’s number', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: '+16025550143' });
    const code = await latestCodeSentTo(getDb(), '+16025550143');
    const [text] = await getDb().select().from(notifications).where(eq(notifications.recipient, '+16025550143'));
    expect(text).toMatchObject({ channel: 'sms', template: 'one-time-code', payload: expect.objectContaining({ purpose: 'confirm_phone' }) });
    const result = await completeSecondFactorSetup(getDb(), clock, { user, setup, code: code! });
    expect(result.ok).toBe(true);
    expect(await freshUser(user.id)).toMatchObject({ secondFactor: 'sms', phone: '+16025550143', totpSecret: null });
  });

  it('refuses a wrong or expired code', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: '+16025550143' });
    const code = (await latestCodeSentTo(getDb(), '+16025550143'))!;
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code: code === '000000' ? '111111' : '000000' })).toEqual({ ok: false, error: 'invalid' });
    clock.advance(10 * MINUTE);
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup, code })).toEqual({ ok: false, error: 'invalid' });
    expect((await freshUser(user.id)).secondFactor).toBeNull();
  });

  it('limits "send a new code" to 5 an hour', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: '+16025550160' });
    if (setup.method !== 'sms') throw new Error('unexpected');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await resendPhoneCode(getDb(), clock, user, setup));
    // The first text and four new ones spend the 5 texts an hour; the sixth ask passes neither limit.
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results[4]).toEqual({ ok: false, error: 'text_limit', until: new Date('2026-05-04T16:00:00Z') });
    expect(results[5]).toEqual({ ok: false, error: 'throttled', until: new Date('2026-05-04T16:00:00Z') });
  });

  it('texts no more than 5 codes an hour however often the text method is chosen again, and queues nothing past that', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const before = (await getDb().select().from(notifications)).length;
    for (let i = 0; i < 8; i++) await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: `+1602555014${i}` });
    const queued = (await getDb().select().from(notifications)).slice(before);
    expect(queued.filter((row) => row.channel === 'sms')).toHaveLength(5);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(audit.filter((entry) => entry.action === 'code.send' && entry.outcome === 'denied')).toHaveLength(3);
  });

  it('refuses every text while texting is not offered (Postgres without an SMS provider or LOCAL_OUTBOX)', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: '+16025550150' });
    if (setup.method !== 'sms') throw new Error('unexpected');
    vi.stubEnv('DATABASE_URL', 'postgres://portal@db.example/portal');
    vi.stubEnv('LOCAL_OUTBOX', '');
    try {
      expect(await resendPhoneCode(getDb(), clock, user, setup)).toEqual({ ok: false, error: 'unavailable' });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('choosing email codes', () => {
  it('needs no further code once the address is confirmed', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'email' });
    const result = await completeSecondFactorSetup(getDb(), clock, { user, setup, code: '' });
    expect(result.ok).toBe(true);
    expect((await freshUser(user.id)).secondFactor).toBe('email');
  });

  it('is refused while the address is unconfirmed', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock, { verified: false });
    expect(await completeSecondFactorSetup(getDb(), clock, { user, setup: { method: 'email' }, code: '' })).toEqual({ ok: false, error: 'email_unconfirmed' });
  });
});

describe('backup codes made at set-up', () => {
  it('are ten distinct codes, stored only as hashes, each working once', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const result = await completeSecondFactorSetup(getDb(), clock, { user, setup: { method: 'email' }, code: '' });
    if (!result.ok) throw new Error('unexpected');
    const codes = result.backupCodes!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const stored = await getDb().select().from(backupCodes).where(eq(backupCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    const rowsText = JSON.stringify(stored);
    for (const code of codes) expect(rowsText).not.toContain(normaliseBackupCode(code));
    const signIn = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!signIn.ok) throw new Error('unexpected');
    expect((await codeStep(getDb(), clock, { token: signIn.token, code: codes[0], kind: 'backup' })).ok).toBe(true);
  });

  it('replace the earlier set when the second step is set up again, unless asked not to', async () => {
    const clock = start();
    const user = await newcomer(clock);
    const first = await completeSecondFactorSetup(getDb(), clock, { user, setup: { method: 'email' }, code: '' });
    const second = await completeSecondFactorSetup(getDb(), clock, { user: await freshUser(user.id), setup: { method: 'email' }, code: '', backupCodes: false });
    if (!first.ok || !second.ok) throw new Error('unexpected');
    expect(second.backupCodes).toBeNull();
    expect(await getDb().select().from(backupCodes).where(eq(backupCodes.userId, user.id))).toHaveLength(10);
  });
});

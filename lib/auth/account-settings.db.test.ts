import { describe, expect, it, vi } from 'vitest';
import { generate } from 'otplib';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications, users } from '@/db/schema';
import { fixedClock, MINUTE } from '@/lib/clock';
import {
  changePassword,
  changeSecondFactor,
  listActiveSessions,
  makeNewBackupCodes,
  reloadUser,
  signOutEverywhere,
  updateAccountSettings,
} from './account-settings';
import { regenerateBackupCodes, remainingBackupCodes } from './backup-codes';
import { beginSecondFactorSetup } from './second-factor-setup';
import { checkSession } from './sessions';
import { codeStep, passwordStep } from './sign-in';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';

const start = () => fixedClock('2026-05-04T15:00:00Z');
const NEW_PASSWORD = 'harbour-willow-compass-88';

/** A full sign-in as a browser would do it; returns the session token and its id. */
async function signIn(clock: ReturnType<typeof start>, email: string, password = TEST_PASSWORD, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0') {
  const first = await passwordStep(getDb(), clock, { email, password, userAgent });
  if (!first.ok) throw new Error(`password step: ${first.error}`);
  const second = await codeStep(getDb(), clock, { token: first.token, code: (await latestCodeSentTo(getDb(), email))!, kind: 'code' });
  if (!second.ok) throw new Error(`code step: ${second.error}`);
  const check = await checkSession(getDb(), clock, second.token);
  if (check.status !== 'active') throw new Error('no active session');
  return { token: second.token, sessionId: check.sessionId };
}

async function auditOf(userId: number, action: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectId, String(userId)), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id));
}

async function securityNotices(email: string) {
  const rows = await getDb().select().from(notifications).where(and(eq(notifications.recipient, email), eq(notifications.template, 'security-change')));
  return rows.map((r) => (r.payload as { change: string }).change);
}

const form = { givenName: 'Ana', familyName: 'Alvarez', phone: '', preferredLanguage: 'en', notificationChannel: 'email' };

describe('name, phone, language and notifications', () => {
  it('saves the form with the phone in E.164 and records which fields changed, not their values', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const result = await updateAccountSettings(getDb(), clock, user, { ...form, phone: '(602) 555-0143', preferredLanguage: 'es', notificationChannel: 'sms' });
    expect(result).toEqual({ ok: true, preferredLanguage: 'es', changed: ['givenName', 'familyName', 'phone', 'preferredLanguage', 'notificationChannel'] });
    const saved = await reloadUser(getDb(), user.id);
    expect(saved).toMatchObject({ givenName: 'Ana', familyName: 'Alvarez', phone: '+16025550143', preferredLanguage: 'es', notificationChannel: 'sms' });
    const [entry] = await auditOf(user.id, 'account.update');
    expect(entry).toMatchObject({ actorId: user.id, outcome: 'success', detail: { fields: ['givenName', 'familyName', 'phone', 'preferredLanguage', 'notificationChannel'] } });
    expect(JSON.stringify(entry.detail)).not.toContain('555');
  });

  it('needs a phone for text messages and refuses numbers that are not real', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    expect(await updateAccountSettings(getDb(), clock, user, { ...form, notificationChannel: 'sms' })).toEqual({ ok: false, errors: { phone: 'required_for_sms' } });
    expect(await updateAccountSettings(getDb(), clock, user, { ...form, phone: '555-0143' })).toEqual({ ok: false, errors: { phone: 'invalid' } });
    expect((await reloadUser(getDb(), user.id))?.givenName).toBe('Test');
  });

  it('texts notices only to US numbers, and only while texting is offered', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    expect(await updateAccountSettings(getDb(), clock, user, { ...form, phone: '+52 55 1234 5678', notificationChannel: 'sms' })).toEqual({
      ok: false,
      errors: { phone: 'not_us' },
    });
    // A number abroad is kept for reference when notices go by email.
    expect((await updateAccountSettings(getDb(), clock, user, { ...form, phone: '+52 55 1234 5678' })).ok).toBe(true);
    vi.stubEnv('DATABASE_URL', 'postgres://portal@db.example/portal');
    vi.stubEnv('LOCAL_OUTBOX', '');
    try {
      expect(await updateAccountSettings(getDb(), clock, user, { ...form, phone: '(602) 555-0143', notificationChannel: 'sms' })).toEqual({
        ok: false,
        errors: { notificationChannel: 'unavailable' },
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('keeps the phone that receives text-message sign-in codes: that change belongs to security settings', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock, { secondFactor: 'sms', phone: '+16025550143' });
    expect(await updateAccountSettings(getDb(), clock, user, { ...form, phone: '(480) 555-0199' })).toEqual({ ok: false, errors: { phone: 'second_factor_phone' } });
    expect(await updateAccountSettings(getDb(), clock, user, { ...form, phone: '' })).toEqual({ ok: false, errors: { phone: 'second_factor_phone' } });
    expect((await updateAccountSettings(getDb(), clock, user, { ...form, phone: '602 555 0143' })).ok).toBe(true);
  });
});

describe('changing the password', () => {
  it('ends every other session, keeps this one, emails a notice, and the new password signs in', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    const elsewhere = await signIn(clock, user.email);
    const result = await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true, endedSessions: 1 });
    expect((await checkSession(getDb(), clock, here.token)).status).toBe('active');
    expect((await checkSession(getDb(), clock, elsewhere.token)).status).toBe('none');
    expect(await securityNotices(user.email)).toEqual(['password']);
    expect(await auditOf(user.id, 'account.password_change')).toHaveLength(1);
    expect(await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null })).toEqual({ ok: false, error: 'invalid' });
    expect((await passwordStep(getDb(), clock, { email: user.email, password: NEW_PASSWORD, userAgent: null })).ok).toBe(true);
  });

  it('says which field is wrong and changes nothing', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    const change = (currentPassword: string, newPassword: string) => changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword, newPassword });
    expect(await change('', 'short')).toEqual({ ok: false, errors: { currentPassword: 'required', newPassword: 'too_short' } });
    expect(await change('not my password', NEW_PASSWORD)).toEqual({ ok: false, errors: { currentPassword: 'invalid' } });
    expect(await change(TEST_PASSWORD, 'password1234')).toEqual({ ok: false, errors: { newPassword: 'common' } });
    expect(await change(TEST_PASSWORD, TEST_PASSWORD)).toEqual({ ok: false, errors: { newPassword: 'same' } });
    expect((await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null })).ok).toBe(true);
    expect(await securityNotices(user.email)).toEqual([]);
  });

  it("locks the change for 20 minutes after 5 wrong current passwords in a row, but strangers' failures at sign-in never do", async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    // A stranger pauses password sign-in to the address for new browsers: the signed-in owner can still act.
    for (let i = 0; i < 5; i++) await passwordStep(getDb(), clock, { email: user.email, password: `wrong ${i} wrong wrong`, userAgent: null });
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: `still wrong ${i}`, newPassword: NEW_PASSWORD }));
    }
    expect(results.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => ({ ok: false, errors: { currentPassword: 'invalid' } })));
    expect(results[4]).toEqual({ ok: false, errors: {}, locked: new Date('2026-05-04T15:20:00Z') });
    expect(await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, locked: expect.any(Date) });
    clock.advance(20 * MINUTE);
    expect((await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).ok).toBe(true);
  });

  it('a right current password ends a run of wrong ones, as at sign-in', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    for (let i = 0; i < 4; i++) await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: `wrong ${i}`, newPassword: 'short' });
    expect(await changePassword(getDb(), clock, { user, sessionId: here.sessionId, currentPassword: TEST_PASSWORD, newPassword: 'short' })).toEqual({ ok: false, errors: { newPassword: 'too_short' } });
    for (let i = 0; i < 4; i++) expect((await passwordStep(getDb(), clock, { email: user.email, password: `wrong again ${i}`, userAgent: null })).ok).toBe(false);
    expect((await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null })).ok).toBe(true);
  });
});

describe('changing the second step', () => {
  it('proves the new method, ends every other session, keeps the backup codes and tells the owner', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    const elsewhere = await signIn(clock, user.email);
    const codes = await regenerateBackupCodes(getDb(), clock, user.id);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'totp' });
    if (setup.method !== 'totp') throw new Error('unexpected');

    expect(await changeSecondFactor(getDb(), clock, { user, sessionId: here.sessionId, setup, code: '000000' })).toEqual({ ok: false, error: 'invalid' });
    expect((await checkSession(getDb(), clock, elsewhere.token)).status).toBe('active');

    const code = await generate({ secret: setup.secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    const result = await changeSecondFactor(getDb(), clock, { user, sessionId: here.sessionId, setup, code });
    expect(result).toMatchObject({ ok: true, endedSessions: 1, user: { secondFactor: 'totp' } });
    expect((await checkSession(getDb(), clock, here.token)).status).toBe('active');
    expect((await checkSession(getDb(), clock, elsewhere.token)).status).toBe('none');
    expect(await remainingBackupCodes(getDb(), user.id)).toBe(codes.length);
    expect(await securityNotices(user.email)).toEqual(['second_factor']);
    const [entry] = await auditOf(user.id, 'account.second_factor_change');
    expect(entry).toMatchObject({ outcome: 'success', detail: { method: 'totp', previous: 'email', endedSessions: 1 } });
  });

  it('to text messages: the code sent to the new phone proves it, and the phone becomes the account’s', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    const setup = await beginSecondFactorSetup(getDb(), clock, user, { method: 'sms', phone: '+14805550177' });
    const code = await latestCodeSentTo(getDb(), '+14805550177');
    const result = await changeSecondFactor(getDb(), clock, { user, sessionId: here.sessionId, setup, code: code! });
    expect(result).toMatchObject({ ok: true, user: { secondFactor: 'sms', phone: '+14805550177' } });
  });
});

describe('backup codes', () => {
  it('makes ten new ones after the password; the old set stops working', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const old = await regenerateBackupCodes(getDb(), clock, user.id);
    expect(await makeNewBackupCodes(getDb(), clock, { user, password: 'not it at all' })).toEqual({ ok: false, error: 'invalid' });
    expect(await makeNewBackupCodes(getDb(), clock, { user, password: '' })).toEqual({ ok: false, error: 'required' });
    const result = await makeNewBackupCodes(getDb(), clock, { user, password: TEST_PASSWORD });
    if (!result.ok) throw new Error('refused');
    expect(result.codes).toHaveLength(10);
    expect(result.codes.some((c) => old.includes(c))).toBe(false);
    expect(await remainingBackupCodes(getDb(), user.id)).toBe(10);
    const attempt = await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!attempt.ok) throw new Error('unexpected');
    expect(await codeStep(getDb(), clock, { token: attempt.token, code: old[0], kind: 'backup' })).toEqual({ ok: false, error: 'invalid' });
    expect((await codeStep(getDb(), clock, { token: attempt.token, code: result.codes[0], kind: 'backup' })).ok).toBe(true);
    expect(await securityNotices(user.email)).toEqual(['backup_codes']);
    expect(await auditOf(user.id, 'account.backup_codes_regenerate')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('lists the active sessions, this one first and marked, with the device', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const first = await signIn(clock, user.email, TEST_PASSWORD, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0');
    clock.advance(MINUTE);
    const second = await signIn(clock, user.email);
    // A sign-in stopped after the password is not a session anyone is using.
    await passwordStep(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: 'pending' });
    const list = await listActiveSessions(getDb(), clock, user.id, first.sessionId);
    expect(list.map((s) => [s.id, s.current, s.device])).toEqual([
      [first.sessionId, true, { browser: 'Firefox', os: 'Windows' }],
      [second.sessionId, false, { browser: 'Chrome', os: 'Linux' }],
    ]);
  });

  it('"sign out everywhere else" keeps this session; "everywhere" ends it too; both are audited', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const here = await signIn(clock, user.email);
    const other = await signIn(clock, user.email);
    const third = await signIn(clock, user.email);
    expect(await signOutEverywhere(getDb(), clock, { user, sessionId: here.sessionId, includeThisSession: false })).toEqual({ endedSessions: 2 });
    expect((await checkSession(getDb(), clock, here.token)).status).toBe('active');
    expect((await checkSession(getDb(), clock, other.token)).status).toBe('none');
    expect((await checkSession(getDb(), clock, third.token)).status).toBe('none');
    expect(await signOutEverywhere(getDb(), clock, { user, sessionId: here.sessionId, includeThisSession: true })).toEqual({ endedSessions: 1 });
    expect((await checkSession(getDb(), clock, here.token)).status).toBe('none');
    const entries = await auditOf(user.id, 'session.end');
    expect(entries.map((e) => e.detail)).toEqual([
      { reason: 'sign_out_everywhere', endedSessions: 1, includingThisSession: true },
      { reason: 'sign_out_everywhere', endedSessions: 2, includingThisSession: false },
    ]);
    expect(await securityNotices(user.email)).toEqual(['signed_out_everywhere', 'signed_out_everywhere']);
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBe(user.passwordHash);
  });
});

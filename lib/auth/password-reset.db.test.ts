import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications, oneTimeCodes, throttles } from '@/db/schema';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { keyedHash } from '@/lib/crypto/secrets';
import { openSealedSecrets } from '@/lib/notifications/sealing';
import { regenerateBackupCodes } from './backup-codes';
import { beginPasswordReset, checkPasswordResetLink, completePasswordReset, proveResetSecondStep, requestPasswordReset } from './password-reset';
import { checkSession } from './sessions';
import { codeCapKey, codeStep, passwordStep } from './sign-in';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';

const start = () => fixedClock('2026-05-04T15:00:00Z');
const PORTAL = 'https://portal.example.gov';
const NEW_PASSWORD = 'copper-heron-valley-73';

/** The link in the newest reset email to `email`, as the person would read it. */
async function resetLinkSentTo(email: string) {
  const [row] = await getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, email), eq(notifications.template, 'password-reset-link')))
    .orderBy(desc(notifications.id))
    .limit(1);
  return row ? openSealedSecrets(row.payload).link : null;
}
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function signedIn(clock: ReturnType<typeof start>, email: string, password = TEST_PASSWORD) {
  const first = await passwordStep(getDb(), clock, { email, password, userAgent: null });
  if (!first.ok) return null;
  const second = await codeStep(getDb(), clock, { token: first.token, code: (await latestCodeSentTo(getDb(), email))!, kind: 'code' });
  return second.ok ? second.token : null;
}

describe('asking for a reset link', () => {
  it('emails a link valid 1 hour to an account, stored only as a keyed hash, and answers an unknown address the same', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock, { email: 'reset-known@example.com' });
    expect(await requestPasswordReset(getDb(), clock, { email: ' Reset-Known@Example.com ', portalUrl: PORTAL })).toEqual({ ok: true });
    expect(await requestPasswordReset(getDb(), clock, { email: 'reset-nobody@example.com', portalUrl: PORTAL })).toEqual({ ok: true });
    const link = await resetLinkSentTo(user.email);
    expect(link).toMatch(/^https:\/\/portal\.example\.gov\/password-reset\/continue\?token=[A-Za-z0-9_-]{43}$/);
    const [row] = await getDb().select().from(oneTimeCodes).where(and(eq(oneTimeCodes.userId, user.id), eq(oneTimeCodes.purpose, 'password_reset')));
    expect(row.codeHash).toBe(keyedHash('password-reset', tokenOf(link!)));
    expect(row.expiresAt).toEqual(new Date(clock.now().getTime() + HOUR));
    expect(await resetLinkSentTo('reset-nobody@example.com')).toBeNull();
  });

  it('allows 3 requests an hour per address, known or not, even in parallel', async () => {
    const clock = start();
    for (const email of ['reset-limit@example.com', 'reset-limit-nobody@example.com']) {
      if (email === 'reset-limit@example.com') await createTestUser(getDb(), clock, { email });
      const results = await Promise.all(Array.from({ length: 8 }, () => requestPasswordReset(getDb(), clock, { email })));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
    }
    const sent = await getDb().select().from(notifications).where(and(eq(notifications.recipient, 'reset-limit@example.com'), eq(notifications.template, 'password-reset-link')));
    expect(sent).toHaveLength(3);
    clock.advance(HOUR);
    expect(await requestPasswordReset(getDb(), clock, { email: 'reset-limit@example.com' })).toEqual({ ok: true });
  });

  it('a newer link retires the older one', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const older = tokenOf((await resetLinkSentTo(user.email))!);
    clock.advance(MINUTE);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    expect((await checkPasswordResetLink(getDb(), clock, older)).status).toBe('expired');
    expect((await checkPasswordResetLink(getDb(), clock, tokenOf((await resetLinkSentTo(user.email))!))).status).toBe('valid');
  });
});

describe('resetting with the link', () => {
  it('asks the second step, sets the new password, ends every session, clears the code cap, tells the owner; the link then reads as used', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const session = await signedIn(clock, user.email);
    // The account reached the cap of wrong codes: only a reset lets it sign in again.
    await getDb().update(throttles).set({ blockedUntil: new Date(clock.now().getTime() + 1000 * HOUR) }).where(eq(throttles.key, codeCapKey(user.id)));
    expect(await signedIn(clock, user.email)).toBeNull();
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const token = tokenOf((await resetLinkSentTo(user.email))!);

    expect((await beginPasswordReset(getDb(), clock, { token })).ok).toBe(true);
    const code = await latestCodeSentTo(getDb(), user.email);
    expect(await proveResetSecondStep(getDb(), clock, { token, code: code === '000000' ? '111111' : '000000', kind: 'code' })).toEqual({ ok: false, error: 'wrong' });
    expect(await completePasswordReset(getDb(), clock, { token, proof: null, password: NEW_PASSWORD })).toEqual({ ok: false, error: 'not_proven' });
    expect(await completePasswordReset(getDb(), clock, { token, proof: 'made-up', password: NEW_PASSWORD })).toEqual({ ok: false, error: 'not_proven' });
    const proven = await proveResetSecondStep(getDb(), clock, { token, code: code!, kind: 'code' });
    if (!proven.ok) throw new Error(proven.error);
    const done = await completePasswordReset(getDb(), clock, { token, proof: proven.proof, password: NEW_PASSWORD, requestId: 'req-reset' });
    // The signed-in session and the pending one the refused sign-in left.
    expect(done).toMatchObject({ ok: true, endedSessions: 2 });

    expect((await checkSession(getDb(), clock, session)).status).toBe('none');
    expect(await signedIn(clock, user.email)).toBeNull();
    expect(await signedIn(clock, user.email, NEW_PASSWORD)).toEqual(expect.any(String));
    expect((await checkPasswordResetLink(getDb(), clock, token)).status).toBe('used');
    expect(await completePasswordReset(getDb(), clock, { token, proof: proven.proof, password: 'another-fine-password-19' })).toEqual({ ok: false, error: 'used' });

    const notices = await getDb().select().from(notifications).where(and(eq(notifications.recipient, user.email), eq(notifications.template, 'security-change')));
    expect(notices.map((n) => n.payload)).toContainEqual({ change: 'password_reset' });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.objectId, String(user.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['password_reset.request', 'password_reset.start', 'password_reset.second_step', 'account.password_reset']));
    expect(audit.find((a) => a.action === 'account.password_reset')).toMatchObject({ detail: { endedSessions: 2, sessionsEndedReason: 'password_reset' }, requestId: 'req-reset' });
  });

  it('an account that lost its second step proves it with a backup code', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock, { secondFactor: 'sms', phone: '+12025550143' });
    const codes = await regenerateBackupCodes(getDb(), clock, user.id);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const token = tokenOf((await resetLinkSentTo(user.email))!);
    const proven = await proveResetSecondStep(getDb(), clock, { token, code: codes[0], kind: 'backup' });
    if (!proven.ok) throw new Error(proven.error);
    expect((await completePasswordReset(getDb(), clock, { token, proof: proven.proof, password: NEW_PASSWORD })).ok).toBe(true);
  });

  it('refuses a new password that breaks the sign-up rules, keeping the link', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const token = tokenOf((await resetLinkSentTo(user.email))!);
    expect(await completePasswordReset(getDb(), clock, { token, proof: 'x', password: 'short' })).toEqual({ ok: false, error: 'password', problem: 'too_short' });
    expect(await completePasswordReset(getDb(), clock, { token, proof: 'x', password: 'password1234' })).toEqual({ ok: false, error: 'password', problem: 'common' });
    expect(await completePasswordReset(getDb(), clock, { token, proof: 'x', password: '' })).toEqual({ ok: false, error: 'password', problem: 'required' });
    expect((await checkPasswordResetLink(getDb(), clock, token)).status).toBe('valid');
  });

  it('an expired link is refused at every step', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const token = tokenOf((await resetLinkSentTo(user.email))!);
    clock.advance(HOUR);
    expect((await checkPasswordResetLink(getDb(), clock, token)).status).toBe('expired');
    expect(await beginPasswordReset(getDb(), clock, { token })).toEqual({ ok: false, error: 'expired' });
    expect(await proveResetSecondStep(getDb(), clock, { token, code: '123456', kind: 'code' })).toEqual({ ok: false, error: 'expired' });
    expect(await completePasswordReset(getDb(), clock, { token, proof: 'x', password: NEW_PASSWORD })).toEqual({ ok: false, error: 'expired' });
    expect((await checkPasswordResetLink(getDb(), clock, 'not a token')).status).toBe('invalid');
  });

  it('of parallel submissions with the same link, exactly one sets a password', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    await requestPasswordReset(getDb(), clock, { email: user.email });
    const token = tokenOf((await resetLinkSentTo(user.email))!);
    const codes = await regenerateBackupCodes(getDb(), clock, user.id);
    const proofs = [];
    for (const code of codes.slice(0, 5)) {
      const proven = await proveResetSecondStep(getDb(), clock, { token, code, kind: 'backup' });
      if (proven.ok) proofs.push(proven.proof);
    }
    const results = await Promise.all(proofs.map((proof, i) => completePasswordReset(getDb(), clock, { token, proof, password: `${NEW_PASSWORD}-${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications } from '@/db/schema';
import { fixedClock, MINUTE } from '@/lib/clock';
import { reserveText } from '@/lib/notifications/text-limits';
import { checkSession } from './sessions';
import { beginSignIn, resendSignInCode, verifySignInCode } from './sign-in-flow';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';
import { newTotpSecret, sealTotpSecret } from './totp';

const start = () => fixedClock('2026-05-04T15:00:00Z');

async function pendingSignIn(clock = start(), overrides: Parameters<typeof createTestUser>[2] = {}) {
  const user = await createTestUser(getDb(), clock, overrides);
  const result = await beginSignIn(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: 'test' });
  if (!result.ok) throw new Error('password step failed');
  return { user, token: result.token, next: result.next, codeSentBy: result.codeSentBy };
}

const sentTo = (recipient: string) =>
  getDb().select().from(notifications).where(eq(notifications.recipient, recipient)).orderBy(desc(notifications.id));

describe('beginning to sign in', () => {
  it('sends a confirmed account on to the second step with a sign-in code', async () => {
    const { user, next, codeSentBy } = await pendingSignIn();
    expect(next).toBe('verify');
    expect(codeSentBy).toBe('email');
    const sent = await sentTo(user.email);
    expect(sent.map((n) => n.payload.purpose)).toEqual(['sign_in']);
  });

  it('sends an account with an unconfirmed email address to confirm it, with a confirmation code and no sign-in code', async () => {
    const clock = start();
    const { user, token, next } = await pendingSignIn(clock, { verified: false });
    expect(next).toBe('confirm_email');
    const sent = await sentTo(user.email);
    expect(sent.map((n) => n.payload.purpose)).toEqual(['confirm_email']);
    expect((await checkSession(getDb(), clock, token)).status).toBe('pending');
  });

  it('passes a wrong password and a lockout through unchanged', async () => {
    const clock = start();
    const user = await createTestUser(getDb(), clock);
    const wrong = await beginSignIn(getDb(), clock, { email: user.email, password: 'not my password at all', userAgent: null });
    expect(wrong).toEqual({ ok: false, error: 'invalid' });
    expect(await sentTo(user.email)).toHaveLength(0);
  });
});

describe('the second step', () => {
  it('tells a code that was used from a wrong one', async () => {
    const clock = start();
    const first = await pendingSignIn(clock);
    const used = (await latestCodeSentTo(getDb(), first.user.email))!;
    expect((await verifySignInCode(getDb(), clock, { token: first.token, code: used, kind: 'code' })).ok).toBe(true);

    const again = await beginSignIn(getDb(), clock, { email: first.user.email, password: TEST_PASSWORD, userAgent: null });
    if (!again.ok) throw new Error('unexpected');
    expect(await verifySignInCode(getDb(), clock, { token: again.token, code: used, kind: 'code' })).toEqual({ ok: false, error: 'spent' });
    const live = (await latestCodeSentTo(getDb(), first.user.email))!;
    const wrong = String((Number(live) + 1) % 1_000_000).padStart(6, '0');
    expect(wrong).not.toBe(used);
    expect(await verifySignInCode(getDb(), clock, { token: again.token, code: wrong, kind: 'code' })).toEqual({ ok: false, error: 'invalid' });
    expect((await verifySignInCode(getDb(), clock, { token: again.token, code: live, kind: 'code' })).ok).toBe(true);
  });

  it('calls a code spent after 10 minutes, and an earlier code once a new one was sent', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock);
    const firstCode = (await latestCodeSentTo(getDb(), user.email))!;
    expect((await resendSignInCode(getDb(), clock, { token })).ok).toBe(true);
    expect(await verifySignInCode(getDb(), clock, { token, code: firstCode, kind: 'code' })).toEqual({ ok: false, error: 'spent' });
    const secondCode = (await latestCodeSentTo(getDb(), user.email))!;
    clock.advance(10 * MINUTE);
    expect(await verifySignInCode(getDb(), clock, { token, code: secondCode, kind: 'code' })).toEqual({ ok: false, error: 'spent' });
  });

  it('counts a spent code as a wrong attempt towards the lockout', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock);
    const stale = (await latestCodeSentTo(getDb(), user.email))!;
    await resendSignInCode(getDb(), clock, { token });
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await verifySignInCode(getDb(), clock, { token, code: stale, kind: 'code' }));
    expect(results.slice(0, 9).every((r) => !r.ok && r.error === 'spent')).toBe(true);
    expect(results[9]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:10:00Z') });
  });

  it('answers "expired" when there is no pending sign-in', async () => {
    const clock = start();
    expect(await verifySignInCode(getDb(), clock, { token: undefined, code: '123456', kind: 'code' })).toEqual({ ok: false, error: 'expired' });
    const { token } = await pendingSignIn(clock);
    clock.advance(16 * MINUTE);
    expect(await verifySignInCode(getDb(), clock, { token, code: '123456', kind: 'code' })).toEqual({ ok: false, error: 'expired' });
  });
});

describe('"Send a new code"', () => {
  it('sends a fresh code that replaces the last one, and records it', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock);
    const before = await latestCodeSentTo(getDb(), user.email);
    expect(await resendSignInCode(getDb(), clock, { token, requestId: 'req-1' })).toEqual({ ok: true, channel: 'email', remaining: 4 });
    expect(await sentTo(user.email)).toHaveLength(2);
    const after = await latestCodeSentTo(getDb(), user.email);
    // Codes are random: in the rare case both are the same number, the older one cannot be told apart.
    if (before !== after) expect(await verifySignInCode(getDb(), clock, { token, code: before!, kind: 'code' })).toEqual({ ok: false, error: 'spent' });
    expect((await verifySignInCode(getDb(), clock, { token, code: after!, kind: 'code' })).ok).toBe(true);
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'code.resend'), eq(auditLog.objectId, String(user.id))));
    expect(audit).toMatchObject([{ outcome: 'success', detail: { channel: 'email' }, requestId: 'req-1' }]);
  });

  it('texts the new code to people who chose texts', async () => {
    const clock = start();
    const { user, token, codeSentBy } = await pendingSignIn(clock, { secondFactor: 'sms', phone: '+16025550143' });
    expect(codeSentBy).toBe('sms');
    expect(await resendSignInCode(getDb(), clock, { token })).toEqual({ ok: true, channel: 'sms', remaining: 4 });
    expect((await sentTo('+16025550143')).map((n) => n.channel)).toEqual(['sms', 'sms']);
    expect(await sentTo(user.email)).toHaveLength(0);
  });

  it('emails the code when the texts to the phone are spent, and says so: nobody is locked out', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock, { secondFactor: 'sms', phone: '+16025550171' });
    // Someone has made the portal text this number to its limit (the sign-in code was the first).
    for (let i = 0; i < 4; i++) await reserveText(getDb(), clock, { accountId: 999_001, phone: '+16025550171' });
    expect(await resendSignInCode(getDb(), clock, { token })).toEqual({ ok: true, channel: 'email', remaining: 4 });
    expect(await sentTo('+16025550171')).toHaveLength(1);
    expect((await sentTo(user.email)).map((n) => n.payload.purpose)).toEqual(['sign_in']);
    expect((await verifySignInCode(getDb(), clock, { token, code: (await latestCodeSentTo(getDb(), user.email))!, kind: 'code' })).ok).toBe(true);
  });

  it('emails the code while texting is not offered, to people whose second step is texts', async () => {
    const clock = start();
    vi.stubEnv('DATABASE_URL', 'postgres://portal@db.example/portal');
    vi.stubEnv('LOCAL_OUTBOX', '');
    try {
      const { user, codeSentBy } = await pendingSignIn(clock, { secondFactor: 'sms', phone: '+16025550172' });
      // The verify page is told, so it says the code was emailed, not texted.
      expect(codeSentBy).toBe('email');
      expect(await sentTo('+16025550172')).toHaveLength(0);
      expect((await sentTo(user.email)).map((n) => n.payload.purpose)).toEqual(['sign_in']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('allows 5 in 15 minutes, then says when the next one is possible', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock);
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await resendSignInCode(getDb(), clock, { token }));
      clock.advance(MINUTE);
    }
    expect(results.slice(0, 5).map((r) => r.ok && r.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(results[5]).toEqual({ ok: false, error: 'throttled', until: new Date('2026-05-04T15:15:00Z') });
    expect(await sentTo(user.email)).toHaveLength(6); // the first sign-in code and 5 new ones
    const denied = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'code.resend'), eq(auditLog.outcome, 'denied')));
    expect(denied.filter((a) => a.objectId === String(user.id))).toHaveLength(1);

    // The window opened with the first new code at 15:00; the pending sign-in itself lasts 15 minutes too.
    clock.set('2026-05-04T15:15:00Z');
    const again = await beginSignIn(getDb(), clock, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    if (!again.ok) throw new Error('unexpected');
    expect((await resendSignInCode(getDb(), clock, { token: again.token })).ok).toBe(true);
  });

  it('never sends more than 5 when 12 requests arrive at once', async () => {
    const clock = start();
    const { user, token } = await pendingSignIn(clock);
    const results = await Promise.all(Array.from({ length: 12 }, () => resendSignInCode(getDb(), clock, { token })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await sentTo(user.email)).toHaveLength(6);
  });

  it('has nothing to send for an authenticator app, and nothing without a pending sign-in', async () => {
    const clock = start();
    const { token } = await pendingSignIn(clock, { secondFactor: 'totp', totpSecret: sealTotpSecret(newTotpSecret()) });
    expect(await resendSignInCode(getDb(), clock, { token })).toEqual({ ok: false, error: 'no_code_needed' });
    expect(await resendSignInCode(getDb(), clock, { token: 'not-a-session' })).toEqual({ ok: false, error: 'expired' });
    expect(await resendSignInCode(getDb(), clock, { token: undefined })).toEqual({ ok: false, error: 'expired' });
  });
});

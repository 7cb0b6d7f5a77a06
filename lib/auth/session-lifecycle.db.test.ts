import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, representativeProfiles, sessions } from '@/db/schema';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { accountSummary, displayName } from './account-summary';
import { endSessionIfTimedOut, endSignedInSession, sessionTimeState, staySignedIn } from './session-lifecycle';
import { checkSession } from './sessions';
import { codeStep, passwordStep } from './sign-in';
import { createTestUser, latestCodeSentTo, TEST_PASSWORD } from './testing/accounts';

const start = () => fixedClock('2026-05-04T15:00:00Z');

async function signedIn(clock = start()) {
  const db = getDb();
  const user = await createTestUser(db, clock);
  const first = await passwordStep(db, clock, { email: user.email, password: TEST_PASSWORD, userAgent: 'test' });
  if (!first.ok) throw new Error('password step failed');
  const second = await codeStep(db, clock, { token: first.token, code: (await latestCodeSentTo(db, user.email))!, kind: 'code' });
  if (!second.ok) throw new Error('code step failed');
  return { user, token: second.token };
}

const auditOf = (userId: number, action: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, String(userId))));

describe('signing out', () => {
  it('ends the session for good and records who signed out, once', async () => {
    const clock = start();
    const { user, token } = await signedIn(clock);
    expect(await endSignedInSession(getDb(), clock, { token, reason: 'sign_out', requestId: 'req-9' })).toBe(true);
    expect((await checkSession(getDb(), clock, token)).status).toBe('none');
    expect(await endSignedInSession(getDb(), clock, { token, reason: 'sign_out' })).toBe(false);
    expect(await auditOf(user.id, 'session.end')).toMatchObject([
      { actorId: user.id, actorRole: 'applicant', outcome: 'success', detail: { reason: 'sign_out' }, requestId: 'req-9' },
    ]);
    const [row] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(row).toMatchObject({ endedReason: 'sign_out', endedAt: clock.now() });
  });

  it('does nothing for a token that is not a session', async () => {
    expect(await endSignedInSession(getDb(), start(), { token: 'made-up', reason: 'sign_out' })).toBe(false);
  });
});

describe('the time left and "stay signed in"', () => {
  it('reports the time left without counting the question as activity', async () => {
    const clock = start();
    const { token } = await signedIn(clock);
    clock.advance(20 * MINUTE);
    expect(await sessionTimeState(getDb(), clock, token)).toEqual({
      status: 'active',
      timeLeft: { idleMs: 10 * MINUTE, absoluteMs: 11 * HOUR + 40 * MINUTE, warnBeforeMs: 2 * MINUTE, endsBy: 'idle' },
    });
    clock.advance(10 * MINUTE);
    expect(await sessionTimeState(getDb(), clock, token)).toEqual({ status: 'ended', reason: 'idle' });
    expect(await sessionTimeState(getDb(), clock, null)).toEqual({ status: 'ended', reason: null });
  });

  it('"stay signed in" gives 30 minutes from now and is recorded', async () => {
    const clock = start();
    const { user, token } = await signedIn(clock);
    clock.advance(28 * MINUTE);
    const state = await staySignedIn(getDb(), clock, { token, requestId: 'req-stay' });
    expect(state).toMatchObject({ status: 'active', timeLeft: { idleMs: 30 * MINUTE, endsBy: 'idle' } });
    clock.advance(29 * MINUTE);
    expect((await checkSession(getDb(), clock, token, { touch: false })).status).toBe('active');
    expect(await auditOf(user.id, 'session.extend')).toMatchObject([{ actorId: user.id, outcome: 'success', requestId: 'req-stay' }]);
  });

  it('cannot revive an ended session or pass the 12-hour end', async () => {
    const clock = start();
    const { user, token } = await signedIn(clock);
    clock.advance(31 * MINUTE);
    expect(await staySignedIn(getDb(), clock, { token })).toEqual({ status: 'ended', reason: 'idle' });
    expect(await auditOf(user.id, 'session.extend')).toHaveLength(0);

    const other = await signedIn(clock);
    for (let i = 0; i < 47; i++) {
      clock.advance(15 * MINUTE);
      await staySignedIn(getDb(), clock, { token: other.token });
    }
    clock.advance(5 * MINUTE); // 11 h 50 min after signing in
    expect(await staySignedIn(getDb(), clock, { token: other.token })).toMatchObject({
      status: 'active',
      timeLeft: { idleMs: 10 * MINUTE, absoluteMs: 10 * MINUTE, endsBy: 'absolute' },
    });
  });
});

describe('the browser\u2019s countdown reaching zero', () => {
  it('ends a session that is at its end and records why', async () => {
    const clock = start();
    const { user, token } = await signedIn(clock);
    clock.advance(30 * MINUTE - 3_000);
    expect(await endSessionIfTimedOut(getDb(), clock, { token })).toEqual({ status: 'ended', reason: 'idle' });
    expect((await checkSession(getDb(), clock, token)).status).toBe('none');
    expect(await auditOf(user.id, 'session.end')).toMatchObject([{ detail: { reason: 'idle' } }]);
  });

  it('keeps a session that activity elsewhere kept alive, and says how long it has', async () => {
    const clock = start();
    const { token } = await signedIn(clock);
    clock.advance(20 * MINUTE);
    await checkSession(getDb(), clock, token); // a page read in another tab
    clock.advance(10 * MINUTE);
    expect(await endSessionIfTimedOut(getDb(), clock, { token })).toMatchObject({ status: 'active', timeLeft: { idleMs: 20 * MINUTE } });
  });

  it('reports a session that already ended by itself', async () => {
    const clock = start();
    const { token } = await signedIn(clock);
    clock.advance(12 * HOUR);
    expect(await endSessionIfTimedOut(getDb(), clock, { token })).toEqual({ status: 'ended', reason: 'absolute' });
    expect(await endSessionIfTimedOut(getDb(), clock, { token: undefined })).toEqual({ status: 'ended', reason: null });
  });
});

describe('who is signed in, for the landing pages', () => {
  it('gives a representative\u2019s organisation and an applicant none', async () => {
    const clock = start();
    const applicant = await createTestUser(getDb(), clock);
    expect(await accountSummary(getDb(), applicant)).toEqual({ name: 'Test Person', email: applicant.email, role: 'applicant', representative: null });

    const representative = await createTestUser(getDb(), clock, { role: 'representative' });
    await getDb()
      .insert(representativeProfiles)
      .values({ userId: representative.id, kind: 'accredited_representative', accreditationNumber: 'R-1234', organisation: 'Casa Legal', sector: 'nonprofit' });
    expect(await accountSummary(getDb(), representative)).toMatchObject({
      role: 'representative',
      representative: { kind: 'accredited_representative', organisation: 'Casa Legal', sector: 'nonprofit' },
    });
  });

  it('falls back to the email address when no name was given', () => {
    expect(displayName({ givenName: ' ', familyName: '', email: 'ana@example.com' })).toBe('ana@example.com');
    expect(displayName({ givenName: 'Ana', familyName: 'Alvarez', email: 'ana@example.com' })).toBe('Ana Alvarez');
  });
});

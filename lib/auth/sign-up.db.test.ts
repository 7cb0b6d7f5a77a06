import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications, representativeProfiles, sessions, users } from '@/db/schema';
import { fixedClock, HOUR, MINUTE } from '@/lib/clock';
import { checkSession } from './sessions';
import { passwordStep } from './sign-in';
import { confirmEmail, createAccount, finishSignUp, refuseCodeForExistingAccount, resendConfirmationCode, resendForExistingAccount } from './sign-up';
import type { SignUpInput } from './sign-up-schema';
import { latestCodeSentTo } from './testing/accounts';
import { verifyPassword } from './password';

const start = () => fixedClock('2026-05-04T15:00:00Z');
const PASSWORD = 'violet harbour tractor';

let counter = 0;
function applicant(overrides: Partial<SignUpInput> = {}): SignUpInput & { userAgent: string | null } {
  counter += 1;
  return {
    role: 'applicant',
    givenName: 'Lena',
    familyName: 'Ortiz',
    email: `lena.ortiz.${counter}@example.com`,
    password: PASSWORD,
    preferredLanguage: 'en',
    secondFactor: 'email',
    phone: null,
    representative: null,
    userAgent: 'vitest',
    ...overrides,
  };
}

async function created(clock = start(), overrides: Partial<SignUpInput> = {}) {
  const result = await createAccount(getDb(), clock, applicant(overrides));
  if (!result.ok || result.status !== 'created') throw new Error('the account was not created');
  return result;
}

const auditOf = (userId: number, action: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, String(userId))));

describe('creating an account', () => {
  it('stores the person with a normalised email, a hashed password and no confirmed email yet', async () => {
    const clock = start();
    const input = applicant({ email: '  Maria.Gomez@Example.COM ', preferredLanguage: 'es' });
    const result = await createAccount(getDb(), clock, input);
    if (!result.ok || result.status !== 'created') throw new Error('unexpected');
    const [row] = await getDb().select().from(users).where(eq(users.id, result.user.id));
    expect(row).toMatchObject({ email: 'maria.gomez@example.com', emailVerifiedAt: null, role: 'applicant', preferredLanguage: 'es', secondFactor: null, givenName: 'Lena' });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash!, PASSWORD)).toBe(true);
  });

  it('sends a confirmation code by email and starts a pending session, not a signed-in one', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    expect(await latestCodeSentTo(getDb(), user.email)).toMatch(/^\d{6}$/);
    const [message] = await getDb().select().from(notifications).where(eq(notifications.recipient, user.email));
    expect(message).toMatchObject({ channel: 'email', template: 'one-time-code', payload: expect.objectContaining({ purpose: 'confirm_email' }) });
    expect((await checkSession(getDb(), clock, token)).status).toBe('pending');
  });

  it('records the creation in the audit log without the password', async () => {
    const { user } = await created();
    const [entry] = await auditOf(user.id, 'account.create');
    expect(entry).toMatchObject({ outcome: 'success', actorId: user.id, detail: { role: 'applicant', chosenSecondFactor: 'email', language: 'en' } });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it('saves a representative’s profile with the account', async () => {
    const { user } = await created(start(), {
      role: 'representative',
      representative: { kind: 'attorney', barNumber: '031457', licensingState: 'AZ', accreditationNumber: null, organisation: 'Ortiz Law', sector: 'private' },
    });
    const [profile] = await getDb().select().from(representativeProfiles).where(eq(representativeProfiles.userId, user.id));
    expect(profile).toMatchObject({ kind: 'attorney', barNumber: '031457', licensingState: 'AZ', accreditationNumber: null, organisation: 'Ortiz Law', sector: 'private' });
    expect(user.role).toBe('representative');
  });

  it('keeps the phone for text messages in E.164', async () => {
    const { user } = await created(start(), { secondFactor: 'sms', phone: '+16025550143' });
    expect(user.phone).toBe('+16025550143');
    expect(user.secondFactor).toBeNull();
  });

  it('never creates staff accounts', async () => {
    await expect(createAccount(getDb(), start(), { ...applicant(), role: 'officer' as never })).rejects.toThrow(/cannot sign up/);
  });
});

describe('signing up with an address that already has an account', () => {
  it('creates nothing, answers like a success, and emails the owner once an hour', async () => {
    const clock = start();
    const first = await created(clock);
    const again = await createAccount(getDb(), clock, { ...applicant(), email: first.user.email.toUpperCase() });
    expect(again).toEqual({ ok: true, status: 'exists' });
    await createAccount(getDb(), clock, { ...applicant(), email: first.user.email });
    const accounts = await getDb().select().from(users).where(eq(users.email, first.user.email));
    expect(accounts).toHaveLength(1);
    const warnings = () => getDb().select().from(notifications).where(and(eq(notifications.recipient, first.user.email), eq(notifications.template, 'account-exists')));
    expect(await warnings()).toHaveLength(1);
    clock.advance(HOUR);
    await createAccount(getDb(), clock, { ...applicant(), email: first.user.email });
    expect(await warnings()).toHaveLength(2);
    const denied = await auditOf(first.user.id, 'account.create');
    expect(denied.filter((e) => e.outcome === 'denied')).toHaveLength(3);
  });

  it('refuses every code on the look-alike confirmation page, and locks after 10 like the real one', async () => {
    const clock = start();
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await refuseCodeForExistingAccount(getDb(), clock, 'attempt-1'));
    expect(results.slice(0, 9).every((r) => r.error === 'invalid')).toBe(true);
    expect(results[9]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:10:00Z') });
    expect(results[10]).toMatchObject({ error: 'locked' });
    expect(await refuseCodeForExistingAccount(getDb(), clock, 'attempt-2')).toEqual({ ok: false, error: 'invalid' });
  });

  it('limits "send a new code" there too', async () => {
    const clock = start();
    const first = await created(clock);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await resendForExistingAccount(getDb(), clock, { attemptId: 'attempt-3', email: first.user.email }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, error: 'throttled' });
  });
});

describe('the sign-up limit', () => {
  it('frees an address whose sign-up was not confirmed within 24 hours: a new sign-up for it starts afresh', async () => {
    const clock = start();
    const squatter = await created(clock, { email: 'not-yours@example.com', givenName: 'Squatter' });
    clock.advance(24 * HOUR - MINUTE);
    expect(await createAccount(getDb(), clock, applicant({ email: 'not-yours@example.com' }))).toEqual({ ok: true, status: 'exists' });
    clock.advance(MINUTE);
    const owner = await created(clock, { email: 'not-yours@example.com', givenName: 'Owner' });
    expect(owner.user.id).not.toBe(squatter.user.id);
    expect(owner.user).toMatchObject({ email: 'not-yours@example.com', givenName: 'Owner', emailVerifiedAt: null });
    expect((await checkSession(getDb(), clock, squatter.token)).status).toBe('none');
    const [old] = await getDb().select().from(users).where(eq(users.id, squatter.user.id));
    expect(old.disabledAt).toEqual(clock.now());
    expect(await auditOf(squatter.user.id, 'account.expire')).toMatchObject([{ outcome: 'success', detail: { reason: 'email_unconfirmed_24_hours', role: 'applicant' } }]);
  });

  it('never frees a confirmed address, however old', async () => {
    const clock = start();
    const { user, token } = await created(clock, { email: 'confirmed-long-ago@example.com' });
    expect((await confirmEmail(getDb(), clock, { token, code: (await latestCodeSentTo(getDb(), user.email))!, userAgent: null })).ok).toBe(true);
    clock.advance(30 * 24 * HOUR);
    expect(await createAccount(getDb(), clock, applicant({ email: 'confirmed-long-ago@example.com' }))).toEqual({ ok: true, status: 'exists' });
  });

  it('allows 5 sign-ups per email address an hour, then says until when', async () => {
    const clock = start();
    const email = 'busy.person@example.com';
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await createAccount(getDb(), clock, { ...applicant(), email }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, error: 'throttled', until: new Date('2026-05-04T16:00:00Z') });
    clock.advance(HOUR);
    expect((await createAccount(getDb(), clock, { ...applicant(), email })).ok).toBe(true);
  });
});

describe('confirming the email address', () => {
  it('accepts the emailed code, records it and renews the pending session', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    const code = await latestCodeSentTo(getDb(), user.email);
    clock.advance(MINUTE);
    const result = await confirmEmail(getDb(), clock, { token, code: code!, userAgent: 'vitest' });
    if (!result.ok) throw new Error(`unexpected ${result.error}`);
    expect(result.user.emailVerifiedAt).toEqual(clock.now());
    expect(result.token).not.toBe(token);
    expect((await checkSession(getDb(), clock, token)).status).toBe('none');
    expect((await checkSession(getDb(), clock, result.token)).status).toBe('pending');
    expect(await auditOf(user.id, 'account.email_confirmed')).toHaveLength(1);
    const [old] = await getDb().select().from(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.endedReason, 'renewed')));
    expect(old).toBeDefined();
  });

  it('refuses a wrong code and still accepts the right one afterwards', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    const code = (await latestCodeSentTo(getDb(), user.email))!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await confirmEmail(getDb(), clock, { token, code: wrong, userAgent: null })).toEqual({ ok: false, error: 'invalid' });
    expect((await confirmEmail(getDb(), clock, { token, code, userAgent: null })).ok).toBe(true);
  });

  it('refuses a code 10 minutes after it was sent', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    const code = (await latestCodeSentTo(getDb(), user.email))!;
    clock.advance(10 * MINUTE);
    expect(await confirmEmail(getDb(), clock, { token, code, userAgent: null })).toEqual({ ok: false, error: 'invalid' });
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row.emailVerifiedAt).toBeNull();
  });

  it('refuses a code that was already used, and an earlier code once a new one was sent', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    const first = (await latestCodeSentTo(getDb(), user.email))!;
    expect(await resendConfirmationCode(getDb(), clock, { token })).toEqual({ ok: true });
    const second = (await latestCodeSentTo(getDb(), user.email))!;
    if (first !== second) expect(await confirmEmail(getDb(), clock, { token, code: first, userAgent: null })).toEqual({ ok: false, error: 'invalid' });
    const done = await confirmEmail(getDb(), clock, { token, code: second, userAgent: null });
    if (!done.ok) throw new Error('unexpected');
    // The same code again, on the renewed session: the address is confirmed already and the code spent.
    expect(await confirmEmail(getDb(), clock, { token: done.token, code: second, userAgent: null })).toEqual({ ok: false, error: 'already_confirmed' });
    expect(await confirmEmail(getDb(), clock, { token, code: second, userAgent: null })).toEqual({ ok: false, error: 'no_session' });
  });

  it('locks after 10 wrong codes, the counter shared with signing in', async () => {
    const clock = start();
    const { user, token } = await created(clock);
    const code = (await latestCodeSentTo(getDb(), user.email))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await confirmEmail(getDb(), clock, { token, code: wrong, userAgent: null }));
    expect(results[9]).toEqual({ ok: false, error: 'locked', until: new Date('2026-05-04T15:10:00Z') });
    expect(await confirmEmail(getDb(), clock, { token, code, userAgent: null })).toMatchObject({ ok: false, error: 'locked' });
  });

  it('limits "send a new code" to 5 an hour', async () => {
    const clock = start();
    const { token } = await created(clock);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await resendConfirmationCode(getDb(), clock, { token }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, error: 'throttled', until: new Date('2026-05-04T16:00:00Z') });
  });

  it('works for an unconfirmed account that signs in instead (the sign-in page sends it here)', async () => {
    const clock = start();
    const { user } = await created(clock);
    clock.advance(20 * MINUTE); // the sign-up session has lapsed
    const signIn = await passwordStep(getDb(), clock, { email: user.email, password: PASSWORD, userAgent: null });
    if (!signIn.ok) throw new Error('unexpected');
    expect(await resendConfirmationCode(getDb(), clock, { token: signIn.token })).toEqual({ ok: true });
    const code = (await latestCodeSentTo(getDb(), user.email))!;
    expect((await confirmEmail(getDb(), clock, { token: signIn.token, code, userAgent: null })).ok).toBe(true);
  });
});

describe('finishing sign-up', () => {
  it('is refused until the email is confirmed and the second step set up', async () => {
    const clock = start();
    const { token } = await created(clock);
    expect(await finishSignUp(getDb(), clock, { token })).toEqual({ ok: false, error: 'not_ready' });
    expect(await finishSignUp(getDb(), clock, { token: 'not-a-token' })).toEqual({ ok: false, error: 'no_session' });
  });
});

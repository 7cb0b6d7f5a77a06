import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, notifications, users } from '@/db/schema';
import { fixedClock, HOUR } from '@/lib/clock';
import { openSealedSecrets } from '@/lib/notifications/sealing';
import { remainingBackupCodes } from './backup-codes';
import { checkSession } from './sessions';
import { codeStep, passwordStep } from './sign-in';
import {
  acceptStaffSetup,
  checkStaffSetupLink,
  createStaffAccount,
  finishStaffSetup,
  listStaffAccounts,
  pendingStaffSetup,
  resendStaffSetupLink,
  startStaffSetup,
} from './staff-accounts';
import { createTestUser, latestCodeSentTo } from './testing/accounts';

const start = () => fixedClock('2026-05-04T15:00:00Z');
const PORTAL = 'https://portal.example.gov';
const PASSWORD = 'meadow-falcon-ledger-31';

let counter = 0;
const newEmail = () => `staff-${++counter}-${Math.random().toString(36).slice(2, 8)}@agency.example.gov`;

async function supervisor(clock = start()) {
  const sam = await createTestUser(getDb(), clock, { role: 'supervisor' });
  return { id: sam.id, role: sam.role };
}

/** The link in the newest set-up email to `email`, as the person would read it. */
async function setupLinkSentTo(email: string) {
  const [row] = await getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, email), eq(notifications.template, 'staff-setup-link')))
    .orderBy(desc(notifications.id))
    .limit(1);
  if (!row) return null;
  return { link: openSealedSecrets(row.payload).link, payload: row.payload, language: row.language };
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Submissions racing each other, all started at once on either store. */
function race<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  return Promise.all(tasks.map((task) => task()));
}

describe('creating a staff account', () => {
  it('makes an account without a password and emails a single-use link valid 72 hours', async () => {
    const clock = start();
    const createdBy = await supervisor(clock);
    const email = newEmail();
    const result = await createStaffAccount(getDb(), clock, { email: ` ${email.toUpperCase()} `, givenName: 'Olga', familyName: 'Petrova', role: 'officer', createdBy, portalUrl: PORTAL });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.user).toMatchObject({ email, role: 'officer', passwordHash: null, emailVerifiedAt: null, secondFactor: null });
    expect(result.linkExpiresAt).toEqual(new Date('2026-05-07T15:00:00Z'));

    const sent = await setupLinkSentTo(email);
    expect(sent?.link).toMatch(/^https:\/\/portal\.example\.gov\/staff\/setup\?token=[A-Za-z0-9_-]{43}$/);
    expect(sent?.payload).toMatchObject({ name: 'Olga Petrova', role: 'officer', validHours: 72 });
    // The link rests sealed: the outbox row does not show it in clear.
    expect(JSON.stringify(sent?.payload)).not.toContain(tokenOf(sent!.link));

    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'staff.create'), eq(auditLog.objectId, String(result.user.id))));
    expect(entry).toMatchObject({ actorId: createdBy.id, actorRole: 'supervisor', outcome: 'success', detail: { role: 'officer', via: 'portal' } });
    expect(JSON.stringify(entry.detail)).not.toContain(tokenOf(sent!.link));
  });

  it('sends the Spanish link to a Spanish-speaking account, and records the command line as the actor', async () => {
    const clock = start();
    const email = newEmail();
    const result = await createStaffAccount(getDb(), clock, { email, givenName: 'Sofía', familyName: 'Reyes', role: 'supervisor', preferredLanguage: 'es', createdBy: null, portalUrl: PORTAL });
    expect(result.ok).toBe(true);
    const sent = await setupLinkSentTo(email);
    expect(sent?.language).toBe('es');
    expect(sent?.link).toContain(`${PORTAL}/es/staff/setup?token=`);
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'staff.create'), eq(auditLog.objectId, String(result.ok && result.user.id))));
    expect(entry).toMatchObject({ actorId: null, detail: { via: 'command_line', role: 'supervisor' } });
  });

  it('refuses a taken address, a malformed one and missing fields, naming each', async () => {
    const clock = start();
    const existing = await createTestUser(getDb(), clock);
    expect(await createStaffAccount(getDb(), clock, { email: existing.email, givenName: 'A', familyName: 'B', role: 'officer', createdBy: null })).toEqual({ ok: false, errors: { email: 'taken' } });
    expect(await createStaffAccount(getDb(), clock, { email: 'not-an-address', givenName: '', familyName: 'B', role: 'admin' as 'officer', createdBy: null })).toEqual({
      ok: false,
      errors: { email: 'invalid', givenName: 'required', role: 'required' },
    });
  });

  it('creates one account when two supervisors submit the same address at once', async () => {
    const clock = start();
    const email = newEmail();
    const results = await race(
      Array.from({ length: 5 }, () => () => createStaffAccount(getDb(), clock, { email, givenName: 'Twin', familyName: 'Race', role: 'officer', createdBy: null })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await getDb().select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe('the set-up link', () => {
  it('sets the password, confirms the email, and works once', async () => {
    const clock = start();
    const email = newEmail();
    const created = await createStaffAccount(getDb(), clock, { email, givenName: 'Owen', familyName: 'Park', role: 'officer', createdBy: await supervisor(clock) });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    expect(await checkStaffSetupLink(getDb(), clock, token)).toMatchObject({ status: 'valid', user: { email } });

    expect(await acceptStaffSetup(getDb(), clock, { token, password: 'short' })).toEqual({ ok: false, error: 'password', problem: 'too_short' });
    expect(await acceptStaffSetup(getDb(), clock, { token, password: '' })).toEqual({ ok: false, error: 'password', problem: 'required' });
    const accepted = await acceptStaffSetup(getDb(), clock, { token, password: PASSWORD });
    if (!accepted.ok) throw new Error(accepted.error);
    expect(accepted.user.emailVerifiedAt).toEqual(clock.now());
    expect((await passwordStep(getDb(), clock, { email, password: PASSWORD, userAgent: null })).ok).toBe(true);

    expect(await checkStaffSetupLink(getDb(), clock, token)).toEqual({ status: 'used' });
    expect(await acceptStaffSetup(getDb(), clock, { token, password: 'another-password-entirely-9' })).toEqual({ ok: false, error: 'used' });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'staff.setup'), eq(auditLog.objectId, String(created.ok && created.user.id))));
    expect(entry).toMatchObject({ outcome: 'success', detail: { step: 'password', emailConfirmed: true } });
  });

  it('lets exactly one of many simultaneous submissions through', async () => {
    const clock = start();
    const email = newEmail();
    await createStaffAccount(getDb(), clock, { email, givenName: 'Ida', familyName: 'Lund', role: 'officer', createdBy: null });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    const results = await race(Array.from({ length: 6 }, (_, i) => () => acceptStaffSetup(getDb(), clock, { token, password: `${PASSWORD}-${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'used')).toBe(true);
  });

  it('expires after 72 hours; a new link replaces the old one; unknown tokens are invalid', async () => {
    const clock = start();
    const email = newEmail();
    const sam = await supervisor(clock);
    const created = await createStaffAccount(getDb(), clock, { email, givenName: 'Eli', familyName: 'Stone', role: 'officer', createdBy: sam });
    if (!created.ok) throw new Error('not created');
    const first = tokenOf((await setupLinkSentTo(email))!.link);
    clock.advance(72 * HOUR);
    expect(await checkStaffSetupLink(getDb(), clock, first)).toEqual({ status: 'expired' });
    expect(await acceptStaffSetup(getDb(), clock, { token: first, password: PASSWORD })).toEqual({ ok: false, error: 'expired' });
    expect((await listStaffAccounts(getDb(), clock)).find((r) => r.id === created.user.id)?.status).toBe('link_expired');

    const again = await resendStaffSetupLink(getDb(), clock, { userId: created.user.id, actor: sam });
    expect(again.ok).toBe(true);
    const second = tokenOf((await setupLinkSentTo(email))!.link);
    expect(second).not.toBe(first);
    expect((await listStaffAccounts(getDb(), clock)).find((r) => r.id === created.user.id)).toMatchObject({ status: 'pending', linkExpiresAt: new Date(clock.now().getTime() + 72 * HOUR) });
    const third = await resendStaffSetupLink(getDb(), clock, { userId: created.user.id, actor: sam });
    expect(third.ok).toBe(true);
    expect(await checkStaffSetupLink(getDb(), clock, second)).toEqual({ status: 'expired' });

    for (const bad of [undefined, '', 'abc', 'x'.repeat(43), `${second}x`]) expect(await checkStaffSetupLink(getDb(), clock, bad)).toEqual({ status: 'invalid' });
  });

  it('cannot be sent again once the account has a password, nor for accounts that are not staff', async () => {
    const clock = start();
    const sam = await supervisor(clock);
    const applicant = await createTestUser(getDb(), clock);
    expect(await resendStaffSetupLink(getDb(), clock, { userId: applicant.id, actor: sam })).toEqual({ ok: false, error: 'not_found' });
    const officer = await createTestUser(getDb(), clock, { role: 'officer' });
    expect(await resendStaffSetupLink(getDb(), clock, { userId: officer.id, actor: sam })).toEqual({ ok: false, error: 'already_set_up' });
  });
});

describe('the rest of the set-up: the second step and backup codes', () => {
  it('with an authenticator app: proven, ten backup codes, the set-up session ends, then a normal sign-in', async () => {
    const clock = start();
    const email = newEmail();
    await createStaffAccount(getDb(), clock, { email, givenName: 'Tom', familyName: 'Ueda', role: 'officer', createdBy: null });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    const started = await startStaffSetup(getDb(), clock, { token, password: PASSWORD, choice: { method: 'totp' }, userAgent: 'test' });
    if (!started.ok || started.setup.method !== 'totp') throw new Error('not started');
    expect((await pendingStaffSetup(getDb(), clock, started.pendingToken))?.email).toBe(email);
    // The set-up's pending session is not a signed-in one.
    expect((await checkSession(getDb(), clock, started.pendingToken)).status).toBe('pending');

    expect(await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code: '000000' })).toEqual({ ok: false, error: 'invalid' });
    const code = await generate({ secret: started.setup.secret, epoch: Math.floor(clock.now().getTime() / 1000) });
    const finished = await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code });
    if (!finished.ok) throw new Error(finished.error);
    expect(finished.user.secondFactor).toBe('totp');
    expect(finished.backupCodes).toHaveLength(10);
    expect(await remainingBackupCodes(getDb(), finished.user.id)).toBe(10);
    expect(await pendingStaffSetup(getDb(), clock, started.pendingToken)).toBeNull();
    expect(await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code })).toEqual({ ok: false, error: 'no_session' });
    expect((await listStaffAccounts(getDb(), clock)).find((r) => r.email === email)?.status).toBe('active');

    const signIn = await passwordStep(getDb(), clock, { email, password: PASSWORD, userAgent: null });
    if (!signIn.ok) throw new Error('password refused');
    const next = await generate({ secret: started.setup.secret, epoch: Math.floor(clock.now().getTime() / 1000) + 30 });
    expect((await codeStep(getDb(), clock, { token: signIn.token, code: next, kind: 'code' })).ok).toBe(true);
  });

  it('with emailed codes: nothing to prove, the link already confirmed the address', async () => {
    const clock = start();
    const email = newEmail();
    await createStaffAccount(getDb(), clock, { email, givenName: 'Ada', familyName: 'Kim', role: 'supervisor', createdBy: null });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    const started = await startStaffSetup(getDb(), clock, { token, password: PASSWORD, choice: { method: 'email' }, userAgent: null });
    if (!started.ok) throw new Error('not started');
    const finished = await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code: '' });
    expect(finished).toMatchObject({ ok: true, user: { secondFactor: 'email', role: 'supervisor' } });
    const [entry] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, 'staff.setup'), eq(auditLog.objectId, String(started.user.id)))).orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({ detail: { step: 'second_factor', method: 'email' } });
  });

  it('with text messages: the code texted to the phone proves it', async () => {
    const clock = start();
    const email = newEmail();
    await createStaffAccount(getDb(), clock, { email, givenName: 'Lev', familyName: 'Orr', role: 'officer', createdBy: null });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    const started = await startStaffSetup(getDb(), clock, { token, password: PASSWORD, choice: { method: 'sms', phone: '+15205550166' }, userAgent: null });
    if (!started.ok) throw new Error('not started');
    const code = await latestCodeSentTo(getDb(), '+15205550166');
    expect(await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code: code! })).toMatchObject({ ok: true, user: { secondFactor: 'sms', phone: '+15205550166' } });
  });

  it('starts nothing when the link is used, and the set-up session lasts 15 minutes', async () => {
    const clock = start();
    const email = newEmail();
    await createStaffAccount(getDb(), clock, { email, givenName: 'Mo', familyName: 'Vance', role: 'officer', createdBy: null });
    const token = tokenOf((await setupLinkSentTo(email))!.link);
    const started = await startStaffSetup(getDb(), clock, { token, password: PASSWORD, choice: { method: 'email' }, userAgent: null });
    if (!started.ok) throw new Error('not started');
    expect(await startStaffSetup(getDb(), clock, { token, password: PASSWORD, choice: { method: 'email' }, userAgent: null })).toEqual({ ok: false, error: 'used' });
    clock.advance(15 * 60_000);
    expect(await pendingStaffSetup(getDb(), clock, started.pendingToken)).toBeNull();
    expect(await finishStaffSetup(getDb(), clock, { pendingToken: started.pendingToken, setup: started.setup, code: '' })).toEqual({ ok: false, error: 'no_session' });
  });
});

describe('the staff list', () => {
  it('shows officers and supervisors with their set-up state, not applicants', async () => {
    const clock = start();
    const applicant = await createTestUser(getDb(), clock);
    const active = await createTestUser(getDb(), clock, { role: 'officer' });
    const email = newEmail();
    const created = await createStaffAccount(getDb(), clock, { email, givenName: 'Pia', familyName: 'Quist', role: 'supervisor', createdBy: null });
    if (!created.ok) throw new Error('not created');
    const rows = await listStaffAccounts(getDb(), clock);
    expect(rows.find((r) => r.id === applicant.id)).toBeUndefined();
    expect(rows.find((r) => r.id === active.id)).toMatchObject({ status: 'active', role: 'officer', linkExpiresAt: null });
    expect(rows.find((r) => r.id === created.user.id)).toMatchObject({ status: 'pending', name: 'Pia Quist', email, role: 'supervisor' });
    await acceptStaffSetup(getDb(), clock, { token: tokenOf((await setupLinkSentTo(email))!.link), password: PASSWORD });
    expect((await listStaffAccounts(getDb(), clock)).find((r) => r.id === created.user.id)?.status).toBe('second_step_missing');
  });
});

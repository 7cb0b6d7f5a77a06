import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessCodes, auditLog, caseLinks, notifications, representativeProfiles, users, type Case, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, freshReceiptNumber, linkTestCase, messagesTo, renameUser } from '@/lib/cases/testing/case-fixtures';
import { DAY, HOUR, fixedClock } from '@/lib/clock';
import { issueAccessCode } from './issue-access-code';
import { linkCaseWithAccessCode, type LinkOutcome } from './link-case';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const clock = fixedClock('2026-03-02T15:00:00Z');
const db = () => getDb();

async function representative(name = 'Rita', family = 'Ramos'): Promise<User> {
  const user = await renameUser(db(), await createTestUser(db(), clock, { role: 'representative' }), name, family);
  await db().insert(representativeProfiles).values({ userId: user.id, kind: 'attorney', barNumber: '123', licensingState: 'AZ', organisation: 'Desert Legal Aid', sector: 'nonprofit' });
  return user;
}

const applicant = () => createTestUser(db(), clock, { role: 'applicant' });
const codeFor = async (theCase: Case, audience: 'applicant' | 'representative' = 'applicant') =>
  (await issueAccessCode(db(), clock, { caseId: theCase.id, audience, actor: null })).code;
const link = (user: User, receiptNumber: string, accessCode: string) =>
  linkCaseWithAccessCode(db(), clock, { user, receiptNumber, accessCode: accessCode.replace(/-/g, '') });
const activeLinks = (theCase: Case) => db().select().from(caseLinks).where(and(eq(caseLinks.caseId, theCase.id), isNull(caseLinks.endedAt)));
const otherCode = (code: string) => (code[0] === '2' ? '3' : '2') + code.slice(1);

describe('linking a case with an online access code', () => {
  beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

  it('links the case to the applicant, uses the code once, records it and emails the applicant', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const ana = await applicant();

    expect(await link(ana, theCase.receiptNumber, code)).toEqual({ ok: true, receiptNumber: theCase.receiptNumber, role: 'applicant', usedApplicantCode: false });
    const links = await activeLinks(theCase);
    expect(links).toMatchObject([{ userId: ana.id, role: 'applicant' }]);
    const [row] = await db().select().from(accessCodes).where(eq(accessCodes.id, links[0].accessCodeId!));
    expect(row.usedBy).toBe(ana.id);
    expect(row.usedAt?.toISOString()).toBe(clock.now().toISOString());

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'case.link'), eq(auditLog.objectId, theCase.receiptNumber), eq(auditLog.outcome, 'success')));
    expect(audit).toMatchObject({ actorId: ana.id, actorRole: 'applicant', objectType: 'case' });
    expect(JSON.stringify(audit)).not.toContain(code.replace(/-/g, ''));
    expect(await messagesTo(db(), ana.email, 'case-linked')).toMatchObject([{ channel: 'email', payload: { linkedBy: 'applicant', receiptNumber: theCase.receiptNumber } }]);

    // The same code again, even by the same person, links nothing more.
    expect(await link(ana, theCase.receiptNumber, code)).toMatchObject({ ok: false, error: 'already_linked' });
    expect(await link(await applicant(), theCase.receiptNumber, code)).toMatchObject({ ok: false, error: 'used' });
    expect(await activeLinks(theCase)).toHaveLength(1);
  });

  it('answers a wrong code and a receipt number that does not exist exactly alike', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const person = await applicant();
    const wrongCode = await link(person, theCase.receiptNumber, otherCode(code));
    const noSuchCase = await link(person, freshReceiptNumber('EAC'), code);
    const codeOfAnotherCase = await link(person, (await addTestCase(db(), clock)).receiptNumber, code);
    const expected: LinkOutcome = { ok: false, error: 'invalid', accountPausedUntil: null, receiptPausedUntil: null };
    expect([wrongCode, noSuchCase, codeOfAnotherCase]).toEqual([expected, expected, expected]);
  });

  it('refuses a code after 90 days, and a code replaced by a newer one, saying which', async () => {
    const theCase = await addTestCase(db(), clock);
    const first = await codeFor(theCase);
    clock.advance(DAY);
    const second = await codeFor(theCase);
    expect(await link(await applicant(), theCase.receiptNumber, first)).toMatchObject({ ok: false, error: 'replaced' });
    clock.advance(90 * DAY - 1);
    expect((await link(await applicant(), theCase.receiptNumber, otherCode(second))).ok).toBe(false);
    clock.advance(1);
    expect(await link(await applicant(), theCase.receiptNumber, second)).toMatchObject({ ok: false, error: 'expired' });
    expect(await activeLinks(theCase)).toHaveLength(0);
  });

  it('works on the last moment of the 90 days', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    clock.advance(90 * DAY - 1);
    expect((await link(await applicant(), theCase.receiptNumber, code)).ok).toBe(true);
  });

  it('keeps the representative code for representatives', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase, 'representative');
    expect(await link(await applicant(), theCase.receiptNumber, code)).toMatchObject({ ok: false, error: 'representative_code' });
    const rita = await representative();
    expect(await link(rita, theCase.receiptNumber, code)).toMatchObject({ ok: true, role: 'representative', usedApplicantCode: false });
  });

  it('never moves a case to a second applicant account', async () => {
    const theCase = await addTestCase(db(), clock);
    const owner = await applicant();
    expect((await link(owner, theCase.receiptNumber, await codeFor(theCase))).ok).toBe(true);
    const newCode = await codeFor(theCase);
    expect(await link(await applicant(), theCase.receiptNumber, newCode)).toMatchObject({ ok: false, error: 'linked_to_another_account' });
    expect(await activeLinks(theCase)).toMatchObject([{ userId: owner.id }]);
    // The new code was not spent by the refusal.
    const [row] = await db().select().from(accessCodes).where(and(eq(accessCodes.caseId, theCase.id), isNull(accessCodes.usedAt), isNull(accessCodes.revokedAt)));
    expect(row).toBeDefined();
  });

  it('links a client case to a representative with the representative code and tells the applicant', async () => {
    const theCase = await addTestCase(db(), clock);
    const owner = await applicant();
    await linkTestCase(db(), clock, theCase, owner);
    const rita = await representative();
    expect((await link(rita, theCase.receiptNumber, await codeFor(theCase, 'representative'))).ok).toBe(true);
    expect(await messagesTo(db(), owner.email, 'case-linked')).toMatchObject([
      { payload: { linkedBy: 'representative_with_representative_code', representativeName: 'Rita Ramos', organisation: 'Desert Legal Aid' } },
    ]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'case.link'), eq(auditLog.objectId, theCase.receiptNumber), eq(auditLog.outcome, 'success')));
    expect(audit).toMatchObject({ actorId: rita.id, actorRole: 'representative', onBehalfOfId: owner.id });
  });

  it('links a case to a representative who used the applicant code, and tells the applicant who used it', async () => {
    const paperOnly = await addTestCase(db(), clock);
    const rita = await representative('Rosa', 'Villalobos');
    expect(await link(rita, paperOnly.receiptNumber, await codeFor(paperOnly))).toMatchObject({ ok: true, role: 'representative', usedApplicantCode: true });
    // No account and no email of record: the warning goes by letter to the address on the case.
    const [letter] = await db().select().from(notifications).where(and(eq(notifications.template, 'case-linked'), eq(notifications.channel, 'letter')));
    expect(letter.recipient).toBe('Marisol Quintero\n1820 W Roosevelt St\nPhoenix, AZ 85007');
    expect(letter.payload).toMatchObject({ linkedBy: 'representative_with_applicant_code', representativeName: 'Rosa Villalobos', receiptNumber: paperOnly.receiptNumber });

    const beneficiary = await addTestCase(db(), clock, { formType: 'I-134A', channelOfRecord: 'email', applicantEmail: 'beneficiary@example.com' });
    expect((await link(rita, beneficiary.receiptNumber, await codeFor(beneficiary))).ok).toBe(true);
    expect(await messagesTo(db(), 'beneficiary@example.com', 'case-linked')).toMatchObject([{ channel: 'email', payload: { linkedBy: 'representative_with_applicant_code' } }]);
  });

  it('tells the applicant by text when that is the channel they chose', async () => {
    const theCase = await addTestCase(db(), clock);
    const owner = await createTestUser(db(), clock, { phone: '+16025550143' });
    await db().update(users).set({ notificationChannel: 'sms' }).where(eq(users.id, owner.id));
    await linkTestCase(db(), clock, theCase, owner);
    expect((await link(await representative(), theCase.receiptNumber, await codeFor(theCase, 'representative'))).ok).toBe(true);
    expect(await messagesTo(db(), '+16025550143', 'case-linked')).toHaveLength(1);
  });
});

describe('guessing access codes', () => {
  beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

  it('allows 10 failed attempts per account an hour, and successes do not count', async () => {
    const person = await applicant();
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const outcomes: LinkOutcome[] = [];
    for (let i = 0; i < 9; i++) outcomes.push(await link(person, freshReceiptNumber(), code));
    expect((await link(person, theCase.receiptNumber, code)).ok).toBe(true);
    const tenth = await link(person, freshReceiptNumber(), code);
    expect(tenth).toMatchObject({ ok: false, error: 'invalid', accountPausedUntil: new Date('2026-03-02T16:00:00Z') });
    const eleventh = await link(person, freshReceiptNumber(), code);
    expect(eleventh).toMatchObject({ ok: false, error: 'throttled_account', until: new Date('2026-03-02T16:00:00Z') });
    clock.advance(HOUR);
    expect(await link(person, freshReceiptNumber(), code)).toMatchObject({ ok: false, error: 'invalid', accountPausedUntil: null });
  });

  it('pauses a receipt number after 20 failed attempts from all accounts in a day and tells its owner once', async () => {
    const theCase = await addTestCase(db(), clock);
    const owner = await applicant();
    await linkTestCase(db(), clock, theCase, owner);
    const code = await codeFor(theCase, 'representative');
    const guessers = [await applicant(), await applicant(), await applicant()];
    const results: LinkOutcome[] = [];
    for (let i = 0; i < 20; i++) results.push(await link(guessers[i % 3], theCase.receiptNumber, otherCode(code)));
    expect(results.slice(0, 19).every((r) => !r.ok && r.error === 'invalid' && r.receiptPausedUntil === null)).toBe(true);
    expect(results[19]).toMatchObject({ error: 'invalid', receiptPausedUntil: new Date('2026-03-03T15:00:00Z') });

    // Paused for everyone, even with the right code, until the day is over.
    const rita = await representative();
    expect(await link(rita, theCase.receiptNumber, code)).toMatchObject({ ok: false, error: 'throttled_receipt', until: new Date('2026-03-03T15:00:00Z') });
    expect(await link(await applicant(), theCase.receiptNumber, otherCode(code))).toMatchObject({ ok: false, error: 'throttled_receipt' });
    expect(await messagesTo(db(), owner.email, 'linking-paused')).toHaveLength(1);
    clock.advance(DAY);
    expect((await link(rita, theCase.receiptNumber, code)).ok).toBe(true);
  });

  it('judges at most 10 of 30 parallel guesses from one account', async () => {
    const person = await applicant();
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => link(person, theCase.receiptNumber, otherCode(code))));
    expect(outcomes.filter((o) => !o.ok && o.error === 'invalid')).toHaveLength(10);
    expect(outcomes.filter((o) => !o.ok && o.error === 'throttled_account')).toHaveLength(20);
  });
});

describe('concurrent redemptions of one code', () => {
  beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

  it('link the case exactly once among many accounts', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? representative() : applicant())));
    const outcomes = await Promise.all(people.map((person) => link(person, theCase.receiptNumber, code)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && (o.error === 'used' || o.error === 'linked_to_another_account'))).toBe(true);
    expect(await activeLinks(theCase)).toHaveLength(1);
    expect(await db().select().from(notifications).where(eq(notifications.template, 'case-linked'))).toSatisfy(
      (rows: { payload: Record<string, unknown> }[]) => rows.filter((r) => r.payload.receiptNumber === theCase.receiptNumber).length === 1,
    );
  });

  it('link once when the same person submits twice at the same moment', async () => {
    const theCase = await addTestCase(db(), clock);
    const code = await codeFor(theCase);
    const person = await applicant();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => link(person, theCase.receiptNumber, code)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await activeLinks(theCase)).toHaveLength(1);
  });
});

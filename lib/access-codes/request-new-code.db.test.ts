import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessCodes, auditLog, caseLinks, notifications, users, type Case, type User } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { addTestCase, addTestRepresentative, freshReceiptNumber, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, HOUR, MINUTE, fixedClock } from '@/lib/clock';
import { openSealedSecrets } from '@/lib/notifications/sealing';
import { normaliseAccessCode } from './access-code';
import { issueAccessCode } from './issue-access-code';
import { linkCaseWithAccessCode } from './link-case';
import { requestNewAccessCode, type CodeRequestOutcome } from './request-new-code';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const START = '2026-03-02T15:00:00Z';
const clock = fixedClock(START);
const db = () => getDb();

const DATE_OF_BIRTH = '1990-07-14'; // the fixtures' applicant, Marisol Quintero
const applicant = () => createTestUser(db(), clock, { role: 'applicant' });
const representative = () => addTestRepresentative(db(), clock);

const request = (user: User, receiptNumber: string, dateOfBirth = DATE_OF_BIRTH) =>
  requestNewAccessCode(db(), clock, { user, receiptNumber, dateOfBirth, requestId: 'req-test' });

/** The Account Access Notices queued for a receipt number, oldest first. */
async function noticesFor(receiptNumber: string) {
  const rows = await db().select().from(notifications).where(eq(notifications.template, 'account-access-notice')).orderBy(notifications.id);
  return rows.filter((row) => row.payload.receiptNumber === receiptNumber);
}

/** The code printed on a notice, as the person reads it on paper or in their inbox. */
const codeOn = (notice: { payload: Record<string, unknown> }) => openSealedSecrets(notice.payload).code;

const codesOf = (theCase: Case) => db().select().from(accessCodes).where(eq(accessCodes.caseId, theCase.id)).orderBy(accessCodes.id);
const liveCodes = async (theCase: Case, audience: 'applicant' | 'representative') =>
  (await codesOf(theCase)).filter((c) => c.audience === audience && !c.usedAt && !c.revokedAt);

const link = (user: User, receiptNumber: string, code: string) =>
  linkCaseWithAccessCode(db(), clock, { user, receiptNumber, accessCode: normaliseAccessCode(code)! });

/** Everything the store holds about a request that must not change when the details do not match. */
async function snapshot() {
  return {
    notifications: (await db().select().from(notifications)).length,
    codes: (await db().select().from(accessCodes)).map((c) => [c.id, c.revokedAt?.getTime() ?? null]),
  };
}

beforeEach(() => clock.set(START));

describe('requesting a new access code with matching details', () => {
  it('mails a new applicant code to the address on the case, and the old unused one stops working', async () => {
    const theCase = await addTestCase(db(), clock);
    const old = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    const representativeCode = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'representative', actor: null });
    clock.advance(10 * DAY);
    const person = await applicant();

    expect(await request(person, theCase.receiptNumber)).toEqual({ ok: true });

    const notices = await noticesFor(theCase.receiptNumber);
    expect(notices).toHaveLength(3);
    const notice = notices[2];
    expect(notice).toMatchObject({
      channel: 'letter',
      recipient: 'Marisol Quintero\n1820 W Roosevelt St\nPhoenix, AZ 85007',
      payload: {
        audience: 'applicant',
        receiptNumber: theCase.receiptNumber,
        mailingAddress: theCase.mailingAddress,
        expiresOn: '2026-06-10', // 90 days from the request, not from the first notice
      },
    });
    const newCode = codeOn(notice);
    expect(newCode).not.toBe(old.code);

    // One live applicant code, the new one; the representative code is another audience and still works.
    expect(await liveCodes(theCase, 'applicant')).toHaveLength(1);
    expect((await liveCodes(theCase, 'representative')).map((c) => c.id)).toEqual([representativeCode.accessCodeId]);
    expect(await link(person, theCase.receiptNumber, old.code)).toMatchObject({ ok: false, error: 'replaced' });
    expect(await link(person, theCase.receiptNumber, newCode)).toMatchObject({ ok: true, role: 'applicant' });

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access_code.request'), eq(auditLog.objectId, theCase.receiptNumber)));
    expect(audit).toMatchObject({ actorId: person.id, actorRole: 'applicant', outcome: 'success', requestId: 'req-test' });
  });

  it('sends a representative code to the representative of record when a representative asks', async () => {
    const theCase = await addTestCase(db(), clock);
    const old = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'representative', actor: null });
    const applicantCode = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    const rita = await representative();

    expect(await request(rita, theCase.receiptNumber)).toEqual({ ok: true });

    const notice = (await noticesFor(theCase.receiptNumber)).at(-1)!;
    expect(notice.channel).toBe('letter');
    expect(notice.recipient).toBe('Representative of record for Marisol Quintero\nc/o Marisol Quintero\n1820 W Roosevelt St\nPhoenix, AZ 85007');
    expect(notice.payload).toMatchObject({ audience: 'representative' });
    expect((await liveCodes(theCase, 'applicant')).map((c) => c.id)).toEqual([applicantCode.accessCodeId]);
    expect(await liveCodes(theCase, 'representative')).toHaveLength(1);

    expect(await link(rita, theCase.receiptNumber, old.code)).toMatchObject({ ok: false, error: 'replaced' });
    expect(await link(rita, theCase.receiptNumber, codeOn(notice))).toMatchObject({ ok: true, role: 'representative', usedApplicantCode: false });
  });

  it('sends nothing to a representative when no representative is on record (G-28), and answers the same', async () => {
    const theCase = await addTestCase(db(), clock, { representativeOfRecord: false });
    await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    const before = await snapshot();
    expect(await request(await representative(), theCase.receiptNumber)).toEqual({ ok: true });
    expect(await snapshot()).toEqual(before);
  });

  it('emails the new code to an I-134A beneficiary, whose channel of record is email', async () => {
    const theCase = await addTestCase(db(), clock, {
      formType: 'I-134A',
      classification: null,
      channelOfRecord: 'email',
      applicantEmail: 'beneficiary@example.com',
      representativeOfRecord: false,
    });
    expect(await request(await applicant(), theCase.receiptNumber)).toEqual({ ok: true });
    const [notice] = await noticesFor(theCase.receiptNumber);
    expect(notice).toMatchObject({ channel: 'email', recipient: 'beneficiary@example.com', payload: { audience: 'applicant' } });
    expect(notice.payload).not.toHaveProperty('mailingAddress');
  });

  it('writes the notice in the language of the applicant linked to the case', async () => {
    const theCase = await addTestCase(db(), clock);
    const lucia = await applicant();
    await db().update(users).set({ preferredLanguage: 'es' }).where(eq(users.id, lucia.id));
    await linkTestCase(db(), clock, theCase, lucia);
    expect(await request(lucia, theCase.receiptNumber)).toEqual({ ok: true });
    expect((await noticesFor(theCase.receiptNumber)).map((n) => n.language)).toEqual(['es']);
  });

  it('never keeps the code in clear in the outbox or the audit log', async () => {
    const theCase = await addTestCase(db(), clock);
    await request(await applicant(), theCase.receiptNumber);
    await request(await representative(), theCase.receiptNumber);
    const codes = (await noticesFor(theCase.receiptNumber)).map(codeOn);
    expect(codes).toHaveLength(2);

    const outbox = await db().select().from(notifications);
    const audits = await db().select().from(auditLog);
    const links = await db().select().from(caseLinks);
    for (const code of codes) {
      for (const written of [code, normaliseAccessCode(code)!, code.toLowerCase()]) {
        for (const row of outbox) {
          // The sealed value is the only place the code travels, and it is ciphertext.
          const { sealedSecrets, ...rest } = row.payload;
          expect(JSON.stringify({ ...row, payload: rest })).not.toContain(written);
          expect(String(sealedSecrets)).not.toContain(written);
        }
        for (const row of [...audits, ...links]) expect(JSON.stringify(row)).not.toContain(written);
      }
    }
  });
});

describe('requesting a new access code with details that do not match', () => {
  it('answers a wrong date of birth, an unknown receipt number and another case’s receipt exactly as a match, and queues nothing', async () => {
    const theCase = await addTestCase(db(), clock);
    const other = await addTestCase(db(), clock, { applicantDateOfBirth: '1985-01-30' });
    const code = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    const person = await applicant();
    const before = await snapshot();

    const outcomes = [
      await request(person, theCase.receiptNumber, '1990-07-15'),
      await request(person, theCase.receiptNumber, '1991-07-14'),
      await request(person, freshReceiptNumber('EAC'), DATE_OF_BIRTH),
      await request(person, other.receiptNumber, DATE_OF_BIRTH),
    ];
    expect(outcomes).toEqual(Array(4).fill({ ok: true }));
    expect(await snapshot()).toEqual(before);
    // The code the applicant already has keeps working.
    expect(await link(person, theCase.receiptNumber, code.code)).toMatchObject({ ok: true });

    // Staff can tell from the audit log that these did not match; the person could not.
    const failures = await db().select().from(auditLog).where(and(eq(auditLog.action, 'access_code.request'), eq(auditLog.actorId, person.id)));
    expect(failures.map((f) => f.outcome)).toEqual(['failure', 'failure', 'failure', 'failure']);
    expect(failures.every((f) => f.detail?.matched === false)).toBe(true);
  });
});

describe('throttling requests for new access codes', () => {
  it('allows 5 requests per account an hour, counted from the first, then says until when', async () => {
    const person = await applicant();
    const outcomes: CodeRequestOutcome[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await request(person, freshReceiptNumber()));
      clock.advance(10 * MINUTE);
    }
    expect(outcomes).toEqual(Array(5).fill({ ok: true }));

    // The sixth, even with details that match, sends nothing.
    const theCase = await addTestCase(db(), clock);
    expect(await request(person, theCase.receiptNumber)).toEqual({ ok: false, error: 'throttled', until: new Date('2026-03-02T16:00:00Z') });
    clock.set('2026-03-02T15:59:59.999Z');
    expect(await request(person, theCase.receiptNumber)).toEqual({ ok: false, error: 'throttled', until: new Date('2026-03-02T16:00:00Z') });
    expect(await noticesFor(theCase.receiptNumber)).toHaveLength(0);

    // Other accounts are not affected.
    expect(await request(await applicant(), freshReceiptNumber())).toEqual({ ok: true });

    // The window reopens an hour after it opened.
    clock.set('2026-03-02T16:00:00Z');
    expect(await request(person, theCase.receiptNumber)).toEqual({ ok: true });
    expect(await noticesFor(theCase.receiptNumber)).toHaveLength(1);
    const [denied] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access_code.request'), eq(auditLog.outcome, 'denied'), eq(auditLog.actorId, person.id)));
    expect(denied.detail).toEqual({ reason: 'throttled' });
  });

  it('allows 3 requests per receipt number a day from all accounts together, then says until when', async () => {
    const theCase = await addTestCase(db(), clock);
    const outcomes: CodeRequestOutcome[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await request(await applicant(), theCase.receiptNumber));
      clock.advance(2 * HOUR);
    }
    expect(outcomes).toEqual(Array(3).fill({ ok: true }));
    const notices = await noticesFor(theCase.receiptNumber);
    expect(notices).toHaveLength(3);

    // A fourth account, a representative, even a wrong date of birth: paused until a day after the first.
    const until = new Date('2026-03-03T15:00:00Z');
    const latecomer = await applicant();
    expect(await request(latecomer, theCase.receiptNumber)).toEqual({ ok: false, error: 'throttled', until });
    expect(await request(await representative(), theCase.receiptNumber)).toEqual({ ok: false, error: 'throttled', until });
    expect(await request(latecomer, theCase.receiptNumber, '1970-01-01')).toEqual({ ok: false, error: 'throttled', until });
    expect(await noticesFor(theCase.receiptNumber)).toHaveLength(3);
    // The last code sent is the one that works.
    expect((await liveCodes(theCase, 'applicant')).length).toBe(1);
    expect(await link(latecomer, theCase.receiptNumber, codeOn(notices[2]))).toMatchObject({ ok: true });

    // Refused requests do not use up the account's own allowance.
    const more: CodeRequestOutcome[] = [];
    for (let i = 0; i < 5; i++) more.push(await request(latecomer, freshReceiptNumber()));
    expect(more).toEqual(Array(5).fill({ ok: true }));

    // Another receipt number is not affected, and this one reopens a day after its first request.
    const another = await addTestCase(db(), clock);
    expect(await request(await applicant(), another.receiptNumber)).toEqual({ ok: true });
    clock.set('2026-03-03T14:59:59.999Z');
    expect(await request(await applicant(), theCase.receiptNumber)).toEqual({ ok: false, error: 'throttled', until });
    clock.set(until);
    expect(await request(await applicant(), theCase.receiptNumber)).toEqual({ ok: true });
    expect(await noticesFor(theCase.receiptNumber)).toHaveLength(4);
  });

  it('issues at most 3 codes among 10 parallel requests for one receipt number, leaving exactly one live code', async () => {
    const theCase = await addTestCase(db(), clock);
    await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    const people = await Promise.all(Array.from({ length: 10 }, () => applicant()));

    const outcomes = await Promise.all(people.map((person) => request(person, theCase.receiptNumber)));

    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(7).fill({ ok: false, error: 'throttled', until: new Date('2026-03-03T15:00:00Z') }));
    const codes = (await codesOf(theCase)).filter((c) => c.audience === 'applicant');
    expect(codes).toHaveLength(4);
    const live = await liveCodes(theCase, 'applicant');
    expect(live).toHaveLength(1);
    const notices = await noticesFor(theCase.receiptNumber);
    expect(notices).toHaveLength(4);
    // The live code is on one of the notices, and it links the case.
    const working = notices.filter((n) => n.dedupeKey === `access-code:${live[0].id}`);
    expect(working).toHaveLength(1);
    expect(await link(people[0], theCase.receiptNumber, codeOn(working[0]))).toMatchObject({ ok: true });
  });

  it('leaves exactly one live representative code among parallel requests from representatives', async () => {
    const theCase = await addTestCase(db(), clock);
    const reps = await Promise.all(Array.from({ length: 6 }, () => representative()));
    const outcomes = await Promise.all(reps.map((rep) => request(rep, theCase.receiptNumber)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect((await codesOf(theCase)).filter((c) => c.audience === 'representative')).toHaveLength(3);
    expect(await liveCodes(theCase, 'representative')).toHaveLength(1);
    expect(await liveCodes(theCase, 'applicant')).toHaveLength(0);
  });

  it('judges at most 5 of 10 parallel requests from one account', async () => {
    const person = await applicant();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => request(person, freshReceiptNumber())));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok)).toEqual(Array(5).fill({ ok: false, error: 'throttled', until: new Date('2026-03-02T16:00:00Z') }));
  });
});

describe('the codes a request leaves behind', () => {
  it('do not revoke a code already used to link the case', async () => {
    const theCase = await addTestCase(db(), clock);
    const owner = await applicant();
    const first = await issueAccessCode(db(), clock, { caseId: theCase.id, audience: 'applicant', actor: null });
    expect((await link(owner, theCase.receiptNumber, first.code)).ok).toBe(true);
    expect(await request(owner, theCase.receiptNumber)).toEqual({ ok: true });
    const [used] = await db().select().from(accessCodes).where(eq(accessCodes.id, first.accessCodeId));
    expect(used.revokedAt).toBeNull();
    expect(used.usedBy).toBe(owner.id);
    // The link made with it still stands.
    expect(await db().select().from(caseLinks).where(and(eq(caseLinks.caseId, theCase.id), isNull(caseLinks.endedAt)))).toHaveLength(1);
  });
});

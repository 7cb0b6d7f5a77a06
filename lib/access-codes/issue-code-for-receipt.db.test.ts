import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessCodes, auditLog, cases, notifications } from '@/db/schema';
import { addTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, fixedClock } from '@/lib/clock';
import { normaliseAccessCode } from './access-code';
import { issueAccessCode } from './issue-access-code';
import { issueCodeForReceipt, OPERATOR_ACTOR } from './issue-code-for-receipt';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const clock = fixedClock('2026-03-02T15:00:00Z');

/** A case in Houston without a representative of record, unless told otherwise. */
const addCase = async (receiptNumber: string, overrides: Partial<typeof cases.$inferInsert> = {}) =>
  (
    await addTestCase(getDb(), clock, {
      receiptNumber,
      formType: 'I-130',
      classification: null,
      receiptDate: '2026-02-10',
      applicantGivenName: 'Tomás',
      applicantFamilyName: 'Herrera',
      applicantDateOfBirth: '1985-04-02',
      mailingAddress: { street: '6200 Hillcroft St Apt 1208', city: 'Houston', state: 'TX', zip: '77081' },
      representativeOfRecord: false,
      ...overrides,
    })
  ).id;

const issue = (receiptNumber: string, audience: 'applicant' | 'representative') =>
  issueCodeForReceipt(getDb(), clock, { receiptNumber, audience, actor: OPERATOR_ACTOR });

async function auditsFor(receiptNumber: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'access_code.issue'), eq(auditLog.objectId, receiptNumber)))
    .orderBy(asc(auditLog.id));
}

describe('issuing an access code for a receipt number (operator command)', () => {
  let represented: number;
  beforeAll(async () => {
    represented = await addCase('NBC2614100001', { representativeOfRecord: true });
    await addCase('EAC2614100002');
    await addCase('IOE0926100003', { formType: 'I-134A', channelOfRecord: 'email', applicantEmail: 'beneficiary@example.com' });
  });
  beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

  it('revokes the unused code, issues a new one by the channel of record and never hands back the code', async () => {
    const old = await issueAccessCode(getDb(), clock, { caseId: represented, audience: 'applicant', actor: null });
    clock.advance(DAY);

    const result = await issue('nbc-261-410-0001', 'applicant');
    expect(result).toEqual({
      ok: true,
      receiptNumber: 'NBC2614100001',
      audience: 'applicant',
      channel: 'letter',
      addressedTo: 'applicant',
      expiresAt: new Date('2026-06-01T15:00:00Z'),
      expiresOn: '2026-06-01',
      revokedCodes: 1,
    });
    expect(JSON.stringify(result)).not.toContain(normaliseAccessCode(old.code)!);

    const codes = await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, represented)).orderBy(asc(accessCodes.id));
    expect(codes.map((c) => [c.audience, c.revokedAt?.toISOString() ?? null])).toEqual([
      ['applicant', '2026-03-03T15:00:00.000Z'],
      ['applicant', null],
    ]);
    const [notice] = await getDb().select().from(notifications).where(eq(notifications.dedupeKey, `access-code:${codes[1].id}`));
    expect(notice).toMatchObject({ channel: 'letter', template: 'account-access-notice' });

    const audits = await auditsFor('NBC2614100001');
    expect(audits.at(-1)).toMatchObject({ actorId: null, actorRole: 'operator', outcome: 'success' });
  });

  it('issues a representative code when a G-28 is on file, leaving the applicant’s code alone', async () => {
    const result = await issue('NBC2614100001', 'representative');
    expect(result).toMatchObject({ ok: true, channel: 'letter', addressedTo: 'representative_of_record', revokedCodes: 0 });
    const live = await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, represented));
    expect(live.filter((c) => !c.revokedAt).map((c) => c.audience).sort()).toEqual(['applicant', 'representative']);
  });

  it('emails the notice to an I-134A beneficiary', async () => {
    expect(await issue('IOE0926100003', 'applicant')).toMatchObject({ ok: true, channel: 'email', addressedTo: 'applicant' });
  });

  it('refuses a representative code when no representative is on record, and records the refusal', async () => {
    const result = await issue('EAC2614100002', 'representative');
    expect(result).toEqual({
      ok: false,
      error: 'no_representative_of_record',
      message: 'case EAC2614100002 has no representative of record (no Form G-28 on file), so it has no representative code',
    });
    const [caseRow] = await getDb().select({ id: cases.id }).from(cases).where(eq(cases.receiptNumber, 'EAC2614100002'));
    expect(await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, caseRow.id))).toHaveLength(0);
    expect((await auditsFor('EAC2614100002')).map((a) => [a.actorRole, a.outcome, a.detail])).toEqual([
      ['operator', 'failure', { audience: 'representative', reason: 'no_representative_of_record' }],
    ]);
  });

  it('refuses an unknown receipt number', async () => {
    const before = (await getDb().select().from(notifications)).length;
    expect(await issue('LIN2614199999', 'applicant')).toEqual({
      ok: false,
      error: 'unknown_receipt',
      message: 'no case has the receipt number LIN2614199999',
    });
    expect((await getDb().select().from(notifications)).length).toBe(before);
    expect((await auditsFor('LIN2614199999')).map((a) => a.outcome)).toEqual(['failure']);
  });

  it('refuses a malformed receipt number before touching the store', async () => {
    expect(await issue('IOE-12', 'applicant')).toEqual({
      ok: false,
      error: 'malformed_receipt',
      message: 'a receipt number is 3 letters and 10 digits, e.g. IOE0912345678',
    });
  });
});

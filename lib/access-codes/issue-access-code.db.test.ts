import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accessCodes, auditLog, cases, notifications } from '@/db/schema';
import { addTestCase } from '@/lib/cases/testing/case-fixtures';
import { DAY, fixedClock } from '@/lib/clock';
import { unseal } from '@/lib/crypto/secrets';
import { hashAccessCode, normaliseAccessCode } from './access-code';
import { issueAccessCode } from './issue-access-code';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

const clock = fixedClock('2026-03-02T15:00:00Z');

const addCase = async (receiptNumber: string, overrides: Partial<typeof cases.$inferInsert> = {}) =>
  (await addTestCase(getDb(), clock, { receiptNumber, ...overrides })).id;

describe('issuing an online access code', () => {
  let caseId: number;
  beforeAll(async () => {
    caseId = await addCase('MSC2690012345');
  });
  beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

  it('stores only the keyed hash, valid for 90 days from now', async () => {
    const issued = await issueAccessCode(getDb(), clock, { caseId, audience: 'applicant', actor: null });
    expect(normaliseAccessCode(issued.code)).not.toBeNull();
    expect(issued.expiresAt.getTime() - clock.now().getTime()).toBe(90 * DAY);
    const [row] = await getDb().select().from(accessCodes).where(eq(accessCodes.id, issued.accessCodeId));
    expect(row.codeHash).toBe(hashAccessCode(issued.code));
    expect(row.issuedAt.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(row.expiresAt.toISOString()).toBe('2026-05-31T15:00:00.000Z');
    expect(row.usedAt).toBeNull();
    expect(row.revokedAt).toBeNull();
  });

  it('revokes the unused code of the same case and audience when a new one is issued', async () => {
    const first = await issueAccessCode(getDb(), clock, { caseId, audience: 'applicant', actor: null });
    const representative = await issueAccessCode(getDb(), clock, { caseId, audience: 'representative', actor: null });
    clock.advance(DAY);
    const second = await issueAccessCode(getDb(), clock, { caseId, audience: 'applicant', actor: null });

    const rows = await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, caseId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(first.accessCodeId)!.revokedAt?.toISOString()).toBe(clock.now().toISOString());
    expect(byId.get(second.accessCodeId)!.revokedAt).toBeNull();
    expect(byId.get(representative.accessCodeId)!.revokedAt).toBeNull();
    const live = rows.filter((r) => r.audience === 'applicant' && !r.revokedAt);
    expect(live.map((r) => r.id)).toEqual([second.accessCodeId]);
  });

  it('mails the notice with the code sealed, and the code appears nowhere in clear', async () => {
    const issued = await issueAccessCode(getDb(), clock, { caseId, audience: 'applicant', actor: { id: null, role: 'system' } });
    const [notice] = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `access-code:${issued.accessCodeId}`));
    expect(notice.channel).toBe('letter');
    expect(notice.template).toBe('account-access-notice');
    expect(notice.recipient).toBe('Marisol Quintero\n1820 W Roosevelt St\nPhoenix, AZ 85007');
    expect(notice.payload).toMatchObject({
      receiptNumber: 'MSC2690012345',
      formType: 'I-485',
      applicantName: 'Marisol Quintero',
      audience: 'applicant',
      expiresOn: '2026-05-31',
    });

    const bare = normaliseAccessCode(issued.code)!;
    const everything = JSON.stringify(notice);
    expect(everything).not.toContain(issued.code);
    expect(everything).not.toContain(bare);
    const sealed = (notice.payload as { sealedSecrets: string }).sealedSecrets;
    expect(JSON.parse(unseal(sealed, 'outbox'))).toEqual({ code: issued.code });

    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access_code.issue'), eq(auditLog.objectId, 'MSC2690012345')))
      .orderBy(auditLog.id)
      .limit(1);
    expect(audit.objectType).toBe('case');
    expect(audit.outcome).toBe('success');
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, 'access_code.issue'));
    for (const entry of audits) {
      expect(JSON.stringify(entry)).not.toContain(bare);
      expect(JSON.stringify(entry)).not.toContain(issued.code);
    }
  });

  it('addresses the representative code to the representative of record', async () => {
    const issued = await issueAccessCode(getDb(), clock, { caseId, audience: 'representative', actor: null });
    const [notice] = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `access-code:${issued.accessCodeId}`));
    expect(notice.channel).toBe('letter');
    expect(notice.recipient.split('\n')[0]).toBe('Representative of record for Marisol Quintero');
    expect(notice.payload).toMatchObject({ audience: 'representative' });
  });

  it('emails I-134A beneficiaries instead of mailing a letter', async () => {
    const beneficiary = await addCase('IOE0926123456', {
      formType: 'I-134A',
      classification: null,
      channelOfRecord: 'email',
      applicantEmail: 'beneficiary@example.com',
      representativeOfRecord: false,
    });
    const issued = await issueAccessCode(getDb(), clock, { caseId: beneficiary, audience: 'applicant', actor: null });
    expect(issued.channel).toBe('email');
    const [notice] = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `access-code:${issued.accessCodeId}`));
    expect(notice.recipient).toBe('beneficiary@example.com');
    expect(notice.payload).not.toHaveProperty('mailingAddress');
  });

  it('refuses a representative code when no representative is on record', async () => {
    const unrepresented = await addCase('EAC2690054321', { representativeOfRecord: false });
    await expect(
      issueAccessCode(getDb(), clock, { caseId: unrepresented, audience: 'representative', actor: null }),
    ).rejects.toThrow(/representative of record/);
    const rows = await getDb().select().from(accessCodes).where(eq(accessCodes.caseId, unrepresented));
    expect(rows).toHaveLength(0);
  });
});

/**
 * "Request a new access code" (spec §4): the person gives the receipt number and the applicant's
 * date of birth. When both match a case, a new code is issued (the old unused one of that audience
 * stops working) and its Account Access Notice goes through the channel of record — a mailed
 * letter, or email for I-134A beneficiaries — never to the screen. The answer is the same whether
 * or not the details matched, so the form cannot be used to learn who has a case or when they
 * were born. Requests are throttled per account and per receipt number, since each one that
 * matches replaces the code the applicant may be waiting for in the mail.
 */
import { eq } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { cases, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { DAY, HOUR, type Clock } from '@/lib/clock';
import { releaseAttempt, reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import type { RequestCodeInput } from './access-code-forms';
import { issueAccessCodeWithin } from './issue-access-code';
import { linkRoleOf } from '@/lib/auth/policy';

export const CODE_REQUEST_ACCOUNT_RULE: ThrottleRule = { kind: 'window', limit: 5, periodMs: HOUR };
export const CODE_REQUEST_RECEIPT_RULE: ThrottleRule = { kind: 'window', limit: 3, periodMs: DAY };

export type CodeRequestOutcome = { ok: true } | { ok: false; error: 'throttled'; until: Date };

export async function requestNewAccessCode(
  db: Db,
  clock: Clock,
  { user, receiptNumber, dateOfBirth, requestId }: RequestCodeInput & { user: User; requestId?: string | null },
): Promise<CodeRequestOutcome> {
  const accountKey = `code-request:account:${user.id}`;
  const forAccount = await reserveAttempt(db, clock, accountKey, CODE_REQUEST_ACCOUNT_RULE);
  const forReceipt = forAccount.ok
    ? await reserveAttempt(db, clock, `code-request:receipt:${receiptNumber}`, CODE_REQUEST_RECEIPT_RULE)
    : forAccount;
  if (!forReceipt.ok) {
    if (forAccount.ok) await releaseAttempt(db, accountKey);
    await recordAudit(db, clock, {
      actor: { id: user.id, role: user.role },
      action: 'access_code.request',
      objectType: 'case',
      objectId: receiptNumber,
      outcome: 'denied',
      detail: { reason: 'throttled' },
      requestId,
    });
    return { ok: false, error: 'throttled', until: forReceipt.blockedUntil };
  }

  // Applicants get the applicant code; a representative gets the representative code of the case.
  const audience = linkRoleOf(user);
  await transaction(db, async (tx) => {
    const [theCase] = await tx.select().from(cases).where(eq(cases.receiptNumber, receiptNumber));
    const matched =
      Boolean(theCase) &&
      theCase.applicantDateOfBirth === dateOfBirth &&
      (audience === 'applicant' || theCase.representativeOfRecord);
    if (matched) await issueAccessCodeWithin(tx, clock, { caseId: theCase.id, audience, actor: { id: user.id, role: user.role }, requestId });
    // The audit log is for staff: it may say whether the details matched; the person is not told.
    await recordAudit(tx, clock, {
      actor: { id: user.id, role: user.role },
      action: 'access_code.request',
      objectType: 'case',
      objectId: receiptNumber,
      outcome: matched ? 'success' : 'failure',
      detail: { audience, matched },
      requestId,
    });
  });
  return { ok: true };
}

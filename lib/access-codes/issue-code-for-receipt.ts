/**
 * An operator's request for a new online access code (`npm run codes:issue`): find the case by its
 * receipt number and issue the code of the audience asked for. Issuing revokes the old unused code
 * and queues the Account Access Notice through the channel of record; the operator learns how the
 * notice travels and when the code expires, never the code.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import type { Channel } from '@/db/columns';
import { accessCodes, cases } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { normaliseReceiptNumber, RECEIPT_NUMBER_EXAMPLE } from '@/lib/cases/receipt-number';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { issueAccessCodeWithin, type AccessCodeAudience } from './issue-access-code';

export const OPERATOR_ACTOR: AuditActor = { id: null, role: 'operator' };

export interface IssueCodeForReceiptInput {
  /** As typed: spaces, dashes and lower case are forgiven. */
  receiptNumber: string;
  audience: AccessCodeAudience;
  actor: AuditActor;
}

export type IssueCodeForReceiptResult =
  | {
      ok: true;
      receiptNumber: string;
      audience: AccessCodeAudience;
      channel: Channel;
      /** Who the notice is addressed to: the applicant, or the representative of record care of the applicant's address. */
      addressedTo: 'applicant' | 'representative_of_record';
      expiresAt: Date;
      /** The expiry date as the notice prints it. */
      expiresOn: string;
      /** Unused codes of the same audience that stopped working. */
      revokedCodes: number;
    }
  | { ok: false; error: 'malformed_receipt' | 'unknown_receipt' | 'no_representative_of_record'; message: string };

export async function issueCodeForReceipt(db: Db, clock: Clock, input: IssueCodeForReceiptInput): Promise<IssueCodeForReceiptResult> {
  const receiptNumber = normaliseReceiptNumber(input.receiptNumber);
  if (!receiptNumber) {
    return {
      ok: false,
      error: 'malformed_receipt',
      message: `a receipt number is 3 letters and 10 digits, e.g. ${RECEIPT_NUMBER_EXAMPLE}`,
    };
  }

  return transaction(db, async (tx): Promise<IssueCodeForReceiptResult> => {
    const [theCase] = await tx
      .select({ id: cases.id, representativeOfRecord: cases.representativeOfRecord })
      .from(cases)
      .where(eq(cases.receiptNumber, receiptNumber));

    const refuse = async (error: 'unknown_receipt' | 'no_representative_of_record', message: string) => {
      // Refusals are recorded too: who asked for a code for which case is worth knowing either way.
      await recordAudit(tx, clock, {
        actor: input.actor,
        action: 'access_code.issue',
        objectType: 'case',
        objectId: receiptNumber,
        outcome: 'failure',
        detail: { audience: input.audience, reason: error },
      });
      return { ok: false as const, error, message };
    };
    if (!theCase) return refuse('unknown_receipt', `no case has the receipt number ${receiptNumber}`);
    if (input.audience === 'representative' && !theCase.representativeOfRecord) {
      return refuse(
        'no_representative_of_record',
        `case ${receiptNumber} has no representative of record (no Form G-28 on file), so it has no representative code`,
      );
    }

    const live = await tx
      .select({ id: accessCodes.id })
      .from(accessCodes)
      .where(
        and(
          eq(accessCodes.caseId, theCase.id),
          eq(accessCodes.audience, input.audience),
          isNull(accessCodes.usedAt),
          isNull(accessCodes.revokedAt),
        ),
      );
    const issued = await issueAccessCodeWithin(tx, clock, { caseId: theCase.id, audience: input.audience, actor: input.actor });
    return {
      ok: true,
      receiptNumber,
      audience: input.audience,
      channel: issued.channel,
      addressedTo: input.audience === 'representative' ? 'representative_of_record' : 'applicant',
      expiresAt: issued.expiresAt,
      expiresOn: isoDateInZone(issued.expiresAt, AGENCY_TIME_ZONE),
      revokedCodes: live.length,
    };
  });
}

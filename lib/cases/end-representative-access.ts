/**
 * The applicant ends a representative's online access to their case (spec §4, "People with
 * access"). Only the applicant linked to the case may do it, only for a representative link of
 * that same case. The link is ended by one conditional UPDATE, so a double submit ends it once;
 * the change is audited and both people are told, in the same transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { caseLinks, users, type Case, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { accountContact } from './case-contacts';
import { displayName } from '@/lib/auth/account-summary';

export type EndAccessOutcome = { ok: true; representativeName: string } | { ok: false; error: 'not_found' };

export async function endRepresentativeAccess(
  db: Db,
  clock: Clock,
  { applicant, theCase, linkId, requestId }: { applicant: User; theCase: Case; linkId: number; requestId?: string | null },
): Promise<EndAccessOutcome> {
  return transaction(db, async (tx) => {
    const [ownLink] = await tx
      .select({ id: caseLinks.id })
      .from(caseLinks)
      .where(and(eq(caseLinks.caseId, theCase.id), eq(caseLinks.userId, applicant.id), eq(caseLinks.role, 'applicant'), isNull(caseLinks.endedAt)));
    if (applicant.role !== 'applicant' || !ownLink) return { ok: false, error: 'not_found' } as const;

    const now = clock.now();
    const [ended] = await tx
      .update(caseLinks)
      .set({ endedAt: now, endedBy: applicant.id })
      .where(and(eq(caseLinks.id, linkId), eq(caseLinks.caseId, theCase.id), eq(caseLinks.role, 'representative'), isNull(caseLinks.endedAt)))
      .returning({ userId: caseLinks.userId });
    if (!ended) return { ok: false, error: 'not_found' } as const;

    const [representative] = await tx.select().from(users).where(eq(users.id, ended.userId));
    const representativeName = displayName(representative);
    await recordAudit(tx, clock, {
      actor: { id: applicant.id, role: applicant.role },
      action: 'case.access_end',
      objectType: 'case',
      objectId: theCase.receiptNumber,
      outcome: 'success',
      detail: { linkId, representativeId: representative.id },
      requestId,
    });
    const payload = { receiptNumber: theCase.receiptNumber, formType: theCase.formType, representativeName };
    for (const [person, audience] of [
      [applicant, 'applicant'],
      [representative, 'representative'],
    ] as const) {
      await enqueueNotification(tx, clock, {
        ...(await accountContact(tx, clock, person)),
        template: 'representative-access-ended',
        payload: { ...payload, audience },
        dedupeKey: `access-ended:${linkId}:${audience}`,
      });
    }
    return { ok: true, representativeName } as const;
  });
}

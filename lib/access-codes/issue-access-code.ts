/**
 * Issuing an online access code: the old unused code of the same case and audience stops working,
 * the new one is stored as a keyed hash, and the Account Access Notice carrying it goes to the
 * outbox — all in one transaction, so a code is never live without its notice or the reverse.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import { accessCodes, caseLinks, cases, users, type Case } from '@/db/schema';
import type { Channel, Language, MailingAddress } from '@/db/columns';
import { recordAudit, type AuditActor } from '@/lib/audit/record-audit';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import { DAY, type Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { formatAccessCode, generateAccessCode, hashAccessCode } from './access-code';

/** USCIS: an online access code is valid for 90 days. */
export const ACCESS_CODE_VALIDITY_DAYS = 90;

export type AccessCodeAudience = 'applicant' | 'representative';

export interface IssueAccessCodeInput {
  caseId: number;
  audience: AccessCodeAudience;
  /** Who asked for the code; null when the agency's case system issues it on receipt. */
  actor: AuditActor | null;
  requestId?: string | null;
}

export interface IssuedAccessCode {
  accessCodeId: number;
  expiresAt: Date;
  /** How the notice travels: a mailed letter, or email for I-134A beneficiaries. */
  channel: Channel;
  /**
   * The code in clear, formatted for print (7KQ2-M9XD-4RTF). Returned only so the seed and tests can
   * use it: callers must never show it on screen, put it in a response or log it — the notice in the
   * outbox is the only way it reaches a person.
   */
  code: string;
}

/** Issues a code in its own transaction. */
export function issueAccessCode(db: Db, clock: Clock, input: IssueAccessCodeInput): Promise<IssuedAccessCode> {
  return transaction(db, (tx) => issueAccessCodeWithin(tx, clock, input));
}

/** The same, inside a transaction the caller already holds (e.g. one that also checks a throttle). */
export async function issueAccessCodeWithin(
  tx: DbOrTx,
  clock: Clock,
  { caseId, audience, actor, requestId }: IssueAccessCodeInput,
): Promise<IssuedAccessCode> {
  // Read the case through a no-op UPDATE: it takes the case row's write lock, so on Postgres two
  // issues for one case take turns (as SQLite's single writer makes them) and the later one
  // revokes the code the earlier one issued, leaving one live code per audience.
  const [theCase] = await tx.update(cases).set({ updatedAt: sql`${cases.updatedAt}` }).where(eq(cases.id, caseId)).returning();
  if (!theCase) throw new Error(`no case with id ${caseId}`);
  if (audience === 'representative' && !theCase.representativeOfRecord) {
    throw new Error('a representative code needs a representative of record (Form G-28) on the case');
  }

  const now = clock.now();
  const revoked = await tx
    .update(accessCodes)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accessCodes.caseId, caseId),
        eq(accessCodes.audience, audience),
        isNull(accessCodes.usedAt),
        isNull(accessCodes.revokedAt),
      ),
    )
    .returning({ id: accessCodes.id });

  const code = generateAccessCode();
  const expiresAt = new Date(now.getTime() + ACCESS_CODE_VALIDITY_DAYS * DAY);
  const [row] = await tx
    .insert(accessCodes)
    .values({ caseId, audience, codeHash: hashAccessCode(code), issuedAt: now, expiresAt })
    .returning({ id: accessCodes.id });

  const delivery = deliveryFor(theCase, audience);
  const formatted = formatAccessCode(code);
  await enqueueNotification(tx, clock, {
    channel: delivery.channel,
    recipient: delivery.recipient,
    language: await languageOfCase(tx, caseId),
    template: 'account-access-notice',
    payload: {
      receiptNumber: theCase.receiptNumber,
      formType: theCase.formType,
      applicantName: applicantName(theCase),
      audience,
      expiresOn: isoDateInZone(expiresAt, AGENCY_TIME_ZONE),
      ...(delivery.channel === 'letter' ? { mailingAddress: theCase.mailingAddress } : {}),
    },
    secrets: { code: formatted },
    dedupeKey: `access-code:${row.id}`,
  });

  await recordAudit(tx, clock, {
    actor,
    action: 'access_code.issue',
    objectType: 'case',
    objectId: theCase.receiptNumber,
    outcome: 'success',
    detail: { audience, accessCodeId: row.id, channel: delivery.channel, revokedCodes: revoked.length },
    requestId: requestId ?? null,
  });

  return { accessCodeId: row.id, expiresAt, channel: delivery.channel, code: formatted };
}

function applicantName(theCase: Pick<Case, 'applicantGivenName' | 'applicantFamilyName'>): string {
  return `${theCase.applicantGivenName} ${theCase.applicantFamilyName}`.trim();
}

/** A postal address on lines, as printed in an envelope window. */
export function letterRecipient(lines: string[], address: MailingAddress): string {
  return [...lines, address.street, `${address.city}, ${address.state} ${address.zip}`].join('\n');
}

/**
 * The channel of record: a letter to the address on the case, or email for I-134A beneficiaries.
 * Representative codes always go by letter: the beneficiary's inbox is not the representative's,
 * and the portal holds no address of its own for the representative of record.
 */
function deliveryFor(theCase: Case, audience: AccessCodeAudience): { channel: Channel; recipient: string } {
  const name = applicantName(theCase);
  if (audience === 'representative') {
    return {
      channel: 'letter',
      recipient: letterRecipient([`Representative of record for ${name}`, `c/o ${name}`], theCase.mailingAddress),
    };
  }
  if (theCase.channelOfRecord === 'email' && theCase.applicantEmail) {
    return { channel: 'email', recipient: theCase.applicantEmail };
  }
  return { channel: 'letter', recipient: letterRecipient([name], theCase.mailingAddress) };
}

/** The applicant's language when their account is linked to the case; English otherwise. */
async function languageOfCase(tx: DbOrTx, caseId: number): Promise<Language> {
  const [linked] = await tx
    .select({ language: users.preferredLanguage })
    .from(caseLinks)
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .where(and(eq(caseLinks.caseId, caseId), eq(caseLinks.role, 'applicant'), isNull(caseLinks.endedAt)))
    .limit(1);
  return linked?.language ?? 'en';
}

/**
 * Linking a paper-filed case to an online account with the receipt number and the online access
 * code from the Account Access Notice (spec §4).
 *
 * Guessing is throttled twice: per account (10 failed attempts an hour) and per receipt number
 * (20 failed attempts a day from all accounts together). An attempt is reserved on both counters
 * before it is judged, so parallel guesses cannot slip past either limit; attempts that turn out
 * not to be guesses (a real code that expired, was used, or is for the other audience) are given
 * back. A wrong pair always gets the same answer, whether or not the receipt number exists.
 *
 * The code is claimed with one conditional UPDATE (unused, not revoked, not expired): among any
 * number of concurrent redemptions exactly one wins, on SQLite and Postgres alike. The link, the
 * audit entry and the notices commit in the same transaction as the claim.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { transaction, type Db, type Tx } from '@/db/client';
import { accessCodes, caseLinks, cases, representativeProfiles, type Case, type User } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { accountContact, applicantAccount, applicantContact } from '@/lib/cases/case-contacts';
import { HOUR, DAY, type Clock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { recordFailure, releaseAttempt, reserveAttempt, type Reservation, type ThrottleRule } from '@/lib/security/throttle';
import { hashAccessCode } from './access-code';
import type { LinkCaseInput } from './access-code-forms';
import { displayName } from '@/lib/auth/account-summary';
import { linkRoleOf } from '@/lib/auth/policy';

export const LINK_ACCOUNT_RULE: ThrottleRule = { kind: 'window', limit: 10, periodMs: HOUR };
export const LINK_RECEIPT_RULE: ThrottleRule = { kind: 'window', limit: 20, periodMs: DAY };

export const linkAccountKey = (userId: number) => `link:account:${userId}`;
export const linkReceiptKey = (receipt: string) => `link:receipt:${receipt}`;

export type LinkRefusal =
  /** The receipt number and code do not belong together (or either does not exist). */
  | {
      error: 'invalid';
      /** Set when this failure used the account's (or the receipt number's) last attempt of the window. */
      accountPausedUntil: Date | null;
      receiptPausedUntil: Date | null;
    }
  | { error: 'expired' | 'used' | 'replaced' }
  /** An applicant entered the representative code. */
  | { error: 'representative_code' }
  | { error: 'already_linked' }
  /** The case is linked to another applicant account; cases cannot move between accounts. */
  | { error: 'linked_to_another_account' }
  | { error: 'throttled_account' | 'throttled_receipt'; until: Date };

export type LinkOutcome =
  | { ok: true; receiptNumber: string; role: 'applicant' | 'representative'; usedApplicantCode: boolean }
  | ({ ok: false } & LinkRefusal);

export interface LinkCaseRequest extends LinkCaseInput {
  user: User;
  requestId?: string | null;
}

export async function linkCaseWithAccessCode(db: Db, clock: Clock, request: LinkCaseRequest): Promise<LinkOutcome> {
  const { user, receiptNumber } = request;
  const accountKey = linkAccountKey(user.id);
  const receiptKey = linkReceiptKey(receiptNumber);

  const forAccount = await reserveAttempt(db, clock, accountKey, LINK_ACCOUNT_RULE);
  if (!forAccount.ok) return refuse(db, clock, request, { error: 'throttled_account', until: forAccount.blockedUntil });
  const forReceipt = await reserveAttempt(db, clock, receiptKey, LINK_RECEIPT_RULE);
  if (!forReceipt.ok) {
    await releaseAttempt(db, accountKey);
    return refuse(db, clock, request, { error: 'throttled_receipt', until: forReceipt.blockedUntil });
  }

  const outcome = await transaction(db, (tx) => judge(tx, clock, request));

  if (outcome.ok || outcome.error !== 'invalid') {
    // Not a guess: whoever typed this had the right code for the right case.
    await releaseAttempt(db, accountKey);
    await releaseAttempt(db, receiptKey);
    return outcome.ok ? outcome : refuse(db, clock, request, outcome);
  }
  return refuse(db, clock, request, { error: 'invalid', ...(await countFailure(db, clock, request, forAccount, forReceipt)) });
}

/**
 * Counts a wrong pair on both counters. When it used the last attempt of either, that counter is
 * paused for the rest of its window; a paused receipt number is news for the case's owner.
 */
async function countFailure(
  db: Db,
  clock: Clock,
  { user, receiptNumber }: LinkCaseRequest,
  forAccount: Reservation,
  forReceipt: Reservation,
): Promise<{ accountPausedUntil: Date | null; receiptPausedUntil: Date | null }> {
  const accountPausedUntil = await recordFailure(db, clock, linkAccountKey(user.id), LINK_ACCOUNT_RULE, forAccount);
  const receiptPausedUntil = await recordFailure(db, clock, linkReceiptKey(receiptNumber), LINK_RECEIPT_RULE, forReceipt);
  if (receiptPausedUntil) await tellOwnerLinkingPaused(db, clock, receiptNumber, receiptPausedUntil);
  return { accountPausedUntil, receiptPausedUntil };
}

async function tellOwnerLinkingPaused(db: Db, clock: Clock, receiptNumber: string, until: Date): Promise<void> {
  await transaction(db, async (tx) => {
    const [theCase] = await tx.select().from(cases).where(eq(cases.receiptNumber, receiptNumber));
    if (!theCase) return; // a receipt number that does not exist has no owner to tell
    const contact = await applicantContact(tx, clock, theCase, { letter: true });
    if (!contact) return;
    await enqueueNotification(tx, clock, {
      ...contact,
      template: 'linking-paused',
      payload: { receiptNumber, until: until.toISOString() },
      dedupeKey: `linking-paused:${receiptNumber}:${until.getTime()}`,
    });
    await recordAudit(tx, clock, {
      actor: null,
      action: 'case.link_pause',
      objectType: 'case',
      objectId: receiptNumber,
      outcome: 'success',
      detail: { until: until.toISOString(), toldBy: contact.channel },
    });
  });
}

async function judge(tx: Tx, clock: Clock, { user, receiptNumber, accessCode, requestId }: LinkCaseRequest): Promise<LinkOutcome> {
  const now = clock.now();
  const [theCase] = await tx.select().from(cases).where(eq(cases.receiptNumber, receiptNumber));
  if (!theCase) return { ok: false, error: 'invalid', accountPausedUntil: null, receiptPausedUntil: null };
  const [code] = await tx
    .select()
    .from(accessCodes)
    .where(and(eq(accessCodes.caseId, theCase.id), eq(accessCodes.codeHash, hashAccessCode(accessCode))));
  if (!code) return { ok: false, error: 'invalid', accountPausedUntil: null, receiptPausedUntil: null };

  const role = linkRoleOf(user);
  const [ownLink] = await tx
    .select({ id: caseLinks.id })
    .from(caseLinks)
    .where(and(eq(caseLinks.caseId, theCase.id), eq(caseLinks.userId, user.id), eq(caseLinks.role, role), isNull(caseLinks.endedAt)));
  if (ownLink) return { ok: false, error: 'already_linked' };
  if (code.revokedAt) return { ok: false, error: 'replaced' };
  if (code.usedAt) return { ok: false, error: 'used' };
  if (code.expiresAt <= now) return { ok: false, error: 'expired' };
  if (role === 'applicant' && code.audience === 'representative') return { ok: false, error: 'representative_code' };

  const applicant = await applicantAccount(tx, theCase.id);
  if (role === 'applicant' && applicant && applicant.id !== user.id) return { ok: false, error: 'linked_to_another_account' };

  const [claimed] = await tx
    .update(accessCodes)
    .set({ usedAt: now, usedBy: user.id })
    .where(and(eq(accessCodes.id, code.id), isNull(accessCodes.usedAt), isNull(accessCodes.revokedAt), gt(accessCodes.expiresAt, now)))
    .returning({ id: accessCodes.id });
  if (!claimed) return { ok: false, error: 'used' };

  await tx.insert(caseLinks).values({ caseId: theCase.id, userId: user.id, role, accessCodeId: code.id, linkedAt: now });
  const usedApplicantCode = role === 'representative' && code.audience === 'applicant';
  await recordAudit(tx, clock, {
    actor: { id: user.id, role: user.role, onBehalfOfId: role === 'representative' ? (applicant?.id ?? null) : null },
    action: 'case.link',
    objectType: 'case',
    objectId: receiptNumber,
    outcome: 'success',
    detail: { linkedAs: role, codeAudience: code.audience, accessCodeId: code.id },
    requestId,
  });
  await tellApplicant(tx, clock, theCase, user, role, usedApplicantCode);
  return { ok: true, receiptNumber, role, usedApplicantCode };
}

/**
 * The applicant always hears that their case was linked. When a representative used the
 * applicant's own code the warning matters most, so it goes by letter if no email is known.
 */
async function tellApplicant(tx: Tx, clock: Clock, theCase: Case, user: User, role: 'applicant' | 'representative', usedApplicantCode: boolean) {
  const base = { receiptNumber: theCase.receiptNumber, formType: theCase.formType };
  const dedupeKey = `case-linked:${theCase.id}:${user.id}:${clock.now().getTime()}`;
  if (role === 'applicant') {
    await enqueueNotification(tx, clock, { ...(await accountContact(tx, clock, user)), template: 'case-linked', payload: { ...base, linkedBy: 'applicant' }, dedupeKey });
    return;
  }
  const contact = await applicantContact(tx, clock, theCase, { letter: usedApplicantCode });
  if (!contact) return;
  const [profile] = await tx
    .select({ organisation: representativeProfiles.organisation })
    .from(representativeProfiles)
    .where(eq(representativeProfiles.userId, user.id));
  await enqueueNotification(tx, clock, {
    ...contact,
    template: 'case-linked',
    payload: {
      ...base,
      linkedBy: usedApplicantCode ? 'representative_with_applicant_code' : 'representative_with_representative_code',
      representativeName: displayName(user),
      organisation: profile?.organisation ?? '',
    },
    dedupeKey,
  });
}

/** Records a refusal in the audit log (without the code) and returns it. */
async function refuse(db: Db, clock: Clock, { user, receiptNumber, requestId }: LinkCaseRequest, refusal: LinkRefusal): Promise<LinkOutcome> {
  await recordAudit(db, clock, {
    actor: { id: user.id, role: user.role },
    action: 'case.link',
    objectType: 'case',
    objectId: receiptNumber,
    outcome: refusal.error.startsWith('throttled') ? 'denied' : 'failure',
    detail: { reason: refusal.error },
    requestId,
  });
  return { ok: false, ...refusal };
}

/**
 * The pages of "Reschedule biometrics appointment" (spec §6): why (a good cause), which centre (from
 * a ZIP code), which time, then "Confirm new appointment". The answers so far are a draft on the
 * server (lib/forms/drafts.ts), for one case at a time: a draft for another case is not reused.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ascs, biometricSlots } from '@/db/schema';
import type { Clock } from '@/lib/clock';
import { clearDraft, readDraft, saveDraft } from '@/lib/forms/drafts';
import { GOOD_CAUSES, type GoodCause } from './good-causes';

export const RESCHEDULE_STEPS = ['reason', 'centre', 'time', 'check'] as const;
export type RescheduleStep = (typeof RESCHEDULE_STEPS)[number];

export interface RescheduleDraft {
  receiptNumber: string;
  goodCause?: GoodCause;
  zip?: string;
  ascId?: number;
  slotId?: number;
}

const DRAFT = 'biometrics-reschedule' as const;

export const isGoodCause = (value: unknown): value is GoodCause => (GOOD_CAUSES as readonly unknown[]).includes(value);

const positiveId = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined);

/** The person's draft for this case, or an empty one (a draft for another case starts afresh). */
export async function rescheduleDraft(db: DbOrTx, userId: number, receiptNumber: string): Promise<RescheduleDraft> {
  const data = await readDraft(db, DRAFT, userId);
  if (data.receiptNumber !== receiptNumber) return { receiptNumber };
  return {
    receiptNumber,
    goodCause: isGoodCause(data.goodCause) ? data.goodCause : undefined,
    zip: typeof data.zip === 'string' ? data.zip : undefined,
    ascId: positiveId(data.ascId),
    slotId: positiveId(data.slotId),
  };
}

/** Keeps a page's answers; a new centre forgets the time chosen at the old one. */
export async function saveRescheduleDraft(db: DbOrTx, clock: Clock, userId: number, draft: RescheduleDraft, answers: Partial<RescheduleDraft>) {
  const next: RescheduleDraft = { ...draft, ...answers };
  if (answers.ascId !== undefined && answers.ascId !== draft.ascId) delete next.slotId;
  // The draft holds one case: saving for this case replaces whatever another case left.
  await saveDraft(db, clock, DRAFT, userId, { goodCause: null, zip: null, ascId: null, slotId: null, ...next });
  return next;
}

export const clearRescheduleDraft = (db: DbOrTx, userId: number) => clearDraft(db, DRAFT, userId);

/** The first page still to answer: each page needs the ones before it. */
export function firstOpenStep(draft: RescheduleDraft): RescheduleStep {
  if (!draft.goodCause) return 'reason';
  if (!draft.ascId) return 'centre';
  if (!draft.slotId) return 'time';
  return 'check';
}

export const stepIndex = (step: RescheduleStep) => RESCHEDULE_STEPS.indexOf(step);

export function reschedulePath(receiptNumber: string, page: RescheduleStep | 'start' | 'rescheduled'): string {
  return page === 'start' ? `/cases/${receiptNumber}/biometrics` : `/cases/${receiptNumber}/biometrics/${page}`;
}

/** The slot chosen on the time page, with its centre, for "Check your new appointment". */
export async function chosenSlot(db: DbOrTx, slotId: number) {
  const [row] = await db.select({ slot: biometricSlots, asc: ascs }).from(biometricSlots).innerJoin(ascs, eq(ascs.id, biometricSlots.ascId)).where(eq(biometricSlots.id, slotId));
  return row ?? null;
}

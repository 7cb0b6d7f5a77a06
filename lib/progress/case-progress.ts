/**
 * What a myProgress page shows for one case the viewer may see (the page checks that first): its
 * milestones, reached or not, and the estimate. Reads the case's milestone events and at most four
 * stored curves; history itself is never scanned on a page view.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { fieldOffices, progressCurves, type Case } from '@/db/schema';
import { isoDateInZone } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { AGENCY_TIME_ZONE } from '@/lib/notifications/templates';
import { reachedMilestones } from './case-milestones';
import { estimateDecision, stageOf, type ProgressEstimate, type StoredCurve } from './estimate';
import { coversForm } from './forms';
import { agencyToday } from './today';

export type MilestoneKey = 'received' | 'biometrics' | 'interview' | 'decision';

export interface ProgressMilestone {
  key: MilestoneKey;
  /** YYYY-MM-DD; null: not reached yet. */
  reachedOn: string | null;
}

export interface CaseProgress {
  today: string;
  /** The case's field office, which "similar" refers to. */
  officeName: string | null;
  milestones: ProgressMilestone[];
  estimate: ProgressEstimate;
}

export async function caseProgress(db: DbOrTx, clock: Clock, theCase: Case): Promise<CaseProgress> {
  const today = agencyToday(clock);
  const reached = (await reachedMilestones(db, [theCase.id])).get(theCase.id)!;
  const milestones: ProgressMilestone[] = [
    { key: 'received', reachedOn: theCase.receiptDate },
    ...(theCase.biometricsRequired ? [{ key: 'biometrics' as const, reachedOn: reached.biometricsOn }] : []),
    ...(theCase.interviewRequired ? [{ key: 'interview' as const, reachedOn: reached.interviewOn }] : []),
    // A decided case without its decision event (imported as decided) is dated by its latest status.
    { key: 'decision', reachedOn: reached.decidedOn ?? (theCase.state !== 'pending' && theCase.latestStatusAt ? isoDateInZone(theCase.latestStatusAt, AGENCY_TIME_ZONE) : null) },
  ];
  const input = { formType: theCase.formType, receiptDate: theCase.receiptDate, ...reached };
  let curves: StoredCurve[] = [];
  const [office] = theCase.fieldOfficeId
    ? await db.select({ code: fieldOffices.code, name: fieldOffices.name }).from(fieldOffices).where(eq(fieldOffices.id, theCase.fieldOfficeId))
    : [];
  const officeCode = office?.code ?? null;
  if (coversForm(theCase.formType) && theCase.state === 'pending' && theCase.classification) {
    curves = await db
      .select({
        officeCode: progressCurves.officeCode,
        stage: progressCurves.stage,
        cases: progressCurves.cases,
        receivedFrom: progressCurves.receivedFrom,
        receivedTo: progressCurves.receivedTo,
        days: progressCurves.days,
        atRisk: progressCurves.atRisk,
        decided: progressCurves.decided,
        refreshedAt: progressCurves.refreshedAt,
      })
      .from(progressCurves)
      .where(
        and(
          eq(progressCurves.formType, theCase.formType),
          eq(progressCurves.classification, theCase.classification),
          inArray(progressCurves.officeCode, officeCode ? [officeCode, ''] : ['']),
          inArray(progressCurves.stage, [...new Set([stageOf(reached), 'received' as const])]),
        ),
      );
  }
  // A case decided without a decision event on file is decided all the same.
  const estimate = estimateDecision({ ...input, decidedOn: theCase.state === 'pending' ? null : (reached.decidedOn ?? theCase.receiptDate) }, officeCode, curves, today);
  return { today, officeName: office?.name ?? null, milestones, estimate };
}

/**
 * One case's myProgress estimate (spec §7), from the stored curves: the days by which half and 80 %
 * of similar cases that have been pending as long as this one, and have reached the same
 * milestone, are decided. "Similar" is the same form, classification and office; under 50 such
 * cases the national curve of the form and classification is used instead, and the page says so.
 */
import type { ProgressStage } from '@/db/columns';
import { addDays, epochDay } from '@/lib/calendar/iso-date';
import { coversForm } from './forms';
import { conditionalDecisionDay, type SurvivalCurve } from './survival';

export const MIN_SIMILAR_CASES = 50;

export interface StoredCurve extends SurvivalCurve {
  officeCode: string;
  stage: ProgressStage;
  receivedFrom: string;
  receivedTo: string;
  refreshedAt: Date;
}

export interface CaseMilestones {
  formType: string;
  receiptDate: string;
  biometricsOn: string | null;
  interviewOn: string | null;
  decidedOn: string | null;
}

export type ProgressEstimate =
  | { kind: 'not-covered' }
  | { kind: 'decided' }
  /** No historical cases of this form and classification in the last 24 months. */
  | { kind: 'no-data' }
  | {
      kind: 'estimate';
      basis: 'office' | 'national';
      /** The milestone the estimate is conditioned on. */
      stage: ProgressStage;
      cases: number;
      receivedFrom: string;
      receivedTo: string;
      refreshedAt: Date;
      /** Null when too few similar cases were still pending this long to say (the page says so). */
      halfBy: string | null;
      eightyBy: string | null;
      /** The day by which 80 % of similar cases are decided counting from receipt; past it, the case is outside normal processing time. */
      usualEightyBy: string | null;
      outsideNormal: boolean;
    };

/** The latest milestone the case has reached: the estimate compares it with cases past the same one. */
export function stageOf(milestones: Pick<CaseMilestones, 'biometricsOn' | 'interviewOn'>): ProgressStage {
  if (milestones.interviewOn) return 'interview';
  if (milestones.biometricsOn) return 'biometrics';
  return 'received';
}

/**
 * `curves` are the stored curves of the case's form and classification for its office and
 * nationally ('' office), for its stage and from receipt. `today` is the agency's calendar day.
 */
export function estimateDecision(
  milestones: CaseMilestones,
  officeCode: string | null,
  curves: readonly StoredCurve[],
  today: string,
): ProgressEstimate {
  if (!coversForm(milestones.formType)) return { kind: 'not-covered' };
  if (milestones.decidedOn) return { kind: 'decided' };
  const stage = stageOf(milestones);
  const find = (office: string, s: ProgressStage) => curves.find((c) => c.officeCode === office && c.stage === s);
  const local = officeCode ? find(officeCode, stage) : undefined;
  const basis = local && local.cases >= MIN_SIMILAR_CASES ? 'office' : 'national';
  const curve = basis === 'office' ? local : find('', stage);
  const fromReceipt = find(basis === 'office' ? officeCode! : '', 'received');
  if (!curve || !fromReceipt) return { kind: 'no-data' };

  const pendingFor = Math.max(0, epochDay(today) - epochDay(milestones.receiptDate));
  const dateOf = (day: number | null) => (day === null ? null : addDays(milestones.receiptDate, day));
  const usual = conditionalDecisionDay(fromReceipt, 0, 0.8);
  return {
    kind: 'estimate',
    basis,
    stage,
    cases: curve.cases,
    receivedFrom: curve.receivedFrom,
    receivedTo: curve.receivedTo,
    refreshedAt: curve.refreshedAt,
    halfBy: dateOf(conditionalDecisionDay(curve, pendingFor, 0.5)),
    eightyBy: dateOf(conditionalDecisionDay(curve, pendingFor, 0.8)),
    usualEightyBy: dateOf(usual),
    outsideNormal: usual !== null && pendingFor > usual,
  };
}

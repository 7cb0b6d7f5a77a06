/**
 * Kaplan–Meier survival curves for processing times (spec §7). A case still pending is a censored
 * observation: it says the decision took longer than it has waited so far, and it is counted among
 * those at risk until then instead of being dropped (dropping it would make processing look faster
 * than it is). "Survival" here is "still pending".
 */

/** One historical case: days from receipt to decision, or to the day of the data if still pending. */
export interface Observation {
  days: number;
  decided: boolean;
}

/** A step function: after `days[i]` (inclusive) the share still pending is `pending[i]`; 1 before the first. */
export interface SurvivalCurve {
  days: number[];
  pending: number[];
  /** How many observations it rests on. */
  cases: number;
}

/**
 * The product-limit estimate. At each day with decisions, the share still pending is multiplied by
 * (1 − decided that day ÷ at risk that day); cases censored on a day with decisions are still at
 * risk on it (the usual convention: they were seen pending that day).
 */
export function kaplanMeier(observations: readonly Observation[]): SurvivalCurve {
  const sorted = [...observations].sort((a, b) => a.days - b.days);
  const days: number[] = [];
  const pending: number[] = [];
  let atRisk = sorted.length;
  let share = 1;
  for (let i = 0; i < sorted.length; ) {
    const day = sorted[i].days;
    let decided = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i].days === day) {
      if (sorted[i].decided) decided++;
      leaving++;
      i++;
    }
    if (decided > 0) {
      share *= 1 - decided / atRisk;
      days.push(day);
      pending.push(share);
    }
    atRisk -= leaving;
  }
  return { days, pending, cases: sorted.length };
}

/** The share of cases still pending after `day` days. */
export function pendingAfter(curve: SurvivalCurve, day: number): number {
  let share = 1;
  for (let i = 0; i < curve.days.length && curve.days[i] <= day; i++) share = curve.pending[i];
  return share;
}

/**
 * The day (counted from receipt) by which the share `decided` (0.5 for half, 0.8 for 80 %) of the
 * cases still pending after `pendingFor` days are decided: conditioning on the time already waited,
 * S(t | pendingFor) = S(t) ÷ S(pendingFor). Null when the data never get that far (too few
 * decisions that late): the page says so rather than inventing a date.
 */
export function conditionalDecisionDay(curve: SurvivalCurve, pendingFor: number, decided: number): number | null {
  const base = pendingAfter(curve, pendingFor);
  if (base <= 0) return null;
  const threshold = (1 - decided) * base;
  for (let i = 0; i < curve.days.length; i++) {
    if (curve.days[i] <= pendingFor) continue;
    // A tiny tolerance: products of fractions land a hair off the exact threshold.
    if (curve.pending[i] <= threshold + 1e-12) return curve.days[i];
  }
  return null;
}

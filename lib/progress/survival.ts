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
  /**
   * Delayed entry (left truncation): the day a milestone was reached, for a curve of cases that
   * reached it. The case counts among those at risk only on later days, so the curve answers "of
   * cases past this milestone and still pending, how many are decided by day t". Omitted: receipt.
   */
  entry?: number;
}

/**
 * A step function kept as its raw counts: on each day with decisions (ascending), how many cases
 * were at risk and how many were decided. The share still pending is the product of
 * (1 − decided ÷ at risk) over the days passed. Counts rather than running products, because with
 * delayed entry a sparse early day can decide everyone then at risk, which would zero a running
 * product for good, while a case's estimate only needs the days after it has already waited.
 */
export interface SurvivalCurve {
  days: number[];
  atRisk: number[];
  decided: number[];
  /** How many observations it rests on. */
  cases: number;
}

/**
 * The product-limit estimate. At each day with decisions, the share still pending is multiplied by
 * (1 − decided that day ÷ at risk that day); cases censored on a day with decisions are still at
 * risk on it (the usual convention: they were seen pending that day).
 */
export function kaplanMeier(observations: readonly Observation[]): SurvivalCurve {
  const exits = [...observations].sort((a, b) => a.days - b.days);
  // Cases with a delayed entry join the risk set once the sweep passes their entry day.
  const entries = observations.map((o) => o.entry ?? -1).sort((a, b) => a - b);
  const curve: SurvivalCurve = { days: [], atRisk: [], decided: [], cases: exits.length };
  let entered = 0;
  let left = 0;
  for (let i = 0; i < exits.length; ) {
    const day = exits[i].days;
    while (entered < entries.length && entries[entered] < day) entered++;
    let decided = 0;
    let leaving = 0;
    while (i < exits.length && exits[i].days === day) {
      if (exits[i].decided) decided++;
      leaving++;
      i++;
    }
    const atRisk = entered - left;
    if (decided > 0 && atRisk > 0) {
      curve.days.push(day);
      curve.atRisk.push(atRisk);
      curve.decided.push(decided);
    }
    left += leaving;
  }
  return curve;
}

/** The share of cases still pending after `day` days, of those still pending after `since` days (0: all). */
export function pendingAfter(curve: SurvivalCurve, day: number, since = 0): number {
  let share = 1;
  for (let i = 0; i < curve.days.length && curve.days[i] <= day; i++) {
    if (curve.days[i] > since) share *= 1 - curve.decided[i] / curve.atRisk[i];
  }
  return share;
}

/**
 * The day (counted from receipt) by which the share `decided` (0.5 for half, 0.8 for 80 %) of the
 * cases still pending after `pendingFor` days are decided: conditioning on the time already waited,
 * S(t | pendingFor) = S(t) ÷ S(pendingFor), the product over the days after it. Null when the data
 * never get that far (too few decisions that late): the page says so rather than inventing a date.
 */
export function conditionalDecisionDay(curve: SurvivalCurve, pendingFor: number, decided: number): number | null {
  let share = 1;
  for (let i = 0; i < curve.days.length; i++) {
    if (curve.days[i] <= pendingFor) continue;
    share *= 1 - curve.decided[i] / curve.atRisk[i];
    // A tiny tolerance: products of fractions land a hair off the exact threshold.
    if (share <= 1 - decided + 1e-12) return curve.days[i];
  }
  return null;
}

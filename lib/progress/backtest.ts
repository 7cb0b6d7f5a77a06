/**
 * How honest is the 80 % date? Hold out the most recently decided historical cases, go back to a
 * random day on which each was still pending, estimate it as the portal would have then (curves
 * from the data as they stood at the start of that month, the milestones the case had reached by
 * that day, the days it had waited), and count how often the real decision came on or before the
 * 80 % date (and, as a check of the band's other end, the 50 % date).
 *
 * Each case is also weighted by the days it was pending: a person reads the page on any of those
 * days, so a case pending 300 days stands for 300 readings and one pending 30 days for 30. Counting
 * each case once over-represents quick cases (their random day is necessarily close to their
 * decision) and flatters the estimate; the weighted share is the one the 80 % claim is about.
 */
import { addDays, epochDay, isoDateOfEpochDay } from '@/lib/calendar/iso-date';
import { createRandom, seedFrom } from '@/db/seed/random';
import { buildCurves, type CurveRecord, type HistoryRow } from './curves';
import { estimateDecision, type StoredCurve } from './estimate';
import { coversForm } from './forms';

export const HOLDOUT_DAYS = 180;

export interface BacktestLine {
  formType: string;
  heldOut: number;
  /** Held-out cases for which no 80 % date could be given (too few similar cases had waited as long). */
  noEstimate: number;
  /** Share of estimated cases decided on or before the 80 % date, each case once. */
  eightyPerCase: number;
  /** The same, each case weighted by its days pending. */
  eightyWeighted: number;
  halfWeighted: number;
}

export interface BacktestResult {
  today: string;
  holdoutFrom: string;
  lines: BacktestLine[];
  overall: BacktestLine;
}

interface Tally {
  heldOut: number;
  noEstimate: number;
  cases: number;
  coveredCases: number;
  weight: number;
  coveredWeight: number;
  halfWeight: number;
}

const emptyTally = (): Tally => ({ heldOut: 0, noEstimate: 0, cases: 0, coveredCases: 0, weight: 0, coveredWeight: 0, halfWeight: 0 });

export function backtest(rows: readonly HistoryRow[], today: string, options: { holdoutDays?: number; seed?: string } = {}): BacktestResult {
  const holdoutDays = options.holdoutDays ?? HOLDOUT_DAYS;
  const todayDay = epochDay(today);
  const holdoutFrom = todayDay - holdoutDays;
  const random = createRandom(seedFrom(options.seed ?? 'progress-backtest-v1'));

  // Each held-out case and the day it is estimated on, grouped by the month whose curves apply.
  const byMonth = new Map<string, { row: HistoryRow; asOf: number }[]>();
  for (const row of rows) {
    if (!row.decidedOn || !coversForm(row.formType)) continue;
    const decided = epochDay(row.decidedOn);
    const received = epochDay(row.receivedOn);
    if (decided < holdoutFrom || decided >= todayDay || decided - received < 2) continue;
    const asOf = received + 1 + Math.floor(random.next() * (decided - received - 1));
    const month = `${isoDateOfEpochDay(asOf).slice(0, 7)}-01`;
    let list = byMonth.get(month);
    if (!list) byMonth.set(month, (list = []));
    list.push({ row, asOf });
  }

  const tallies = new Map<string, Tally>();
  const overall = emptyTally();
  for (const [month, cases] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const curves = groupCurves(buildCurves(rows, month), new Date(`${month}T00:00:00Z`));
    for (const { row, asOf } of cases) {
      const day = isoDateOfEpochDay(asOf);
      const known = (on: string | null) => (on !== null && on < day ? on : null);
      const estimate = estimateDecision(
        { formType: row.formType, receiptDate: row.receivedOn, biometricsOn: known(row.biometricsOn), interviewOn: known(row.interviewOn), decidedOn: null },
        row.officeCode,
        curves.get(`${row.formType}\u0000${row.classification}`) ?? [],
        day,
      );
      let tally = tallies.get(row.formType);
      if (!tally) tallies.set(row.formType, (tally = emptyTally()));
      for (const t of [tally, overall]) {
        t.heldOut++;
        if (estimate.kind !== 'estimate' || estimate.eightyBy === null) {
          t.noEstimate++;
          continue;
        }
        const weight = epochDay(row.decidedOn!) - epochDay(row.receivedOn) - 1;
        const covered = row.decidedOn! <= estimate.eightyBy;
        t.cases++;
        t.weight += weight;
        if (covered) {
          t.coveredCases++;
          t.coveredWeight += weight;
        }
        if (estimate.halfBy !== null && row.decidedOn! <= estimate.halfBy) t.halfWeight += weight;
      }
    }
  }

  const line = (formType: string, t: Tally): BacktestLine => ({
    formType,
    heldOut: t.heldOut,
    noEstimate: t.noEstimate,
    eightyPerCase: t.cases ? t.coveredCases / t.cases : NaN,
    eightyWeighted: t.weight ? t.coveredWeight / t.weight : NaN,
    halfWeighted: t.weight ? t.halfWeight / t.weight : NaN,
  });
  return {
    today,
    holdoutFrom: addDays(today, -holdoutDays),
    lines: [...tallies].sort(([a], [b]) => (a < b ? -1 : 1)).map(([form, t]) => line(form, t)),
    overall: line('All forms', overall),
  };
}

function groupCurves(records: CurveRecord[], refreshedAt: Date): Map<string, StoredCurve[]> {
  const groups = new Map<string, StoredCurve[]>();
  for (const record of records) {
    const key = `${record.formType}\u0000${record.classification}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ ...record, refreshedAt });
  }
  return groups;
}

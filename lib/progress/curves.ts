/**
 * From historical cases to the processing-time curves myProgress reads: for every form and
 * classification, nationally and per office, one Kaplan–Meier curve from receipt and one for each
 * milestone (cases enter it on the day they reached the milestone). Pure: the refresh job feeds it
 * rows from the store, the backtest feeds it the same rows as they stood on an earlier day.
 */
import type { ProgressStage } from '@/db/columns';
import { epochDay, isoDateOfEpochDay } from '@/lib/calendar/iso-date';
import { kaplanMeier, type Observation, type SurvivalCurve } from './survival';

/** "Similar" cases were received in the 24 months before the day of the data. */
export const SIMILAR_WINDOW_DAYS = 730;

export const PROGRESS_STAGES: readonly ProgressStage[] = ['received', 'biometrics', 'interview'];

export interface HistoryRow {
  formType: string;
  classification: string;
  officeCode: string;
  receivedOn: string;
  /** Null: still pending on the day of the data (a censored observation). */
  decidedOn: string | null;
  /** Milestones reached (null: not reached, or not part of the case). */
  biometricsOn: string | null;
  interviewOn: string | null;
}

export interface CurveRecord extends SurvivalCurve {
  formType: string;
  classification: string;
  /** '' for the national curve. */
  officeCode: string;
  stage: ProgressStage;
  receivedFrom: string;
  receivedTo: string;
}

/** One group's observations, kept as columns of numbers: a series can hold a few hundred thousand cases. */
class Group {
  days: number[] = [];
  decided: boolean[] = [];
  biometrics: number[] = []; // -1: not reached
  interview: number[] = [];
  firstReceived = Infinity;
  lastReceived = -Infinity;

  constructor(
    readonly formType: string,
    readonly classification: string,
    readonly officeCode: string,
  ) {}

  curves(): CurveRecord[] {
    if (this.days.length === 0) return [];
    const base = {
      formType: this.formType,
      classification: this.classification,
      officeCode: this.officeCode,
      receivedFrom: isoDateOfEpochDay(this.firstReceived),
      receivedTo: isoDateOfEpochDay(this.lastReceived),
    };
    return PROGRESS_STAGES.flatMap((stage) => {
      const observations: Observation[] = [];
      const entries = stage === 'biometrics' ? this.biometrics : stage === 'interview' ? this.interview : null;
      for (let i = 0; i < this.days.length; i++) {
        if (entries && entries[i] < 0) continue;
        observations.push({ days: this.days[i], decided: this.decided[i], entry: entries ? entries[i] : undefined });
      }
      if (observations.length === 0) return [];
      return [{ ...base, stage, ...kaplanMeier(observations) }];
    });
  }
}

/**
 * The curves as the data stood at the start of `asOf` (YYYY-MM-DD): cases received in the 24 months
 * before it; a decision or milestone on or after it is not known yet, so such a case counts as
 * pending (censored on that day) and the milestone as not reached.
 */
export function buildCurves(rows: Iterable<HistoryRow>, asOf: string): CurveRecord[] {
  const today = epochDay(asOf);
  const from = today - SIMILAR_WINDOW_DAYS;
  const days = new Map<string, number>();
  const dayOf = (iso: string) => {
    let day = days.get(iso);
    if (day === undefined) days.set(iso, (day = epochDay(iso)));
    return day;
  };
  const groups = new Map<string, Group>();
  const groupOf = (formType: string, classification: string, officeCode: string) => {
    const key = `${formType}\u0000${classification}\u0000${officeCode}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Group(formType, classification, officeCode)));
    return group;
  };

  for (const row of rows) {
    const received = dayOf(row.receivedOn);
    if (received < from || received >= today) continue;
    const decided = row.decidedOn === null ? null : dayOf(row.decidedOn);
    const known = decided !== null && decided < today;
    const end = known ? decided : today;
    const milestone = (on: string | null) => {
      if (on === null) return -1;
      const day = dayOf(on);
      return day < end ? day - received : -1;
    };
    const biometrics = milestone(row.biometricsOn);
    const interview = milestone(row.interviewOn);
    for (const group of [groupOf(row.formType, row.classification, row.officeCode), groupOf(row.formType, row.classification, '')]) {
      group.days.push(end - received);
      group.decided.push(known);
      group.biometrics.push(biometrics);
      group.interview.push(interview);
      if (received < group.firstReceived) group.firstReceived = received;
      if (received > group.lastReceived) group.lastReceived = received;
    }
  }
  return [...groups.values()].flatMap((group) => group.curves());
}

/**
 * Historical cases for myProgress, generated so that the national median processing time of every
 * form, classification and fiscal year reproduces the agency's published figure.
 *
 * For each published cell, cases are completed on days spread over that fiscal year; their
 * durations are drawn from a log-normal distribution (right-skewed, as processing times are),
 * stretched by the handling office's pace, then rescaled so the cell's national median is exactly
 * the target (to the day). Series that stopped being published before the current fiscal year
 * carry their last figure forward to today, unless another classification of the same form
 * continued (a renamed series), so every form the portal estimates has recent data. Last come the
 * cases still pending today: receipts of the last 24 months whose decision would fall after today,
 * stored without a decision date (censored observations).
 *
 * Generation is pure and deterministic, one fiscal-year cell at a time, so a million rows stream
 * into the database without being held in memory at once.
 */
import { fiscalYearOf, fiscalYearRange } from '@/lib/calendar/fiscal-year';
import { epochDay, isoDateOfEpochDay, isoDateUtc } from '@/lib/calendar/iso-date';
import type { HistoryRow } from '@/lib/progress/curves';
import { BIOMETRICS_FORMS, INTERVIEW_SHARE } from '@/lib/progress/forms';
import { DAYS_PER_MONTH, type MedianTarget } from './processing-times';
import { createRandom, seedFrom, type Random } from './random';

/** One historical case, as myProgress reads it (lib/progress/curves.ts). */
export type HistoricalCaseRow = HistoryRow;

export interface OfficeProfile {
  code: string;
  /** Share of the workload. */
  volume: number;
  /** Duration multiplier before the national rescaling. */
  pace: number;
}

export interface HistoricalOptions {
  now: Date;
  /** About how many rows to generate in all. */
  total: number;
  targets: MedianTarget[];
  offices: OfficeProfile[];
  seed?: string;
}

export interface CellPlan {
  formType: string;
  classification: string;
  fiscalYear: number;
  medianMonths: number;
  /** Carried forward from the series' last published year, not published itself. */
  extrapolated: boolean;
  /** First and last decision day (epoch days); the last is yesterday for the current fiscal year. */
  firstDay: number;
  lastDay: number;
  count: number;
}

export interface PendingPlan {
  formType: string;
  classification: string;
  medianMonths: number;
  /** Receipts over the 24-month window, before keeping only those still pending. */
  receipts: number;
}

export interface HistoricalPlan {
  cells: CellPlan[];
  pending: PendingPlan[];
  /** Series carried forward or left behind, for the seed's summary. */
  notes: string[];
}

export type HistoricalChunk =
  | { kind: 'decided'; cell: CellPlan; rows: HistoricalCaseRow[] }
  | { kind: 'pending'; plan: PendingPlan; rows: HistoricalCaseRow[] };

export const PENDING_WINDOW_DAYS = 730; // the 24 months myProgress compares with
const MIN_CELL_COUNT = 25;
const DEFAULT_SEED = 'historical-cases-v1';

/** Spread of durations (log-normal sigma) by form: renewals and EADs vary more than petitions. */
const SIGMA: Record<string, number> = {
  'N-400': 0.5,
  'I-90': 0.6,
  'I-130': 0.5,
  'I-131': 0.5,
  'I-485': 0.55,
  'I-765': 0.55,
  'I-821': 0.5,
};
const DEFAULT_SIGMA = 0.5;

/** Relative yearly volume of a series, so large programmes have more cases than small ones. */
export function seriesVolume(formType: string, classification: string): number {
  const byForm: Record<string, number> = { 'N-400': 1.4, 'I-130': 1.3, 'I-765': 1.2, 'I-90': 1.0, 'I-485': 1.0, 'I-131': 0.8, 'I-821': 0.8 };
  let volume = byForm[formType] ?? 1;
  if (/military/i.test(classification)) volume *= 0.25;
  else if (/cuban/i.test(classification)) volume *= 0.35;
  else if (/refugee|asylum granted/i.test(classification)) volume *= 0.5;
  return volume;
}

const seriesKey = (formType: string, classification: string) => `${formType}\u0000${classification}`;

/** Which cells to generate, how many cases each, and which series still has pending cases today. */
export function planHistoricalCases({ now, total, targets }: Pick<HistoricalOptions, 'now' | 'total' | 'targets'>): HistoricalPlan {
  const today = epochDay(isoDateUtc(now));
  const currentFiscalYear = fiscalYearOf(isoDateUtc(now));
  const notes: string[] = [];

  const series = new Map<string, MedianTarget[]>();
  for (const target of targets) {
    const key = seriesKey(target.formType, target.classification);
    series.set(key, [...(series.get(key) ?? []), target]);
  }
  const lastYearOfForm = new Map<string, number>();
  for (const t of targets) lastYearOfForm.set(t.formType, Math.max(lastYearOfForm.get(t.formType) ?? 0, t.fiscalYear));

  const cells: Omit<CellPlan, 'count'>[] = [];
  const live: { formType: string; classification: string; medianMonths: number }[] = [];
  for (const rows of series.values()) {
    rows.sort((a, b) => a.fiscalYear - b.fiscalYear);
    const { formType, classification } = rows[0];
    const last = rows[rows.length - 1];
    for (const row of rows) cells.push(cellWindow(row.formType, row.classification, row.fiscalYear, row.medianMonths, false, today));
    if (last.fiscalYear < lastYearOfForm.get(formType)!) {
      notes.push(`${formType} "${classification}": last published for FY${last.fiscalYear}; a later series of the form continues it`);
      continue;
    }
    for (let fy = last.fiscalYear + 1; fy <= currentFiscalYear; fy++) {
      cells.push(cellWindow(formType, classification, fy, last.medianMonths, true, today));
    }
    if (last.fiscalYear < currentFiscalYear) {
      notes.push(`${formType} "${classification}": FY${last.fiscalYear} median (${last.medianMonths} months) carried forward to FY${currentFiscalYear}`);
    }
    live.push({ formType, classification, medianMonths: last.medianMonths });
  }
  const usable = cells.filter((c) => c.lastDay >= c.firstDay);

  // Units of "one full year of a volume-1 series"; the base volume turns them into rows.
  const yearFraction = (c: Omit<CellPlan, 'count'>) => (c.lastDay - c.firstDay + 1) / 365.25;
  const decidedUnits = usable.reduce((sum, c) => sum + seriesVolume(c.formType, c.classification) * yearFraction(c), 0);
  const pendingUnits = live.reduce((sum, s) => {
    const sigma = SIGMA[s.formType] ?? DEFAULT_SIGMA;
    const share = expectedMinimum(s.medianMonths * DAYS_PER_MONTH, sigma, PENDING_WINDOW_DAYS) / PENDING_WINDOW_DAYS;
    return sum + seriesVolume(s.formType, s.classification) * (PENDING_WINDOW_DAYS / 365.25) * share;
  }, 0);
  const base = total / (decidedUnits + pendingUnits);

  return {
    cells: usable.map((c) => ({
      ...c,
      count: Math.max(MIN_CELL_COUNT, Math.round(base * seriesVolume(c.formType, c.classification) * yearFraction(c))),
    })),
    pending: live.map((s) => ({
      ...s,
      receipts: Math.round(base * seriesVolume(s.formType, s.classification) * (PENDING_WINDOW_DAYS / 365.25)),
    })),
    notes,
  };
}

function cellWindow(
  formType: string,
  classification: string,
  fiscalYear: number,
  medianMonths: number,
  extrapolated: boolean,
  today: number,
): Omit<CellPlan, 'count'> {
  const range = fiscalYearRange(fiscalYear);
  return {
    formType,
    classification,
    fiscalYear,
    medianMonths,
    extrapolated,
    firstDay: epochDay(range.start),
    lastDay: Math.min(epochDay(range.end), today - 1), // nothing is decided today or later
  };
}

/**
 * E[min(D, limit)] for a log-normal D with the given median: the share of a receipt window whose
 * cases are still pending at its end is E[min(D, window)] / window.
 */
function expectedMinimum(medianDays: number, sigma: number, limit: number): number {
  const steps = 400;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const t = ((i + 0.5) / steps) * limit;
    sum += 1 - normalCdf(Math.log(t / medianDays) / sigma);
  }
  return (sum / steps) * limit;
}

function normalCdf(x: number): number {
  // Abramowitz–Stegun 7.1.26 on erf; error below 1.5e-7, ample for sizing.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Durations in whole days whose median is `medianDays` (to the day), in the order drawn. */
function drawDurations(random: Random, count: number, medianDays: number, sigma: number, paces: number[]): number[] {
  const raw = new Float64Array(count);
  for (let i = 0; i < count; i++) raw[i] = Math.exp(sigma * random.normal()) * paces[i];
  const scale = medianDays / median(Float64Array.from(raw).sort());
  const days = new Array<number>(count);
  for (let i = 0; i < count; i++) days[i] = Math.max(1, Math.round(raw[i] * scale));
  return days;
}

function median(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function officePicker(offices: OfficeProfile[]) {
  const cumulative: number[] = [];
  let sum = 0;
  for (const o of offices) cumulative.push((sum += o.volume));
  return (random: Random): OfficeProfile => {
    const r = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return offices[lo];
  };
}

/**
 * Days after receipt on which a case of `durationDays` reached biometrics and its interview (null
 * when the form has none). Biometrics come three to eight weeks after receipt whatever the pace;
 * an interview comes late, up to six weeks before the decision, so a case past its interview is
 * close to a decision: the conditioning myProgress does rests on that. Drawn from a stream of their
 * own, so adding milestones left every duration (and the published medians) as they were.
 */
function drawMilestones(random: Random, formType: string, durationDays: number): { biometrics: number | null; interview: number | null } {
  const biometricsDraw = random.next();
  const interviewDraw = random.next();
  const leadDraw = random.next();
  const biometrics = BIOMETRICS_FORMS.has(formType) && durationDays > 1 ? Math.min(durationDays - 1, 21 + Math.round(35 * biometricsDraw)) : null;
  const share = INTERVIEW_SHARE[formType] ?? 0;
  if (interviewDraw >= share || durationDays < 3) return { biometrics, interview: null };
  const interview = Math.max((biometrics ?? 0) + 1, durationDays - 1 - Math.round(42 * leadDraw));
  return { biometrics, interview: interview < durationDays ? interview : null };
}

/** Generates the data set one chunk (a fiscal-year cell, or a series' pending cases) at a time. */
export function* generateHistoricalCases(options: HistoricalOptions): Generator<HistoricalChunk> {
  const plan = planHistoricalCases(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const pickOffice = officePicker(options.offices);
  const today = epochDay(isoDateUtc(options.now));
  const dates = new Map<number, string>();
  const iso = (day: number) => {
    let text = dates.get(day);
    if (text === undefined) dates.set(day, (text = isoDateOfEpochDay(day)));
    return text;
  };

  for (const cell of plan.cells) {
    const random = createRandom(seedFrom(seed, cell.formType, cell.classification, cell.fiscalYear));
    const offices = Array.from({ length: cell.count }, () => pickOffice(random));
    const decided = Array.from({ length: cell.count }, () => random.int(cell.firstDay, cell.lastDay));
    const sigma = SIGMA[cell.formType] ?? DEFAULT_SIGMA;
    const durations = drawDurations(random, cell.count, cell.medianMonths * DAYS_PER_MONTH, sigma, offices.map((o) => o.pace));
    const milestoneRandom = createRandom(seedFrom(seed, cell.formType, cell.classification, cell.fiscalYear, 'milestones'));
    const rows: HistoricalCaseRow[] = new Array(cell.count);
    for (let i = 0; i < cell.count; i++) {
      const received = decided[i] - durations[i];
      const milestones = drawMilestones(milestoneRandom, cell.formType, durations[i]);
      rows[i] = {
        formType: cell.formType,
        classification: cell.classification,
        officeCode: offices[i].code,
        receivedOn: iso(received),
        decidedOn: iso(decided[i]),
        biometricsOn: milestones.biometrics === null ? null : iso(received + milestones.biometrics),
        interviewOn: milestones.interview === null ? null : iso(received + milestones.interview),
      };
    }
    yield { kind: 'decided', cell, rows };
  }

  for (const series of plan.pending) {
    const random = createRandom(seedFrom(seed, series.formType, series.classification, 'pending'));
    const offices = Array.from({ length: series.receipts }, () => pickOffice(random));
    const received = Array.from({ length: series.receipts }, () => random.int(today - PENDING_WINDOW_DAYS, today - 1));
    const sigma = SIGMA[series.formType] ?? DEFAULT_SIGMA;
    const durations = drawDurations(random, series.receipts, series.medianMonths * DAYS_PER_MONTH, sigma, offices.map((o) => o.pace));
    const milestoneRandom = createRandom(seedFrom(seed, series.formType, series.classification, 'pending', 'milestones'));
    const rows: HistoricalCaseRow[] = [];
    // Only what has happened by yesterday is known.
    const reached = (offset: number | null, from: number) => (offset === null || from + offset >= today ? null : iso(from + offset));
    for (let i = 0; i < series.receipts; i++) {
      const milestones = drawMilestones(milestoneRandom, series.formType, durations[i]);
      // Receipts whose decision falls before today are already among the decided cells.
      if (received[i] + durations[i] < today) continue;
      rows.push({
        formType: series.formType,
        classification: series.classification,
        officeCode: offices[i].code,
        receivedOn: iso(received[i]),
        decidedOn: null,
        biometricsOn: reached(milestones.biometrics, received[i]),
        interviewOn: reached(milestones.interview, received[i]),
      });
    }
    yield { kind: 'pending', plan: series, rows };
  }
}

/** Median processing time in months of decided rows, by form, classification and fiscal year of decision. */
export function nationalMedians(rows: Iterable<Pick<HistoricalCaseRow, 'formType' | 'classification' | 'receivedOn' | 'decidedOn'>>) {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.decidedOn) continue;
    const key = `${row.formType}\u0000${row.classification}\u0000${fiscalYearOf(row.decidedOn)}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(epochDay(row.decidedOn) - epochDay(row.receivedOn));
  }
  const result = new Map<string, { months: number; count: number }>();
  for (const [key, days] of groups) {
    days.sort((a, b) => a - b);
    result.set(key, { months: median(days) / DAYS_PER_MONTH, count: days.length });
  }
  return {
    get(formType: string, classification: string, fiscalYear: number) {
      return result.get(`${formType}\u0000${classification}\u0000${fiscalYear}`);
    },
    size: result.size,
  };
}

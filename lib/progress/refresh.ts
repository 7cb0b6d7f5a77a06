/**
 * `npm run progress:refresh` (also the worker, once a day, and `cases:import`): rebuilds every
 * processing-time curve from the historical cases, then each pending case's expected decision (the
 * 80 % date) for sorting lists. A myProgress page then reads a few curve rows, never history.
 * The curves are replaced in one transaction, so a page sees either yesterday's set or today's.
 */
import { and, asc, eq, gte, inArray, isNotNull, max, ne, notInArray, or } from 'drizzle-orm';
import { transaction, type Db, type DbOrTx } from '@/db/client';
import type { WorkerJob } from '@/lib/notifications/worker';
import { cases, fieldOffices, historicalCases, progressCurves } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { addDays } from '@/lib/calendar/iso-date';
import type { Clock } from '@/lib/clock';
import { reachedMilestones } from './case-milestones';
import { buildCurves, SIMILAR_WINDOW_DAYS, type CurveRecord } from './curves';
import { estimateDecision, type StoredCurve } from './estimate';
import { PROGRESS_FORMS } from './forms';
import { agencyToday } from './today';

/** What curves are built from: a historical case's form, classification, office and dates. */
export const historyColumns = () => ({
  formType: historicalCases.formType,
  classification: historicalCases.classification,
  officeCode: historicalCases.officeCode,
  receivedOn: historicalCases.receivedOn,
  decidedOn: historicalCases.decidedOn,
  biometricsOn: historicalCases.biometricsOn,
  interviewOn: historicalCases.interviewOn,
});

/** Curves per INSERT: each carries two arrays of up to a few hundred numbers. */
const INSERT_CURVES = 100;

export interface RefreshReport {
  historicalCases: number;
  curves: number;
  casesEstimated: number;
  seconds: number;
}

export async function refreshProgressCurves(db: Db, clock: Clock): Promise<RefreshReport> {
  const started = performance.now();
  const today = agencyToday(clock);
  const refreshedAt = clock.now();
  const from = addDays(today, -SIMILAR_WINDOW_DAYS);

  // One series at a time, through the (form, classification, received) index: memory holds one series.
  const series = await db
    .selectDistinct({ formType: historicalCases.formType, classification: historicalCases.classification })
    .from(historicalCases)
    .where(inArray(historicalCases.formType, [...PROGRESS_FORMS]));
  const records: CurveRecord[] = [];
  let historical = 0;
  for (const { formType, classification } of series) {
    const rows = await db
      .select(historyColumns())
      .from(historicalCases)
      .where(and(eq(historicalCases.formType, formType), eq(historicalCases.classification, classification), gte(historicalCases.receivedOn, from)));
    historical += rows.length;
    records.push(...buildCurves(rows, today));
  }

  await transaction(db, async (tx) => {
    await tx.delete(progressCurves);
    for (let i = 0; i < records.length; i += INSERT_CURVES) {
      await tx.insert(progressCurves).values(
        records.slice(i, i + INSERT_CURVES).map(({ formType, classification, officeCode, stage, cases: count, receivedFrom, receivedTo, days, atRisk, decided }) => ({
          formType,
          classification,
          officeCode,
          stage,
          cases: count,
          receivedFrom,
          receivedTo,
          days,
          atRisk,
          decided,
          refreshedAt,
        })),
      );
    }
  });

  const casesEstimated = await refreshExpectedDecisions(db, today, records.map((r) => ({ ...r, refreshedAt })));
  const report = { historicalCases: historical, curves: records.length, casesEstimated, seconds: Math.round((performance.now() - started) / 100) / 10 };
  await recordAudit(db, clock, { actor: null, action: 'progress.refresh', objectType: 'progress_curves', outcome: 'success', detail: report });
  return report;
}

/** Each pending case's 80 % date as of today; null for every other case. */
async function refreshExpectedDecisions(db: Db, today: string, curves: (CurveRecord & { refreshedAt: Date })[]): Promise<number> {
  const byGroup = new Map<string, StoredCurve[]>();
  for (const curve of curves) {
    const key = `${curve.formType}\u0000${curve.classification}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), curve]);
  }
  const pending = await db
    .select({
      id: cases.id,
      formType: cases.formType,
      classification: cases.classification,
      receiptDate: cases.receiptDate,
      officeCode: fieldOffices.code,
      expectedDecisionOn: cases.expectedDecisionOn,
    })
    .from(cases)
    .leftJoin(fieldOffices, eq(fieldOffices.id, cases.fieldOfficeId))
    .where(and(eq(cases.state, 'pending'), inArray(cases.formType, [...PROGRESS_FORMS])))
    .orderBy(asc(cases.id));
  const milestones = await reachedMilestones(db, pending.map((c) => c.id));
  const changes: { id: number; on: string | null }[] = [];
  let estimated = 0;
  for (const c of pending) {
    const estimate = estimateDecision(
      { formType: c.formType, receiptDate: c.receiptDate, ...milestones.get(c.id)! },
      c.officeCode,
      byGroup.get(`${c.formType}\u0000${c.classification ?? ''}`) ?? [],
      today,
    );
    const on = estimate.kind === 'estimate' ? estimate.eightyBy : null;
    if (on) estimated++;
    if (on !== c.expectedDecisionOn) changes.push({ id: c.id, on });
  }
  await transaction(db, async (tx) => {
    for (const change of changes) await tx.update(cases).set({ expectedDecisionOn: change.on }).where(eq(cases.id, change.id));
    // Decided cases, and forms myProgress does not cover, carry no expected decision.
    await tx
      .update(cases)
      .set({ expectedDecisionOn: null })
      .where(and(isNotNull(cases.expectedDecisionOn), or(ne(cases.state, 'pending'), notInArray(cases.formType, [...PROGRESS_FORMS]))));
  });
  return estimated;
}

/** When the stored curves were last rebuilt; null if never. */
export async function lastRefresh(db: DbOrTx): Promise<Date | null> {
  const [row] = await db.select({ at: max(progressCurves.refreshedAt) }).from(progressCurves);
  return row?.at ? new Date(row.at) : null;
}

/**
 * The worker's daily rebuild: once the stored curves are from an earlier agency day (or there are
 * none), a worker rebuilds them. The day is read from the store, so a restarted worker does not
 * rebuild again; a store without history is tried at most once per worker per day.
 */
export function progressRefreshJob(): WorkerJob {
  let triedOn: string | null = null;
  return {
    name: 'refresh-progress-curves',
    async run({ db, clock }) {
      const today = agencyToday(clock);
      if (triedOn === today) return {};
      const last = await lastRefresh(db);
      triedOn = today;
      if (last && agencyToday({ now: () => last }) === today) return {};
      const report = await refreshProgressCurves(db, clock);
      return { counts: { curves: report.curves, casesEstimated: report.casesEstimated } };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, cases, caseStatusEvents, fieldOffices, historicalCases, progressCurves } from '@/db/schema';
import { addDays } from '@/lib/calendar/iso-date';
import { addTestCase } from '@/lib/cases/testing/case-fixtures';
import { fixedClock } from '@/lib/clock';
import { caseProgress } from './case-progress';
import { lastRefresh, progressRefreshJob, refreshProgressCurves } from './refresh';

const db = () => getDb();
const clock = fixedClock('2026-11-30T15:00:00Z'); // 10:00 in Washington: the agency's day is 2026-11-30
const today = '2026-11-30';

/** `count` N-400 cases at `office` received `daysAgo` days ago, decided after `days` (or still pending). */
function history(office: string, count: number, make: (i: number) => { receivedAgo: number; decidedAfter: number | null; interviewAfter?: number }) {
  return Array.from({ length: count }, (_, i) => {
    const { receivedAgo, decidedAfter, interviewAfter } = make(i);
    const receivedOn = addDays(today, -receivedAgo);
    return {
      formType: 'N-400',
      classification: 'All other applications for naturalization',
      officeCode: office,
      receivedOn,
      decidedOn: decidedAfter === null ? null : addDays(receivedOn, decidedAfter),
      biometricsOn: addDays(receivedOn, 30),
      interviewOn: interviewAfter === undefined ? null : addDays(receivedOn, interviewAfter),
    };
  });
}

async function office(code: string) {
  const [row] = await db()
    .insert(fieldOffices)
    .values({ code, name: `${code} Field Office`, street: '1 Main St', city: 'Phoenix', state: 'AZ', zip: '85004', timeZone: 'America/Phoenix', latitude: 33.4, longitude: -112 })
    .returning();
  return row;
}

describe('refreshing myProgress', () => {
  it("rebuilds the curves, each pending case's expected decision, and reads back as a case's estimate", async () => {
    const phoenix = await office('PHX1');
    await office('TUC1');
    await db()
      .insert(historicalCases)
      .values([
        // Phoenix: 100 cases decided on days 101..200 (received long enough ago), 20 still pending after 150 days.
        ...history('PHX1', 100, (i) => ({ receivedAgo: 400 + i, decidedAfter: 101 + i })),
        ...history('PHX1', 20, () => ({ receivedAgo: 150, decidedAfter: null })),
        // Tucson: only 10 cases, so its cases get the national figures.
        ...history('TUC1', 10, (i) => ({ receivedAgo: 300, decidedAfter: 150 + i, interviewAfter: 140 + i })),
        // Received more than 24 months ago: not similar any more.
        ...history('PHX1', 5, () => ({ receivedAgo: 800, decidedAfter: 10 })),
      ]);
    const early = await addTestCase(db(), clock, { formType: 'N-400', classification: 'All other applications for naturalization', fieldOfficeId: phoenix.id, receiptDate: addDays(today, -120), biometricsRequired: true, interviewRequired: true });
    const decided = await addTestCase(db(), clock, { formType: 'N-400', classification: 'All other applications for naturalization', fieldOfficeId: phoenix.id, receiptDate: addDays(today, -300), state: 'approved', expectedDecisionOn: '2026-01-01' });
    const notCovered = await addTestCase(db(), clock, { formType: 'I-129', classification: 'H-1B specialty occupation', fieldOfficeId: phoenix.id, receiptDate: addDays(today, -30) });
    await db().insert(caseStatusEvents).values({ caseId: early.id, eventKey: 'fp', status: 'fingerprints_were_taken', occurredAt: new Date(`${addDays(today, -80)}T14:00:00Z`), createdAt: clock.now() });

    const report = await refreshProgressCurves(db(), clock);
    expect(report).toMatchObject({ historicalCases: 130, casesEstimated: 1 });
    const stored = await db().select().from(progressCurves);
    const key = (c: (typeof stored)[number]) => `${c.officeCode || 'national'}/${c.stage}`;
    expect(stored.map(key).sort()).toEqual(
      ['PHX1/received', 'PHX1/biometrics', 'TUC1/received', 'TUC1/biometrics', 'TUC1/interview', 'national/received', 'national/biometrics', 'national/interview'].sort(),
    );
    const phoenixCurve = stored.find((c) => key(c) === 'PHX1/received')!;
    expect(phoenixCurve).toMatchObject({ cases: 120, receivedFrom: addDays(today, -499), receivedTo: addDays(today, -150) });
    expect(phoenixCurve.refreshedAt).toEqual(clock.now());

    // Pending 120 days, past biometrics, against Phoenix's cases still pending after day 120: 80 decided on
    // days 121..200 and 20 seen pending on day 150. Days 121..150 leave 70/100; then 50 at risk, one decided
    // a day: 0.7 × 35/50 = 0.49 on day 165 (half), 0.7 × 14/50 = 0.196 on day 186 (80 %).
    const [after] = await db().select().from(cases).where(eq(cases.id, early.id));
    const progress = await caseProgress(db(), clock, after);
    expect(progress.estimate).toMatchObject({ kind: 'estimate', basis: 'office', stage: 'biometrics', cases: 120 });
    expect(progress.estimate).toMatchObject({ halfBy: addDays(today, 45), eightyBy: addDays(today, 66), outsideNormal: false });
    expect(after.expectedDecisionOn).toBe(progress.estimate.kind === 'estimate' ? progress.estimate.eightyBy : 'missing');
    expect(progress.milestones).toEqual([
      { key: 'received', reachedOn: addDays(today, -120) },
      { key: 'biometrics', reachedOn: addDays(today, -80) },
      { key: 'interview', reachedOn: null },
      { key: 'decision', reachedOn: null },
    ]);
    expect((await db().select().from(cases).where(eq(cases.id, decided.id)))[0].expectedDecisionOn).toBeNull();
    expect((await db().select().from(cases).where(eq(cases.id, notCovered.id)))[0].expectedDecisionOn).toBeNull();
    expect((await caseProgress(db(), clock, notCovered)).estimate).toEqual({ kind: 'not-covered' });

    // A Tucson case falls back to the national figures (10 similar cases at its office).
    const tucson = (await db().select().from(fieldOffices).where(eq(fieldOffices.code, 'TUC1')))[0];
    const small = await addTestCase(db(), clock, { formType: 'N-400', classification: 'All other applications for naturalization', fieldOfficeId: tucson.id, receiptDate: addDays(today, -20) });
    expect((await caseProgress(db(), clock, small)).estimate).toMatchObject({ kind: 'estimate', basis: 'national', cases: 130 });

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'progress.refresh'));
    expect(audits).toHaveLength(1);
    expect(audits[0].detail).toMatchObject({ curves: 8, casesEstimated: 1 });
  });

  it('is run by the worker once a day: not again after a restart the same day, again the next day', async () => {
    const job = progressRefreshJob();
    const context = { db: db(), clock, signal: new AbortController().signal };
    const before = await lastRefresh(db());
    await job.run(context);
    const first = await lastRefresh(db());
    expect(first).toEqual(clock.now());
    expect(before === null || before <= first!).toBe(true);

    const restarted = progressRefreshJob();
    const later = fixedClock('2026-11-30T22:00:00Z');
    await restarted.run({ ...context, clock: later });
    expect(await lastRefresh(db())).toEqual(clock.now());

    const tomorrow = fixedClock('2026-12-01T14:00:00Z');
    await restarted.run({ ...context, clock: tomorrow });
    expect(await lastRefresh(db())).toEqual(tomorrow.now());
  });
});

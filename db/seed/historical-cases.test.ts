import { describe, expect, it } from 'vitest';
import { epochDay } from '@/lib/calendar/iso-date';
import { generateHistoricalCases, nationalMedians, planHistoricalCases, PENDING_WINDOW_DAYS, type HistoricalCaseRow } from './historical-cases';
import { FIELD_OFFICES } from './places';
import { DAYS_PER_MONTH, medianTargets, parseProcessingTimesCsv, readPublishedMedians } from './processing-times';

const now = new Date('2026-11-22T12:00:00Z');
const published = readPublishedMedians();
const targets = medianTargets(published);
const offices = FIELD_OFFICES.map(({ code, volume, pace }) => ({ code, volume, pace }));

function generate(total: number, seed?: string): HistoricalCaseRow[] {
  const rows: HistoricalCaseRow[] = [];
  for (const chunk of generateHistoricalCases({ now, total, targets, offices, seed })) rows.push(...chunk.rows);
  return rows;
}

describe('published processing times', () => {
  it('reads every row of the CSV kept in the repository', () => {
    expect(published).toHaveLength(123);
    expect(published[0]).toEqual({ formType: 'I-130', classification: 'Immediate relative', fiscalYear: 2022, medianMonths: 10.3, source: 'A' });
  });

  it('aims at the mean where both sources publish a cell, or at source B when they disagree by more than 0.6', () => {
    const cell = targets.find((t) => t.formType === 'I-765' && t.classification === 'Based on parole' && t.fiscalYear === 2024)!;
    expect(cell.medianMonths).toBeCloseTo(0.85, 10);
    const csv = 'form,classification,fiscal_year,median_months,source\nX-1,"A, quoted",2020,4.0,A\nX-1,"A, quoted",2020,5.0,B\n';
    const [disagreeing] = medianTargets(parseProcessingTimesCsv(csv));
    expect(disagreeing).toMatchObject({ classification: 'A, quoted', medianMonths: 5, note: expect.stringContaining('source B') });
  });
});

describe('historical cases', () => {
  const rows = generate(40_000);

  it('reproduce every published national median within 0.3 months', () => {
    const medians = nationalMedians(rows);
    for (const p of published) {
      const found = medians.get(p.formType, p.classification, p.fiscalYear);
      expect(found, `${p.formType} ${p.classification} FY${p.fiscalYear}`).toBeDefined();
      expect(Math.abs(found!.months - p.medianMonths), `${p.formType} ${p.classification} FY${p.fiscalYear} (${p.source})`).toBeLessThanOrEqual(0.3);
    }
  });

  it('have about the requested number of rows, decisions after receipts, nothing in the future', () => {
    expect(rows.length).toBeGreaterThan(36_000);
    expect(rows.length).toBeLessThan(44_000);
    const today = epochDay('2026-11-22');
    const wrong = rows.filter(
      (row) =>
        epochDay(row.receivedOn) >= today ||
        (row.decidedOn !== null && (epochDay(row.decidedOn) <= epochDay(row.receivedOn) || epochDay(row.decidedOn) >= today)),
    );
    expect(wrong).toEqual([]);
  });

  it('keep cases still pending today, received within the last 24 months', () => {
    const pending = rows.filter((r) => r.decidedOn === null);
    expect(pending.length).toBeGreaterThan(1000);
    const today = epochDay('2026-11-22');
    expect(pending.filter((row) => today - epochDay(row.receivedOn) > PENDING_WINDOW_DAYS)).toEqual([]);
    const forms = new Set(pending.map((r) => r.formType));
    for (const form of ['N-400', 'I-90', 'I-130', 'I-765', 'I-131', 'I-485', 'I-821']) expect(forms).toContain(form);
  });

  it('carry milestones in order, for the forms that have them, and none later than yesterday', () => {
    const today = '2026-11-22';
    const wrong = rows.filter((r) => {
      const end = r.decidedOn ?? today;
      if (r.biometricsOn && !['N-400', 'I-485', 'I-90', 'I-821'].includes(r.formType)) return true;
      if (r.interviewOn && !['N-400', 'I-485'].includes(r.formType)) return true;
      if (r.biometricsOn && (r.biometricsOn <= r.receivedOn || r.biometricsOn >= end)) return true;
      return r.interviewOn !== null && (r.interviewOn <= (r.biometricsOn ?? r.receivedOn) || r.interviewOn >= end);
    });
    expect(wrong).toEqual([]);
    const n400 = rows.filter((r) => r.formType === 'N-400' && r.decidedOn);
    expect(n400.filter((r) => r.biometricsOn && r.interviewOn).length / n400.length).toBeGreaterThan(0.95);
    const pendingPastBiometrics = rows.filter((r) => r.formType === 'N-400' && !r.decidedOn && r.biometricsOn);
    expect(pendingPastBiometrics.length).toBeGreaterThan(0);
  });

  it('carry series that stopped being published forward to today, but not renamed ones', () => {
    const plan = planHistoricalCases({ now, total: 40_000, targets });
    const i130 = plan.cells.filter((c) => c.formType === 'I-130').map((c) => `${c.fiscalYear}${c.extrapolated ? '*' : ''}`);
    expect(i130).toEqual(['2022', '2023', '2024', '2025*', '2026*', '2027*']);
    const renamed = plan.cells.filter((c) => c.classification === 'Application for naturalization').map((c) => c.fiscalYear);
    expect(renamed).toEqual([2022, 2023, 2024]);
    expect(plan.pending.some((p) => p.classification === 'Application for naturalization')).toBe(false);
    const recent = rows.filter((r) => r.formType === 'I-130' && r.decidedOn && r.decidedOn >= '2026-10-01');
    expect(recent.length).toBeGreaterThan(0);
  });

  it('differ between offices, so local estimates are not the national one', () => {
    const byOffice = new Map<string, number[]>();
    for (const r of rows) {
      if (r.formType !== 'N-400' || !r.decidedOn || r.decidedOn < '2024-10-01') continue;
      byOffice.set(r.officeCode, [...(byOffice.get(r.officeCode) ?? []), epochDay(r.decidedOn) - epochDay(r.receivedOn)]);
    }
    const medians = [...byOffice.values()].map((d) => d.sort((a, b) => a - b)[d.length >> 1] / DAYS_PER_MONTH);
    expect(byOffice.size).toBe(FIELD_OFFICES.length);
    expect(Math.max(...medians) - Math.min(...medians)).toBeGreaterThan(1);
  });

  it('are right-skewed: the 80% mark is well above the median', () => {
    const durations = rows
      .filter((r) => r.formType === 'I-485' && r.classification === 'Family-based' && r.decidedOn?.startsWith('2025'))
      .map((r) => epochDay(r.decidedOn!) - epochDay(r.receivedOn))
      .sort((a, b) => a - b);
    const at = (q: number) => durations[Math.floor(q * (durations.length - 1))];
    expect(at(0.8) / at(0.5)).toBeGreaterThan(1.3);
    expect(at(0.5) - at(0.2)).toBeLessThan(at(0.8) - at(0.5));
  });

  it('are the same on every run with the same seed, and differ with another seed', () => {
    const again = generate(40_000);
    expect(again).toEqual(rows);
    const other = generate(40_000, 'another seed');
    expect(other.slice(0, 50)).not.toEqual(rows.slice(0, 50));
  });
});

import { describe, expect, it } from 'vitest';
import { estimateDecision, MIN_SIMILAR_CASES, stageOf, type StoredCurve } from './estimate';
import { kaplanMeier, type Observation } from './survival';

const refreshedAt = new Date('2026-11-30T06:00:00Z');
const window = { receivedFrom: '2024-12-01', receivedTo: '2026-11-29', refreshedAt };

/** A stored curve from `count` cases decided evenly over days 1..`span` (no censoring). */
function curve(officeCode: string, stage: StoredCurve['stage'], count: number, span: number, entry?: number): StoredCurve {
  const observations: Observation[] = Array.from({ length: count }, (_, i) => ({
    days: Math.round(((i + 1) / count) * span),
    decided: true,
    entry,
  }));
  return { ...kaplanMeier(observations), officeCode, stage, ...window };
}

const received = (receiptDate: string, extra: Partial<{ biometricsOn: string; interviewOn: string }> = {}) => ({
  formType: 'N-400',
  receiptDate,
  biometricsOn: null,
  interviewOn: null,
  decidedOn: null,
  ...extra,
});

describe("a case's estimate", () => {
  it("uses the office's own curve with at least 50 similar cases, conditioned on the days already waited", () => {
    const curves = [curve('PHO', 'received', 100, 200), curve('', 'received', 5000, 400)];
    // Received 100 days ago: of the office's cases still pending after day 100 (the 50 decided on days 102..200),
    // half are decided by day 150 and 80 % by day 180; counting from receipt, 80 % take up to day 160.
    const estimate = estimateDecision(received('2026-08-22'), 'PHO', curves, '2026-11-30');
    expect(estimate).toMatchObject({ kind: 'estimate', basis: 'office', stage: 'received', cases: 100, halfBy: '2027-01-19', eightyBy: '2027-02-18' });
    expect(estimate).toMatchObject({ usualEightyBy: '2027-01-29', outsideNormal: false, refreshedAt, receivedFrom: '2024-12-01' });
  });

  it(`falls back to the national figures under ${MIN_SIMILAR_CASES} similar cases, and says so`, () => {
    const curves = [curve('PHO', 'received', MIN_SIMILAR_CASES - 1, 200), curve('', 'received', 5000, 400)];
    const estimate = estimateDecision(received('2026-11-20'), 'PHO', curves, '2026-11-30');
    // National, pending after 10 of its 400 days: half of the rest by day 10 + 390 / 2 = 205, 80 % by day 322.
    expect(estimate).toMatchObject({ kind: 'estimate', basis: 'national', cases: 5000, halfBy: '2027-06-13', eightyBy: '2027-10-08' });
    expect(estimateDecision(received('2026-11-20'), null, curves, '2026-11-30')).toMatchObject({ basis: 'national' });
  });

  it('compares a case past a milestone with cases past the same milestone', () => {
    const curves = [
      curve('PHO', 'received', 200, 300),
      // Cases past their interview: all decided within days 181..240 of receipt.
      { ...kaplanMeier(Array.from({ length: 60 }, (_, i) => ({ days: 181 + i, decided: true, entry: 180 }))), officeCode: 'PHO', stage: 'interview' as const, ...window },
    ];
    // Received 180 days ago: 30 of the 60 are decided by day 210, 48 by day 228.
    const interviewed = received('2026-06-03', { biometricsOn: '2026-07-01', interviewOn: '2026-11-29' });
    expect(stageOf(interviewed)).toBe('interview');
    const estimate = estimateDecision(interviewed, 'PHO', curves, '2026-11-30');
    expect(estimate).toMatchObject({ kind: 'estimate', stage: 'interview', basis: 'office', cases: 60, halfBy: '2026-12-30', eightyBy: '2027-01-17' });
  });

  it('says a case is outside normal processing time once it has waited longer than 80 % of similar cases took', () => {
    const curves = [curve('PHO', 'received', 100, 200)];
    // Waiting 213 days where 80 % took up to 160 and none more than 200: no later decisions to estimate from.
    const late = estimateDecision(received('2026-05-01'), 'PHO', curves, '2026-11-30');
    expect(late).toMatchObject({ kind: 'estimate', outsideNormal: true, usualEightyBy: '2026-10-08', halfBy: null, eightyBy: null });
  });

  it('has nothing to say for forms it does not cover, decided cases, or series without history', () => {
    expect(estimateDecision({ ...received('2026-11-01'), formType: 'I-129' }, 'PHO', [], '2026-11-30')).toEqual({ kind: 'not-covered' });
    expect(estimateDecision({ ...received('2026-01-01'), decidedOn: '2026-11-02' }, 'PHO', [], '2026-11-30')).toEqual({ kind: 'decided' });
    expect(estimateDecision(received('2026-11-01'), 'PHO', [], '2026-11-30')).toEqual({ kind: 'no-data' });
  });
});

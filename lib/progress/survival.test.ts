import { describe, expect, it } from 'vitest';
import { conditionalDecisionDay, kaplanMeier, pendingAfter, type Observation } from './survival';

const decided = (days: number): Observation => ({ days, decided: true });
const pending = (days: number): Observation => ({ days, decided: false });

describe('Kaplan–Meier for processing times', () => {
  // Worked by hand: 6 cases; decided on days 3, 5, 7, 10; still pending after 5 and 8 days.
  //   day 3: 6 at risk, 1 decided → 5/6
  //   day 5: 5 at risk (the case pending after 5 days counts), 1 decided → 5/6 × 4/5 = 2/3
  //   day 7: 3 at risk, 1 decided → 2/3 × 2/3 = 4/9
  //   day 10: 1 at risk, 1 decided → 0
  const sample = [decided(3), decided(5), pending(5), decided(7), pending(8), decided(10)];

  it('keeps pending cases as censored observations, at risk until the day they were last seen', () => {
    const curve = kaplanMeier(sample);
    expect(curve.days).toEqual([3, 5, 7, 10]);
    expect(pendingAfter(curve, curve.days[0])).toBeCloseTo(5 / 6);
    expect(pendingAfter(curve, curve.days[1])).toBeCloseTo(2 / 3);
    expect(pendingAfter(curve, curve.days[2])).toBeCloseTo(4 / 9);
    expect(pendingAfter(curve, curve.days[3])).toBe(0);
    expect(curve.atRisk).toEqual([6, 5, 3, 1]);
    expect(curve.decided).toEqual([1, 1, 1, 1]);
    expect(curve.cases).toBe(6);
    expect(pendingAfter(curve, 2)).toBe(1);
    expect(pendingAfter(curve, 6)).toBeCloseTo(2 / 3);
  });

  it('handles ties: several decisions on one day count together', () => {
    const curve = kaplanMeier([decided(4), decided(4), decided(4), pending(6), decided(9)]);
    // Day 4: 5 at risk, 3 decided → 2/5; day 9: 1 at risk → 0.
    expect(curve.days).toEqual([4, 9]);
    expect(pendingAfter(curve, curve.days[0])).toBeCloseTo(2 / 5);
    expect(pendingAfter(curve, curve.days[1])).toBe(0);
  });

  it('gives the days by which half and 80 % are decided', () => {
    const curve = kaplanMeier(sample);
    expect(conditionalDecisionDay(curve, 0, 0.5)).toBe(7); // 4/9 ≤ 1/2
    expect(conditionalDecisionDay(curve, 0, 0.8)).toBe(10); // first ≤ 1/5
  });

  it('conditions on the time a case has already waited', () => {
    const curve = kaplanMeier(sample);
    // Pending after 5 days: S(t | 5) = S(t) ÷ 2/3, so day 7 leaves 2/3 still pending and half are decided only by day 10.
    expect(conditionalDecisionDay(curve, 5, 0.5)).toBe(10);
    // Pending after 3 days: S(t | 3) = S(t) ÷ 5/6: day 7 leaves 8/15 > 1/2, so day 10.
    expect(conditionalDecisionDay(curve, 3, 0.5)).toBe(10);
    // Pending after 2 days is the same as just received.
    expect(conditionalDecisionDay(curve, 2, 0.5)).toBe(7);
  });

  it('says "unknown" rather than inventing a date when the data stop short', () => {
    const curve = kaplanMeier([decided(3), pending(20), pending(30), pending(40)]);
    expect(conditionalDecisionDay(curve, 0, 0.5)).toBeNull();
    expect(conditionalDecisionDay(kaplanMeier([]), 0, 0.5)).toBeNull();
  });

  it('lets cases enter at a milestone: only those past it, and still pending, are at risk', () => {
    // By hand: B decided day 3 (from receipt); C entered day 2, decided 5; A entered 4, decided 6;
    // D entered 5, pending after 8; E entered 1, decided 8.
    //   day 3: B, C, E at risk (A and D not yet past the milestone) → 2/3
    //   day 5: A, C, E → 2/3 × 2/3 = 4/9
    //   day 6: A, D, E → 4/9 × 2/3 = 8/27
    //   day 8: D, E (D seen pending that day) → 8/27 × 1/2 = 4/27
    const curve = kaplanMeier([
      { days: 6, decided: true, entry: 4 },
      { days: 3, decided: true },
      { days: 5, decided: true, entry: 2 },
      { days: 8, decided: false, entry: 5 },
      { days: 8, decided: true, entry: 1 },
    ]);
    expect(curve.days).toEqual([3, 5, 6, 8]);
    expect(pendingAfter(curve, curve.days[0])).toBeCloseTo(2 / 3);
    expect(pendingAfter(curve, curve.days[1])).toBeCloseTo(4 / 9);
    expect(pendingAfter(curve, curve.days[2])).toBeCloseTo(8 / 27);
    expect(pendingAfter(curve, curve.days[3])).toBeCloseTo(4 / 27);
    // A case past the milestone and pending after 5 days: S(t) ÷ 4/9; day 6 leaves 2/3, day 8 1/3 → half by day 8.
    expect(conditionalDecisionDay(curve, 5, 0.5)).toBe(8);
    expect(pendingAfter(curve, 8, 5)).toBeCloseTo(1 / 3);
  });

  it('keeps estimating after an early day that decided everyone then at risk', () => {
    // Day 2: the only case past the milestone is decided (the running product would be 0 from here on).
    const curve = kaplanMeier([
      { days: 2, decided: true, entry: 1 },
      ...[10, 12, 14, 16].map((days) => ({ days, decided: true, entry: 5 })),
    ]);
    expect(pendingAfter(curve, 3)).toBe(0);
    expect(conditionalDecisionDay(curve, 6, 0.5)).toBe(12);
    expect(conditionalDecisionDay(curve, 6, 0.8)).toBe(16);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, epochDay, isoDateOfEpochDay } from '@/lib/calendar/iso-date';
import { createRandom } from '@/db/seed/random';
import { backtest } from './backtest';
import type { HistoryRow } from './curves';

const today = '2026-11-30';

/** Steady processing: receipts spread over three years, log-normal durations (median 150 days). */
function steadyHistory(count: number): HistoryRow[] {
  const random = createRandom(7);
  const end = epochDay(today);
  return Array.from({ length: count }, () => {
    const received = end - 1 - random.int(0, 3 * 365);
    const days = Math.max(2, Math.round(150 * Math.exp(0.5 * random.normal())));
    const decided = received + days;
    return {
      formType: 'I-90',
      classification: 'Replacement or renewal of permanent resident card',
      officeCode: random.chance(0.5) ? 'PHO' : 'NYC',
      receivedOn: isoDateOfEpochDay(received),
      decidedOn: decided < end ? isoDateOfEpochDay(decided) : null,
      biometricsOn: isoDateOfEpochDay(Math.min(decided - 1, received + 30)),
      interviewOn: null,
    };
  });
}

describe('the backtest', () => {
  const result = backtest(steadyHistory(12_000), today);

  it('holds out the cases decided in the last 180 days, and finds the 80 % date honest on steady data', () => {
    expect(result.holdoutFrom).toBe(addDays(today, -180));
    expect(result.overall.heldOut).toBeGreaterThan(1500);
    expect(result.overall.eightyWeighted).toBeGreaterThan(0.77);
    expect(result.overall.eightyWeighted).toBeLessThan(0.83);
    expect(result.overall.halfWeighted).toBeGreaterThan(0.45);
    expect(result.overall.halfWeighted).toBeLessThan(0.55);
  });

  it('shows why shares are weighted by days pending: counting each case once flatters the estimate', () => {
    expect(result.overall.eightyPerCase).toBeGreaterThan(result.overall.eightyWeighted + 0.04);
    expect(result.lines.map((line) => line.formType)).toEqual(['I-90']);
  });
});

/**
 * npm run progress:backtest [-- --holdout-days N] — how often myProgress's 80 % date was on or after
 * the real decision, on the most recently decided historical cases of the store in use (see
 * lib/progress/backtest.ts for the method). Prints a table per form and overall; the goal is 80 %
 * ± 3 points overall and for every form with at least 500 held-out cases. Exit code 0 when the goal
 * is met, 1 when it is not (or the backtest could not run), 2 for usage errors.
 */
import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { migrateStore, openStore } from '../db/client';
import { historicalCases } from '../db/schema';
import { systemClock } from '../lib/clock';
import { backtest, HOLDOUT_DAYS, type BacktestLine } from '../lib/progress/backtest';
import type { HistoryRow } from '../lib/progress/curves';
import { PROGRESS_FORMS } from '../lib/progress/forms';
import { historyColumns } from '../lib/progress/refresh';
import { agencyToday } from '../lib/progress/today';

const GOAL = 0.8;
const TOLERANCE = 0.03;
const MIN_CASES_FOR_GOAL = 500;

let holdoutDays = HOLDOUT_DAYS;
try {
  const { values } = parseArgs({ options: { 'holdout-days': { type: 'string' } } });
  if (values['holdout-days'] !== undefined) {
    holdoutDays = Number(values['holdout-days']);
    if (!Number.isSafeInteger(holdoutDays) || holdoutDays < 7 || holdoutDays > 720) throw new Error('--holdout-days must be a whole number from 7 to 720');
  }
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run progress:backtest [-- --holdout-days N]`);
  process.exit(2);
}

const store = openStore();
try {
  await migrateStore(store);
  const started = performance.now();
  const rows: HistoryRow[] = [];
  for (const formType of PROGRESS_FORMS) {
    const found = await store.db.select(historyColumns()).from(historicalCases).where(eq(historicalCases.formType, formType)).orderBy(asc(historicalCases.id));
    for (const row of found) rows.push(row);
  }
  const result = backtest(rows, agencyToday(systemClock), { holdoutDays });
  const percent = (share: number) => (Number.isNaN(share) ? '—' : `${(share * 100).toFixed(1)} %`);
  const meets = (line: BacktestLine) => Math.abs(line.eightyWeighted - GOAL) <= TOLERANCE;
  const table = [
    '| Form | Held-out cases | No 80 % date | 80 % date on or after the decision | (each case once) | 50 % date on or after | Goal 80 ± 3 |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...[...result.lines, result.overall].map(
      (line) =>
        `| ${line.formType} | ${line.heldOut} | ${line.noEstimate} | ${percent(line.eightyWeighted)} | ${percent(line.eightyPerCase)} | ` +
        `${percent(line.halfWeighted)} | ${line.heldOut < MIN_CASES_FOR_GOAL && line !== result.overall ? 'too few to judge' : meets(line) ? 'met' : 'missed'} |`,
    ),
  ];
  console.log(
    `myProgress backtest on ${store.dialect}: ${rows.length} historical cases; held out the ${result.overall.heldOut} decided from ${result.holdoutFrom} ` +
      `to ${result.today}, each estimated as of a random day it was pending; shares weighted by days pending ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)\n\n${table.join('\n')}`,
  );
  const judged = [...result.lines.filter((line) => line.heldOut >= MIN_CASES_FOR_GOAL), result.overall];
  process.exitCode = judged.every(meets) ? 0 : 1;
} catch (error) {
  console.error(`the backtest failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store.close();
}

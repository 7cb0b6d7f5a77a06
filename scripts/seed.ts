/**
 * npm run db:seed — migrates the store in use (DATABASE_URL, or the embedded SQLite file) and adds
 * the demo data when it is empty. Options:
 *   --historical N   about N historical cases for myProgress (default 150,000; 1000000 for benchmarks)
 *   --force          wipe every table first (refused when NODE_ENV=production)
 * Progress and the final summary are printed as JSON lines.
 */
import { parseArgs } from 'node:util';
import { migrateStore, openStore } from '../db/client';
import { DEFAULT_HISTORICAL_CASES, isStoreEmpty, seedDemoData } from '../db/seed';
import { wipeStore } from '../db/seed/wipe-store';
import { systemClock } from '../lib/clock';

const say = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }));

const { values } = parseArgs({
  options: { historical: { type: 'string' }, force: { type: 'boolean', default: false } },
});

const historicalCases = values.historical === undefined ? DEFAULT_HISTORICAL_CASES : Number(values.historical.replaceAll('_', ''));
if (!Number.isSafeInteger(historicalCases) || historicalCases < 0 || historicalCases > 20_000_000) {
  say('error', '--historical must be a whole number of cases from 0 to 20000000, e.g. --historical 1000000');
  process.exit(2);
}

const store = openStore();
try {
  await migrateStore(store);
  if (!(await isStoreEmpty(store.db))) {
    if (!values.force) {
      say('error', 'the store already has accounts; nothing was changed. Run with --force to wipe every table and add the demo data anew.', {
        dialect: store.dialect,
      });
      process.exitCode = 1;
    } else if (process.env.NODE_ENV === 'production') {
      say('error', '--force wipes every table and is refused when NODE_ENV=production', { dialect: store.dialect });
      process.exitCode = 1;
    } else {
      say('info', 'wiping every table (--force)', { dialect: store.dialect });
      await wipeStore(store.db);
    }
  }
  if (!process.exitCode) {
    const summary = await seedDemoData(store.db, { clock: systemClock, historicalCases, log: (line) => say('info', line) });
    say('info', 'demo data added', { dialect: store.dialect, ...summary });
  }
} finally {
  await store.close();
}

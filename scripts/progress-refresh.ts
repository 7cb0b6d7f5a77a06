/**
 * npm run progress:refresh — rebuilds myProgress's processing-time curves from the historical cases
 * of the store in use (DATABASE_URL, or the embedded SQLite file), and every pending case's
 * expected decision. The worker runs it once a day and `cases:import` after each import; run it by
 * hand after loading new historical data. Prints one JSON line; exit code 1 if it failed.
 */
import { migrateStore, openStore } from '../db/client';
import { systemClock } from '../lib/clock';
import { refreshProgressCurves } from '../lib/progress/refresh';

const store = openStore();
try {
  await migrateStore(store);
  const report = await refreshProgressCurves(store.db, systemClock);
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'progress curves refreshed', dialect: store.dialect, ...report }));
} catch (error) {
  console.log(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: `the refresh failed: ${(error as Error).message}` }));
  process.exitCode = 1;
} finally {
  await store.close();
}

/**
 * Migrates and seeds the store named by DATABASE_URL, then writes the seed's summary as JSON to the
 * file named by --summary (stdout is left to the logs). A separate process because db/client.ts
 * picks the dialect (and the tables domain code uses) from DATABASE_URL once, when it is first
 * imported: one process can serve only one dialect.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrateStore, openStore } from '../../db/client';
import { seedDemoData } from '../../db/seed';
import { systemClock } from '../../lib/clock';

const { values } = parseArgs({
  options: { summary: { type: 'string' }, 'historical-cases': { type: 'string' } },
});
const historicalCases = values['historical-cases'] ? Number(values['historical-cases']) : undefined;

const store = openStore();
try {
  await migrateStore(store);
  const summary = await seedDemoData(store.db, {
    clock: systemClock,
    historicalCases,
    log: (line: string) => console.error(line),
  });
  if (values.summary) writeFileSync(values.summary, JSON.stringify(summary ?? null));
} finally {
  await store.close();
}

/**
 * npm run cases:import -- FILE.jsonl [--no-access-codes]
 *
 * Imports cases from the agency's case system into the store in use (DATABASE_URL, or the embedded
 * SQLite file): one JSON object per line, as lib/cases/case-import-schema.ts describes. Idempotent by
 * receipt number and event key, so a file can be imported again after a failure. New cases get
 * their online access codes, sent on the Account Access Notice (never printed), unless
 * --no-access-codes. New status events notify everyone linked to the case.
 *
 * Prints JSON lines: one error line per refused line (its number and why), then the summary.
 * Exit codes: 0 every line imported, 1 some lines refused (the others are imported) or the import
 * stopped, 2 usage errors (no file, an unreadable file, an unknown option).
 */
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { migrateStore, openStore } from '../db/client';
import { importCases } from '../lib/cases/import-cases';
import { systemClock } from '../lib/clock';
import { refreshProgressCurves } from '../lib/progress/refresh';

const say = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }));

const usage = 'usage: npm run cases:import -- FILE.jsonl [--no-access-codes]';

let file: string;
let issueAccessCodes: boolean;
try {
  const { values, positionals } = parseArgs({
    options: { 'no-access-codes': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new Error(positionals.length ? 'give exactly one file' : 'the file to import is missing');
  file = positionals[0];
  issueAccessCodes = !values['no-access-codes'];
} catch (error) {
  say('error', `${(error as Error).message}\n${usage}`);
  process.exit(2);
}

try {
  await access(file, constants.R_OK);
  if (!(await stat(file)).isFile()) throw new Error('it is not a file');
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
  say('error', `cannot read ${file}: ${reason}\n${usage}`);
  process.exit(2);
}

const store = openStore();
try {
  await migrateStore(store);
  // Read line by line: a case system's export can be larger than memory should hold at once.
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const summary = await importCases(store.db, systemClock, lines, { issueAccessCodes });
  for (const { line, reason } of summary.invalid) say('error', `line ${line}: ${reason}`, { line });
  const { invalid, ...counts } = summary;
  say(invalid.length ? 'error' : 'info', invalid.length ? `imported with ${invalid.length} line(s) refused` : 'imported', {
    dialect: store.dialect,
    file,
    ...counts,
    invalid: invalid.length,
    accessCodes: issueAccessCodes,
  });
  process.exitCode = invalid.length ? 1 : 0;
  // New cases and milestones change expected decisions; the curves are rebuilt with them.
  const progress = await refreshProgressCurves(store.db, systemClock);
  say('info', 'progress curves refreshed', { ...progress });
} catch (error) {
  say('error', `the import stopped: ${(error as Error).message}; the lines before it are imported, and running the file again is safe`, {
    dialect: store.dialect,
    file,
  });
  process.exitCode = 1;
} finally {
  await store.close();
}

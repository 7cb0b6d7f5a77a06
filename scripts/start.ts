/**
 * npm start — the portal on one machine: refuse settings that must not serve (see refusalToStart),
 * migrate the store, add demo data when the embedded store is empty, build when the build is
 * missing or older than the source, then serve on PORT (3000) and run the notification worker
 * beside it. Options: --port N, --fresh (start the embedded store anew).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SQLITE_URL, migrateStore, openStore, prepareSandboxStore, sandboxUrlFor } from '../db/client';
import { isStoreEmpty, seedDemoData, seedsDemoDataOnStart } from '../db/seed';
import { refusalToStart } from '../lib/notifications/config';
import { systemClock } from '../lib/clock';
import { buildIsStale } from './build-freshness';
import { buildPortal } from './build';

const { values } = parseArgs({
  options: { port: { type: 'string' }, fresh: { type: 'boolean', default: false } },
});
const port = values.port ?? process.env.PORT ?? '3000';
process.env.NEXT_TELEMETRY_DISABLED = '1';
// What this serves is the production build (`next start` runs it as production whatever is set).
(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
const refusal = refusalToStart(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const say = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg, ...extra }));

if (values.fresh && !process.env.DATABASE_URL?.startsWith('postgres')) {
  const file = (process.env.DATABASE_URL || DEFAULT_SQLITE_URL).replace(/^file:/, '');
  const sandboxFile = sandboxUrlFor(process.env.DATABASE_URL).replace(/^file:/, '');
  for (const ext of ['', '-wal', '-shm']) for (const each of [file, sandboxFile]) rmSync(each + ext, { force: true });
}

const store = openStore();
await migrateStore(store);
if (await isStoreEmpty(store.db)) {
  if (seedsDemoDataOnStart(store.dialect)) {
    say('store is empty: adding demo data');
    const summary = await seedDemoData(store.db, { clock: systemClock, log: (line) => say(line) });
    say('demo data added', summary as unknown as Record<string, unknown>);
  } else {
    say('store is empty: no demo data is added to Postgres (run npm run db:seed for it)');
  }
}
await store.close();
const sandbox = await prepareSandboxStore(process.env.DATABASE_URL);
if (!sandbox.ok) say('the API sandbox store could not be prepared: sandbox credentials get 503 until it is', { reason: sandbox.reason });

if (buildIsStale()) {
  say('building the portal (first run or source changed)');
  const code = await buildPortal();
  if (code !== 0) process.exit(code);
}

const children: ChildProcess[] = [
  spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env: process.env }),
  spawn(bin('tsx'), ['scripts/worker.ts'], { stdio: 'inherit', env: process.env }),
];
say('portal starting', { url: `http://localhost:${port}` });

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The package's own executables, not npx: npx does not pass SIGTERM on, which would leave children running.
function bin(name: string): string {
  return path.join('node_modules', '.bin', name);
}

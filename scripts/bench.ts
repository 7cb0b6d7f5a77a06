/**
 * npm run bench — the production server under load on each store: embedded SQLite, and Postgres
 * when TEST_DATABASE_URL is set. Each store is fresh, migrated and seeded with the demo data; the
 * rows of scripts/bench/rows.ts run against `next start` with autocannon from this process.
 * Prints one table per store and writes bench-results/<timestamp>.json.
 *
 * Two references run first in each table: a static file (the machine's ceiling) and the floor, a
 * minimal dynamic Next page built from the same node_modules (scripts/bench/floor.ts). Every row
 * gives its share of both, and rows with a target say whether they met it. The machine is shared and
 * noisy: read the ratios, not the absolute numbers.
 * Every answer is checked (status and expected text); the bench fails when any was wrong, or when a
 * server could not be started. A missed target is reported, not a failure.
 * Options: --quick (3 s per row), --duration SECONDS, --connections N, --historical-cases N.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-freshness';
import { cleanUpAll, cleanUpOnSignals, onCleanup, stopRequested } from './bench/cleanup';
import { runRow, runScenario, stopLoad, stopScenarios } from './bench/load';
import { parseBenchOptions, type BenchOptions } from './bench/options';
import { measurePages, type PageWeight } from './bench/page-weight';
import { sampleTreeMemory } from './bench/process-tree';
import { formatStore, writeResults, type RowOutcome, type StoreOutcome } from './bench/report';
import { P99_BUDGET_MS, rows, type RowContext } from './bench/rows';
import { contentionRun, formatContention } from './bench/contention';
import { startFloor } from './bench/floor';
import { lighthouse } from './bench/lighthouse';
import { buildApp, freePort, ServerStartError, startServer, type RunningServer } from './bench/server';
import { closeBenchStores } from './bench/store-handles';
import { prepareStore, storeKinds, type StoreKind } from './bench/stores';

const MAIN_PAGES = ['/', '/es'];

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
const options = parseBenchOptions(process.argv.slice(2));
const startedAt = new Date();
cleanUpOnSignals(() => {
  stopLoad();
  stopScenarios();
});

const workDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
onCleanup('remove the temporary folder', () => rmSync(workDir, { recursive: true, force: true }));

// One secret for the seed and the server of a run: codes hashed while seeding must verify while serving.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  APP_SECRET: randomBytes(32).toString('base64'),
};
// The sign-in scenario opens the codes the server seals in the outbox: same key in this process.
process.env.APP_SECRET = env.APP_SECRET;

const outcomes: StoreOutcome[] = [];
let exitCode = 0;
let floor: RunningServer | undefined;
try {
  if (buildIsStale()) {
    console.log('bench: building the portal (no build, or the source changed since the last one)');
    await buildApp();
  }
  floor = await startFloor(env, path.join(workDir, 'server-floor.log'));
  for (const kind of storeKinds()) {
    if (stopRequested()) break;
    outcomes.push(await benchStore(kind, options, floor.baseUrl));
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await closeBenchStores();
  await cleanUpAll();
}

const problems = outcomes.flatMap((outcome) => {
  if (outcome.error) return [`${outcome.store}: the server could not be started: ${outcome.error.split('\n')[0]}`];
  const race = outcome.contention;
  if (race && ('error' in race || race.oversold > 0 || race.successes !== race.seatsLeft)) return [`${outcome.store} · ${formatContention(race)}`];
  return outcome.rows.flatMap((row) => {
    if (row.error) return [`${outcome.store} · ${row.name}: ${row.error}`];
    if (!row.failureRate) return [];
    return [
      `${outcome.store} · ${row.name}: ${row.wrongStatus} answers with the wrong status, ${row.wrongContent} without the expected content, ` +
        `${row.errors} errors, of ${row.requests} requests`,
    ];
  });
});

if (outcomes.length > 0) {
  console.log(
    `\n## npm run bench — ${startedAt.toISOString()}, ${os.cpus().length} CPUs, Node ${process.version}` +
      `${options.quick ? ' (quick run)' : ''}\n`,
  );
  for (const outcome of outcomes) console.log(`${formatStore(outcome, options)}\n`);
  const file = writeResults(startedAt, {
    startedAt: startedAt.toISOString(),
    commit: currentCommit(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryMiB: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    options,
    stores: outcomes,
    problems,
  });
  console.log(`results written to ${file}`);
}
if (problems.length > 0) {
  console.error(`\nbench failed:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  exitCode = 1;
}
process.exit(exitCode);

async function benchStore(kind: StoreKind, run: BenchOptions, floorUrl: string): Promise<StoreOutcome> {
  console.log(`\nbench: ${kind}: preparing a fresh store (migrate, seed)`);
  const store = await prepareStore(kind, { workDir, env, historicalCases: run.historicalCases });
  const outcome: StoreOutcome = {
    store: kind,
    label: store.label,
    prepareSeconds: store.prepareSeconds,
    seedSummary: store.seedSummary,
    rows: [],
    pages: [],
  };
  try {
    const port = await freePort();
    console.log(`bench: ${kind}: store ready in ${store.prepareSeconds.toFixed(1)} s; starting next start on port ${port}`);
    let server: RunningServer;
    try {
      server = await startServer({
        port,
        // All the load comes from this one address: the per-client and portal-wide budgets of password
        // checks would otherwise refuse the sign-in round trips after the first hundred. The API's
        // per-client limits are raised the same way: still counted in the store on every request.
        // LOCAL_OUTBOX: messages stay on this machine on both stores (as on the embedded one), so the
        // inbound text webhook is keyed by the demo token there too.
        env: { ...env, DATABASE_URL: store.url, PASSWORD_CHECKS_PER_CLIENT: '1000000', PASSWORD_CHECKS_PER_MINUTE: '1000000', LOCAL_OUTBOX: 'on', API_RATE_PER_SECOND: '1000000', API_RATE_PER_DAY: '1000000000' },
        logFile: path.join(workDir, `server-${kind}.log`),
      });
    } catch (error) {
      if (!(error instanceof ServerStartError)) throw error;
      console.error(`bench: ${kind}: ${error.message}`);
      outcome.error = error.message;
      return outcome;
    }
    const memory = sampleTreeMemory(server.pid);
    try {
      outcome.rows = await runRows(kind, server.baseUrl, floorUrl, store.url, run);
      if (!stopRequested() && !run.only) {
        outcome.contention = await contentionRun(store.url, { workDir, env });
        console.log(`bench: ${kind}: ${formatContention(outcome.contention)}`);
      }
      if (!stopRequested() && !run.only) outcome.pages = await measureMainPages(server.baseUrl, MAIN_PAGES);
      if (!stopRequested() && !run.only) [outcome.floorPage] = await measureMainPages(floorUrl, ['/']);
      // Once a run, on the first store: the page is the same on both.
      if (!stopRequested() && !run.only && kind === storeKinds()[0]) outcome.lighthouse = await lighthouse(`${server.baseUrl}/`, workDir);
    } finally {
      outcome.memory = memory.stop();
      await server.stop();
    }
    return outcome;
  } finally {
    await store.dispose();
  }
}

async function runRows(kind: StoreKind, baseUrl: string, floorUrl: string, storeUrl: string, run: BenchOptions): Promise<RowOutcome[]> {
  const context: RowContext = {
    baseUrl,
    store: kind,
    storeUrl,
    fetch: (target, init) => fetch(new URL(target, baseUrl), { redirect: 'manual', ...init }),
  };
  // The references first: the ceiling and the floor are taken before the other rows have heated the machine.
  const chosen = rows.filter((row) => row.reference || !run.only || row.name.includes(run.only));
  const ordered = [...chosen.filter((row) => row.reference), ...chosen.filter((row) => !row.reference)];
  const outcomes: RowOutcome[] = [];
  for (const row of ordered) {
    if (stopRequested()) break;
    const base = { name: row.name, path: row.path, reference: row.reference, target: row.target };
    try {
      const result = row.scenario
        ? await runScenario(row, context, run)
        : await runRow(row.floor ? floorUrl : baseUrl, row, row.setup ? await row.setup(context) : {}, run);
      if (stopRequested()) break;
      console.log(`bench: ${kind}: ${row.name} ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms`);
      outcomes.push({ ...base, ...result });
    } catch (error) {
      if (stopRequested()) break;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`bench: ${kind}: ${row.name} failed: ${message}`);
      outcomes.push({ ...base, error: message });
    }
  }
  const referenceRate = (of: 'static' | 'floor') => outcomes.find((row) => row.reference === of)?.requestsPerSecond;
  for (const row of outcomes) {
    if (row.requestsPerSecond === undefined) continue;
    row.percentOf = {};
    for (const of of ['static', 'floor'] as const) {
      const rate = referenceRate(of);
      if (rate) row.percentOf[of] = (row.requestsPerSecond / rate) * 100;
    }
    if (row.target) {
      const share = row.percentOf[row.target.of];
      row.targetMet = share !== undefined && share >= row.target.percent && (row.p99Ms ?? Infinity) < P99_BUDGET_MS;
    }
  }
  return outcomes;
}

async function measureMainPages(baseUrl: string, paths: string[]): Promise<(PageWeight | { path: string; error: string })[]> {
  try {
    return await measurePages(baseUrl, paths);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return paths.map((page) => ({ path: page, error: message }));
  }
}

function currentCommit(): string | null {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

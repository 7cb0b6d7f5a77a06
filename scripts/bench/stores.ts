/**
 * A fresh store per benchmark run: an SQLite file in the run's temporary folder, or a database of its
 * own on the Postgres server of TEST_DATABASE_URL, so a run never reads or leaves behind anyone's data.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openStore, runSql } from '../../db/client';
import { onCleanup } from './cleanup';

export type StoreKind = 'sqlite' | 'postgres';

export interface PreparedStore {
  kind: StoreKind;
  url: string;
  /** Where to show the store in reports: never the credentials. */
  label: string;
  seedSummary: unknown;
  prepareSeconds: number;
  dispose(): Promise<void>;
}

const prepareScript = fileURLToPath(new URL('./prepare-store.ts', import.meta.url));

export function storeKinds(): StoreKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function prepareStore(
  kind: StoreKind,
  options: { workDir: string; env: NodeJS.ProcessEnv; historicalCases?: number },
): Promise<PreparedStore> {
  const started = performance.now();
  const { url, label, dispose } = kind === 'postgres' ? await createPgDatabase() : sqliteFile(options.workDir);
  try {
    const seedSummary = await migrateAndSeed(url, options);
    return { kind, url, label, seedSummary, prepareSeconds: (performance.now() - started) / 1000, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function sqliteFile(workDir: string) {
  const file = path.join(workDir, 'bench.db');
  // The file goes with the run's temporary folder, which the bench removes on exit.
  return { url: `file:${file}`, label: 'SQLite (embedded, temporary file)', dispose: async () => {} };
}

async function createPgDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `portal_bench_${randomBytes(5).toString('hex')}`;
  await adminStatement(serverUrl, `CREATE DATABASE "${name}"`);
  const dispose = onCleanup(`drop the database ${name}`, () =>
    adminStatement(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), label: `Postgres (database ${name} on ${url.host})`, dispose };
}

async function adminStatement(serverUrl: string, statement: string) {
  const admin = openStore(serverUrl);
  try {
    await runSql(admin, sql.raw(statement));
  } finally {
    await admin.close();
  }
}

async function migrateAndSeed(
  url: string,
  options: { workDir: string; env: NodeJS.ProcessEnv; historicalCases?: number },
): Promise<unknown> {
  const summaryFile = path.join(options.workDir, `seed-summary-${randomBytes(4).toString('hex')}.json`);
  const args = ['--import', 'tsx', prepareScript, '--summary', summaryFile];
  if (options.historicalCases) args.push('--historical-cases', String(options.historicalCases));
  const child = spawn(process.execPath, args, {
    env: { ...options.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const undo = onCleanup('stop the seeding process', () => {
    child.kill('SIGTERM');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  await undo();
  if (code !== 0) {
    const lastLines = output.trimEnd().split('\n').slice(-30).join('\n');
    throw new Error(`migrating and seeding the store failed (exit code ${code})\n${lastLines}`);
  }
  return existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
}

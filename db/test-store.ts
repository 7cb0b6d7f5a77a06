/**
 * Test setup for data tests (`*.db.test.ts`): each test file gets its own freshly migrated store —
 * a temporary SQLite file, or its own database on the Postgres server of TEST_DATABASE_URL — so
 * files run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeStore, dialect, migrateStore, openStore, runSql, setSandboxStore, useStore, type Store } from './client';

const suffix = randomBytes(6).toString('hex');
const pgDatabase = `portal_test_${suffix}`;
const sqliteFile = path.join(tmpdir(), `portal-test-${suffix}.db`);

beforeAll(async () => {
  let url = `file:${sqliteFile}`;
  if (dialect === 'pg') {
    const admin = openStore(process.env.DATABASE_URL);
    await runSql(admin, sql.raw(`CREATE DATABASE "${pgDatabase}"`));
    await admin.close();
    url = withDatabase(process.env.DATABASE_URL!, pgDatabase);
  }
  const store = openStore(url);
  await migrateStore(store);
  useStore(store);
});

let sandbox: Store | undefined;

/**
 * A sandbox store of this test file's own (the API sandbox's database), for files that test the
 * sandbox: call it in a beforeAll. Dropped with the file's main store.
 */
export async function prepareTestSandboxStore(): Promise<void> {
  if (sandbox) return;
  let url = `file:${sqliteFile}-sandbox.db`;
  if (dialect === 'pg') {
    const admin = openStore(process.env.DATABASE_URL);
    await runSql(admin, sql.raw(`CREATE DATABASE "${pgDatabase}_sandbox"`));
    await admin.close();
    url = withDatabase(process.env.DATABASE_URL!, `${pgDatabase}_sandbox`);
  }
  sandbox = openStore(url);
  await migrateStore(sandbox);
  setSandboxStore(sandbox);
}

afterAll(async () => {
  await closeStore();
  if (sandbox) {
    await sandbox.close();
    setSandboxStore(undefined);
    if (dialect === 'pg') {
      const admin = openStore(process.env.DATABASE_URL);
      try {
        await dropTestDatabase(admin, `${pgDatabase}_sandbox`);
      } finally {
        await admin.close();
      }
    } else for (const ext of ['', '-wal', '-shm']) rmSync(`${sqliteFile}-sandbox.db${ext}`, { force: true });
  }
  if (dialect === 'pg') {
    const admin = openStore(process.env.DATABASE_URL);
    try {
      await dropTestDatabase(admin, pgDatabase);
    } finally {
      await admin.close();
    }
  }
  if (dialect === 'sqlite') for (const ext of ['', '-wal', '-shm']) rmSync(sqliteFile + ext, { force: true });
});

/**
 * A plain DROP first: it also stops an autovacuum worker that started on the fresh database, which
 * WITH (FORCE) refuses to terminate for a role that is not a superuser. FORCE only for a connection
 * of our own role that is still closing.
 */
async function dropTestDatabase(admin: ReturnType<typeof openStore>, database: string): Promise<void> {
  try {
    await runSql(admin, sql.raw(`DROP DATABASE IF EXISTS "${database}"`));
  } catch {
    await runSql(admin, sql.raw(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The one place that knows two dialects exist. `DATABASE_URL` unset (or `file:…`) → the embedded
 * SQLite store under data/; `postgres://…` → Postgres. Domain code is typed against the SQLite
 * schema and receives the dialect's tables through `db/schema.ts`; both query builders share the
 * API domain code uses (select/insert/update/delete with returning, transactions). Do not call the
 * SQLite-only `.get()`, `.all()` or `.run()` on queries: await the query instead.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client, type Transaction } from '@libsql/client';
import { drizzle as drizzleLite, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate as migrateLite } from 'drizzle-orm/libsql/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/postgres-js';
import { migrate as migratePg } from 'drizzle-orm/postgres-js/migrator';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import * as liteSchema from './schema.sqlite';
import * as pgSchema from './schema.pg';

export type Schema = typeof liteSchema;
export type Db = LibSQLDatabase<Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Tx;
export type Dialect = 'sqlite' | 'pg';

export function dialectOf(url: string | undefined): Dialect {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'pg' : 'sqlite';
}

export const dialect: Dialect = dialectOf(process.env.DATABASE_URL);
export const tables: Schema = dialect === 'pg' ? (pgSchema as unknown as Schema) : liteSchema;

export const DEFAULT_SQLITE_URL = 'file:data/portal.db';

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export function openStore(url = process.env.DATABASE_URL): Store {
  if (dialectOf(url) === 'pg') {
    const client = postgres(url!, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    const db = drizzlePg(client, { schema: pgSchema, casing: 'snake_case' }) as unknown as Db;
    return { db, dialect: 'pg', close: () => client.end({ timeout: 5 }) };
  }
  const fileUrl = url ?? DEFAULT_SQLITE_URL;
  const filePath = fileUrl.replace(/^file:/, '');
  if (filePath !== ':memory:') prepareEmbeddedStoreFiles(filePath);
  // timeout: how long a connection waits for another's write lock (SQLite's busy timeout), in ms.
  const client = serialiseWrites(createClient({ url: fileUrl, timeout: 5000 }));
  const db = drizzleLite(client, { schema: liteSchema, casing: 'snake_case' });
  return { db, dialect: 'sqlite', close: async () => client.close() };
}

/**
 * The embedded store holds hashes, sealed secrets and personal data: only the portal's own user may
 * read it. Its folder is made 0700 and its files 0600 (SQLite gives the -wal and -shm files the mode
 * of the database file). The default data/ folder is tightened even when it already exists; a folder
 * named in DATABASE_URL that already exists is left as it is (it may be shared, like /tmp).
 */
export function prepareEmbeddedStoreFiles(filePath: string): void {
  const file = path.resolve(filePath);
  const folder = path.dirname(file);
  const created = !existsSync(folder);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (created || folder === path.resolve(path.dirname(DEFAULT_SQLITE_URL.replace(/^file:/, '')))) chmodSync(folder, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}

export async function migrateStore(store: Store): Promise<void> {
  const root = path.join(process.cwd(), 'db', 'migrations');
  if (store.dialect === 'pg') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the pg handle hides behind the SQLite type
    await migratePg(store.db as any, { migrationsFolder: path.join(root, 'pg') });
    return;
  }
  await runSql(store, sql`PRAGMA journal_mode = WAL`);
  await migrateLite(store.db, { migrationsFolder: path.join(root, 'sqlite') });
}

/** Runs a raw statement and returns its rows, on either dialect. */
export async function runSql<Row = Record<string, unknown>>(store: Pick<Store, 'db' | 'dialect'>, query: SQL): Promise<Row[]> {
  if (store.dialect === 'pg') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return [...((await (store.db as any).execute(query)) as Row[])];
  }
  return (await store.db.all(query)) as Row[];
}

/**
 * A write transaction. On SQLite it starts with BEGIN IMMEDIATE so a transaction that reads before it
 * writes holds the write lock from the start (no upgrade deadlocks). Postgres gets no options: its
 * driver turns any config object into a SET TRANSACTION statement, and an empty one is a syntax error.
 */
export function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return dialect === 'pg' ? db.transaction(work) : db.transaction(work, { behavior: 'immediate' });
}

// One store per process, kept across hot reloads in development.
const holder = globalThis as unknown as { __portalStore?: Store };

export function getStore(): Store {
  holder.__portalStore ??= openStore(process.env.DATABASE_URL);
  return holder.__portalStore;
}

export function getDb(): Db {
  return getStore().db;
}

export async function closeStore(): Promise<void> {
  const store = holder.__portalStore;
  holder.__portalStore = undefined;
  await store?.close();
}

/** Makes `store` the process's store (tests and scripts that open their own). */
export function useStore(store: Store): void {
  holder.__portalStore = store;
}

/**
 * The API sandbox's store: the same schema in a database of its own, so sandbox credentials can
 * never reach a real case and no page, officer queue or worker ever sees a sandbox row (nothing is
 * sent from it). SANDBOX_DATABASE_URL names it; otherwise it sits beside the main store: the
 * embedded file's name with "-sandbox", or the Postgres database's name with "_sandbox".
 */
export function sandboxUrlFor(mainUrl: string | undefined): string {
  if (process.env.SANDBOX_DATABASE_URL) return process.env.SANDBOX_DATABASE_URL;
  if (dialectOf(mainUrl) === 'pg') {
    const url = new URL(mainUrl!);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}_sandbox`;
    return url.toString();
  }
  const file = (mainUrl ?? DEFAULT_SQLITE_URL).replace(/^file:/, '');
  return `file:${file === ':memory:' ? file : file.replace(/(\.db)?$/, '-sandbox.db')}`;
}

const sandboxHolder = globalThis as unknown as { __portalSandboxStore?: Store };

export function getSandboxDb(): Db {
  if (!sandboxHolder.__portalSandboxStore) {
    // Tests name their own (db/test-store.ts): never the sandbox file of a demo in data/.
    if (process.env.VITEST) throw new Error('no sandbox store in this test: call prepareTestSandboxStore() first');
    const url = sandboxUrlFor(process.env.DATABASE_URL);
    if (dialectOf(url) !== dialect) throw new Error('SANDBOX_DATABASE_URL must be of the same kind as DATABASE_URL (both SQLite or both Postgres)');
    sandboxHolder.__portalSandboxStore = openStore(url);
  }
  return sandboxHolder.__portalSandboxStore.db;
}

/** Makes `store` the process's sandbox store (tests). */
export function setSandboxStore(store: Store | undefined): void {
  sandboxHolder.__portalSandboxStore = store;
}

/**
 * Migrates the sandbox store beside the main one (server start and npm run db:migrate). On Postgres
 * its database is created when missing, if the role may; otherwise the sandbox answers 503 until an
 * operator creates it.
 */
export async function prepareSandboxStore(mainUrl: string | undefined): Promise<{ ok: true } | { ok: false; reason: string }> {
  const url = sandboxUrlFor(mainUrl);
  if (dialectOf(url) === 'pg') {
    const admin = openStore(mainUrl);
    try {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      const [found] = await runSql(admin, sql`SELECT 1 AS found FROM pg_database WHERE datname = ${name}`);
      if (!found) await runSql(admin, sql.raw(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    } finally {
      await admin.close();
    }
  }
  const store = openStore(url);
  try {
    await migrateStore(store);
    return { ok: true };
  } finally {
    await store.close();
  }
}

/**
 * SQLite allows one writer at a time, and libsql waits for a busy lock synchronously, blocking the
 * event loop: a write issued while another connection of the same process holds a write transaction
 * would stall the very code that is to commit it, until the busy timeout fails both. So within one
 * process every write (a write statement, a batch or a whole transaction) takes its turn through an
 * async queue; reads go straight through (WAL lets them run beside a writer). Other processes (the
 * worker) are kept apart by SQLite's own lock and busy timeout.
 */
function serialiseWrites(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  const WAIT_LIMIT_MS = 15_000;

  async function turn(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const ready = tail;
    tail = tail.then(() => done);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      ready.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), WAIT_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    if (!waited) {
      // Give the turn back when it comes, so the queue keeps moving, and fail this write.
      void ready.then(release);
      throw new Error('the embedded store stayed busy: a write waited more than 15 s for its turn');
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  const isRead = (statement: unknown): boolean => {
    const text = typeof statement === 'string' ? statement : (statement as { sql?: string })?.sql ?? '';
    return /^\s*(select|pragma|explain)\b/i.test(text);
  };

  const wrapTransaction = (transaction: Transaction, release: () => void): Transaction =>
    new Proxy(transaction, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'commit' || property === 'rollback') {
          return async (...args: unknown[]) => {
            try {
              return await value.apply(target, args);
            } finally {
              release();
            }
          };
        }
        if (property === 'close') {
          return (...args: unknown[]) => {
            try {
              return value.apply(target, args);
            } finally {
              release();
            }
          };
        }
        return value.bind(target);
      },
    });

  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'execute') {
        return async (...args: unknown[]) => {
          if (isRead(args[0])) return value.apply(target, args);
          const release = await turn();
          try {
            return await value.apply(target, args);
          } finally {
            release();
          }
        };
      }
      if (property === 'batch' || property === 'migrate' || property === 'executeMultiple') {
        return async (...args: unknown[]) => {
          const release = await turn();
          try {
            return await value.apply(target, args);
          } finally {
            release();
          }
        };
      }
      if (property === 'transaction') {
        return async (...args: unknown[]) => {
          const release = await turn();
          try {
            return wrapTransaction(await value.apply(target, args), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      return value.bind(target);
    },
  });
}

/**
 * Connections from the bench process to the stores the servers under test use: for reading what a
 * person would read in their inbox, and for making the accounts and cases of the signed-in rows.
 * One handle per store URL, closed when the bench ends.
 *
 * One bench process talks to an SQLite store and a Postgres store in turn, so the tables come from
 * the store's own dialect (db/schema.sqlite.ts or db/schema.pg.ts, the ones db/schema.ts hands to
 * the portal), not from db/schema.ts, which picks one dialect for the whole process from DATABASE_URL.
 */
import { openStore, type Schema, type Store, type Tx } from '../../db/client';
import * as pgSchema from '../../db/schema.pg';
import * as liteSchema from '../../db/schema.sqlite';

const stores = new Map<string, Store>();

export function storeAt(url: string): Store {
  let store = stores.get(url);
  if (!store) stores.set(url, (store = openStore(url)));
  return store;
}

/** The portal's tables in the dialect of `store`, typed as domain code sees them. */
export function tablesOf(store: Store): Schema {
  return store.dialect === 'pg' ? (pgSchema as unknown as Schema) : liteSchema;
}

/**
 * A write transaction on `store`, as db/client.ts's `transaction` makes one for the process's own
 * store: BEGIN IMMEDIATE on SQLite, the driver's default on Postgres.
 */
export function writeTransaction<T>(store: Store, work: (tx: Tx) => Promise<T>): Promise<T> {
  return store.dialect === 'pg' ? store.db.transaction(work) : store.db.transaction(work, { behavior: 'immediate' });
}

export async function closeBenchStores(): Promise<void> {
  for (const store of stores.values()) await store.close();
  stores.clear();
}

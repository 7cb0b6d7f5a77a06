/**
 * Empties every table of the schema, children before parents so foreign keys never object. The
 * order comes from the schema's own foreign keys, so tables added later are wiped too.
 */
import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { tables, transaction, type Db } from '@/db/client';
import * as liteSchema from '@/db/schema.sqlite';

/** Export names of the schema's tables, each after every table that references it. */
export function tablesChildrenFirst(): (keyof typeof tables)[] {
  const entries = Object.entries(liteSchema).filter(([, value]) => is(value, Table)) as [keyof typeof tables, SQLiteTable][];
  const keyOfName = new Map(entries.map(([key, table]) => [getTableName(table), key]));
  const parents = new Map(
    entries.map(([key, table]) => [
      key,
      getTableConfig(table)
        .foreignKeys.map((fk) => keyOfName.get(getTableName(fk.reference().foreignTable)))
        .filter((parent): parent is keyof typeof tables => parent !== undefined && parent !== key),
    ]),
  );
  const order: (keyof typeof tables)[] = [];
  const placed = new Set<string>();
  const visit = (key: keyof typeof tables) => {
    if (placed.has(key)) return;
    placed.add(key);
    for (const parent of parents.get(key) ?? []) visit(parent);
    order.push(key);
  };
  for (const [key] of entries) visit(key);
  return order.reverse();
}

export async function wipeStore(db: Db): Promise<void> {
  const order = tablesChildrenFirst();
  await transaction(db, async (tx) => {
    for (const key of order) await tx.delete(tables[key]);
  });
}

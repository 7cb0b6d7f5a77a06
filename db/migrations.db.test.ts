import { describe, expect, it } from 'vitest';
import { getTableName, is, sql, Table } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { getStore, runSql } from './client';
import * as lite from './schema.sqlite';

/** The migrations folder of the store in use must build exactly the tables the schema describes. */
describe('migrations', () => {
  it('create every table and column of the schema, and nothing else', async () => {
    const store = getStore();
    const expected = Object.values(lite)
      .filter((v) => is(v, Table))
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .map((t) => ({ table: getTableName(t as Table), columns: getTableConfig(t as any).columns.map((c) => snakeCase(c.name)).sort() }))
      .sort((a, b) => a.table.localeCompare(b.table));

    const rows =
      store.dialect === 'pg'
        ? await runSql<{ table_name: string; column_name: string }>(
            store,
            sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
          )
        : await runSql<{ table_name: string; column_name: string }>(
            store,
            sql`SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__drizzle%'`,
          );
    const actual = new Map<string, string[]>();
    for (const r of rows) actual.set(r.table_name, [...(actual.get(r.table_name) ?? []), r.column_name]);
    const found = [...actual.entries()]
      .map(([table, columns]) => ({ table, columns: columns.sort() }))
      .sort((a, b) => a.table.localeCompare(b.table));
    expect(found).toEqual(expected);
  });
});

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

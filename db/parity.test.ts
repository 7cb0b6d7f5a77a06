import { describe, expect, it } from 'vitest';
import { getTableConfig as liteConfig } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableName, is, Table } from 'drizzle-orm';
import * as lite from './schema.sqlite';
import * as pg from './schema.pg';

/** What a table is, independent of dialect: columns with their constraints, indexes and references. */
function shape(config: ReturnType<typeof liteConfig> | ReturnType<typeof pgConfig>) {
  return {
    columns: config.columns
      .map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, unique: c.isUnique }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    indexes: config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(',')}->${getTableName(ref.foreignTable)}`;
      })
      .sort(),
  };
}

const tablesOf = (schema: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(schema).filter(([, v]) => is(v, Table)).map(([k, v]) => [k, v as Table]));

describe('schema parity between SQLite and Postgres', () => {
  const liteTables = tablesOf(lite);
  const pgTables = tablesOf(pg);

  it('defines the same tables', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(liteTables).sort());
    expect(Object.keys(liteTables).length).toBeGreaterThanOrEqual(20);
  });

  for (const name of Object.keys(liteTables)) {
    it(`table ${name} has the same columns, constraints, indexes and references`, () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const a = shape(liteConfig(liteTables[name] as any));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const b = shape(pgConfig(pgTables[name] as any));
      expect(b).toEqual(a);
      expect(getTableName(pgTables[name])).toBe(getTableName(liteTables[name]));
    });
  }
});

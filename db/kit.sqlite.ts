import { integer, real, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

type IdOf = (table: string) => SQLiteColumn;

/** Column kinds as SQLite stores them. Column names come from the property names (snake_case). */
export const liteKit = (idOf: IdOf) => ({
  id: () => integer().primaryKey({ autoIncrement: true }),
  text: () => text().notNull(),
  textNull: () => text(),
  uniqueText: () => text().notNull().unique(),
  int: () => integer().notNull(),
  intNull: () => integer(),
  real: () => real().notNull(),
  bool: () => integer({ mode: 'boolean' }).notNull(),
  timestamp: () => integer({ mode: 'timestamp_ms' }).notNull(),
  timestampNull: () => integer({ mode: 'timestamp_ms' }),
  json: () => text({ mode: 'json' }).notNull(),
  jsonNull: () => text({ mode: 'json' }),
  fk: (table: string) => integer().notNull().references(() => idOf(table)),
  fkNull: (table: string) => integer().references(() => idOf(table)),
  index,
  uniqueIndex,
});

import { integer, doublePrecision, text, boolean, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PgColumn } from 'drizzle-orm/pg-core';

type IdOf = (table: string) => PgColumn;

const instant = () => timestamp({ withTimezone: true, mode: 'date', precision: 3 });

/** The same column kinds as `kit.sqlite.ts`, in Postgres types. */
export const pgKit = (idOf: IdOf) => ({
  id: () => integer().primaryKey().generatedByDefaultAsIdentity(),
  text: () => text().notNull(),
  textNull: () => text(),
  uniqueText: () => text().notNull().unique(),
  int: () => integer().notNull(),
  intNull: () => integer(),
  real: () => doublePrecision().notNull(),
  bool: () => boolean().notNull(),
  timestamp: () => instant().notNull(),
  timestampNull: () => instant(),
  json: () => jsonb().notNull(),
  jsonNull: () => jsonb(),
  fk: (table: string) => integer().notNull().references(() => idOf(table)),
  fkNull: (table: string) => integer().references(() => idOf(table)),
  index,
  uniqueIndex,
});

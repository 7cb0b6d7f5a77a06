import { count } from 'drizzle-orm';
import type { Db, Dialect } from '@/db/client';
import { users } from '@/db/schema';
import type { Clock } from '@/lib/clock';

export interface SeedOptions {
  clock: Clock;
  /** How many historical cases to generate for myProgress (default: enough for the demo). */
  historicalCases?: number;
  log?: (line: string) => void;
}

/** A store is empty until it has its first account. */
export async function isStoreEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n) === 0;
}

/**
 * Whether `npm start` adds the demo data to an empty store. Only the embedded demo store: the demo
 * accounts share a published password, so a Postgres store (a real deployment) gets them only from
 * an explicit `npm run db:seed`.
 */
export function seedsDemoDataOnStart(dialect: Dialect): boolean {
  return dialect === 'sqlite';
}

export { seedDemoData, DEFAULT_HISTORICAL_CASES, type SeedSummary } from './seed-demo';

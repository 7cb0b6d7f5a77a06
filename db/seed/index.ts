import { count } from 'drizzle-orm';
import type { Db } from '@/db/client';
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

export { seedDemoData, DEFAULT_HISTORICAL_CASES, type SeedSummary } from './seed-demo';

/**
 * Counting API requests against a client's limits in the database (so every app instance shares
 * them) without making every request wait for its own commit.
 *
 * Requests that arrive while a count is being written join the next one: each write is one
 * transaction that adds, per client and second, how many requests arrived, and each request gets
 * its own place in the sequence back. Under load this is a group commit (one commit for many
 * requests, on SQLite as on Postgres); a request that arrives alone is written at once. The
 * counts are exactly what one update per request would give: the second's count takes every
 * request, the day's only those the second let through.
 */
import { eq, sql } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
import { apiClients } from '@/db/schema';
import { DAY } from '@/lib/clock';

export interface RequestCount {
  /** This request's place in its second (1 = the first). */
  second: number;
  /** Requests let through today, this one included (when the second let it through). */
  day: number;
}

interface Waiter {
  clientId: number;
  at: number;
  resolve(count: RequestCount): void;
  reject(error: unknown): void;
}

interface Lane {
  writing: boolean;
  waiting: Waiter[];
}

const lanes = new WeakMap<Db, Lane>();

export function countRequest(db: Db, clientId: number, at: Date, perSecond: number): Promise<RequestCount> {
  let lane = lanes.get(db);
  if (!lane) lanes.set(db, (lane = { writing: false, waiting: [] }));
  const promise = new Promise<RequestCount>((resolve, reject) => lane.waiting.push({ clientId, at: at.getTime(), resolve, reject }));
  if (!lane.writing) void drain(db, lane, perSecond);
  return promise;
}

async function drain(db: Db, lane: Lane, perSecond: number): Promise<void> {
  lane.writing = true;
  while (lane.waiting.length > 0) {
    const batch = lane.waiting.splice(0);
    try {
      await writeBatch(db, batch, perSecond);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
  lane.writing = false;
}

async function writeBatch(db: Db, batch: Waiter[], perSecond: number): Promise<void> {
  // One group per client and second, in arrival order.
  const groups = new Map<string, Waiter[]>();
  for (const waiter of batch) {
    const key = `${waiter.clientId}:${Math.floor(waiter.at / 1000)}`;
    groups.set(key, [...(groups.get(key) ?? []), waiter]);
  }
  const answers: [Waiter, RequestCount][] = [];
  await transaction(db, async (tx) => {
    for (const waiters of groups.values()) {
      const n = waiters.length;
      const second = new Date(Math.floor(waiters[0].at / 1000) * 1000);
      const day = new Date(Math.floor(waiters[0].at / DAY) * DAY);
      const before = sql`CASE WHEN ${apiClients.rateSecondStart} = ${sql.param(second, apiClients.rateSecondStart)} THEN ${apiClients.rateSecondCount} ELSE 0 END`;
      const letThrough = sql`CASE WHEN ${before} >= ${perSecond} THEN 0 WHEN ${before} + ${n} <= ${perSecond} THEN ${n} ELSE ${perSecond} - ${before} END`;
      const [counted] = await tx
        .update(apiClients)
        .set({
          rateSecondStart: second,
          rateSecondCount: sql`${before} + ${n}`,
          rateDayStart: day,
          rateDayCount: sql`CASE WHEN ${apiClients.rateDayStart} = ${sql.param(day, apiClients.rateDayStart)} THEN ${apiClients.rateDayCount} ELSE 0 END + ${letThrough}`,
        })
        .where(eq(apiClients.id, waiters[0].clientId))
        .returning({ second: apiClients.rateSecondCount, day: apiClients.rateDayCount });
      if (!counted) throw new Error(`API client ${waiters[0].clientId} not found while counting its requests`);
      const firstPlace = counted.second - n;
      const letThroughCount = Math.max(0, Math.min(n, perSecond - firstPlace));
      waiters.forEach((waiter, index) => {
        const place = firstPlace + index + 1;
        answers.push([waiter, { second: place, day: counted.day - letThroughCount + Math.min(index + 1, letThroughCount) }]);
      });
    }
  });
  for (const [waiter, count] of answers) waiter.resolve(count);
}

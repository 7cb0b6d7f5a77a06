import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiClients } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { fixedClock } from '@/lib/clock';
import { createApiClient } from './clients';
import { countRequest } from './rate-counter';

const db = () => getDb();
const clock = fixedClock('2026-10-20T15:00:00Z');

describe('counting API requests together', () => {
  it('gives 60 parallel requests of three clients, across two seconds, each its own place, as one update each would', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const clients = await Promise.all([1, 2, 3].map((n) => createApiClient(db(), clock, rita, { name: `Client ${n}`, environment: 'production' })));
    const ids = clients.map((c) => c.client.id);
    const first = new Date('2026-10-20T15:00:00.200Z');
    const next = new Date('2026-10-20T15:00:01.100Z');
    const calls = Array.from({ length: 60 }, (_, i) => ({ clientId: ids[i % 3], at: i < 36 ? first : next }));
    const counts = await Promise.all(calls.map((call) => countRequest(db(), call.clientId, call.at, 10)));

    for (const id of ids) {
      for (const at of [first, next]) {
        const mine = counts.filter((_, i) => calls[i].clientId === id && calls[i].at === at);
        expect(mine.map((c) => c.second).sort((a, b) => a - b)).toEqual(Array.from({ length: mine.length }, (_, i) => i + 1));
      }
      // 12 in the first second (10 let through), 8 in the next (all let through): 18 today, each once.
      const letThrough = counts.filter((c, i) => calls[i].clientId === id && c.second <= 10);
      expect(letThrough.map((c) => c.day).sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      const [row] = await db().select().from(apiClients).where(eq(apiClients.id, id));
      expect(row).toMatchObject({ rateSecondCount: 8, rateDayCount: 18 });
    }
  });
});

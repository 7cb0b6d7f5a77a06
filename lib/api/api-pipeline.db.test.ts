import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiIdempotencyKeys } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { DAY, MINUTE, fixedClock } from '@/lib/clock';
import { purgeSpentRecords } from '@/lib/housekeeping/purge';
import { jsonResponse, type Operation } from './endpoint';
import { parseJsonBody } from './request-input';
import { apiTestClient } from './testing/api-fixtures';
import { z } from 'zod';

const db = () => getDb();
const clock = fixedClock('2026-10-20T15:00:00Z');

/** An operation that counts its runs and can be held mid-run, to see what retries get meanwhile. */
function countingOperation() {
  let runs = 0;
  let hold: Promise<void> | null = null;
  const operation: Operation<object> = {
    id: 'testCreate',
    async handle({ request, body }) {
      const parsed = parseJsonBody(request, body, z.object({ name: z.string().min(1, 'Enter a name.') }));
      if (!parsed.ok) return parsed.response;
      runs += 1;
      if (hold) await hold;
      if (parsed.data.name === 'explode') throw new Error('secret internals');
      return jsonResponse({ run: runs, name: parsed.data.name }, 201, { Location: `/api/v1/things/${runs}` });
    },
  };
  return {
    operation,
    runs: () => runs,
    holdUntil: (release: Promise<void>) => {
      hold = release;
    },
    stopHolding: () => {
      hold = null;
    },
  };
}

describe('Idempotency-Key on POST', () => {
  it('replays the first answer, refuses the key with another body, answers 409 while the first runs, and runs again after 24 hours', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const api = await apiTestClient(db(), clock, rita);
    const counter = countingOperation();
    const post = (json: unknown, key?: string) => api.send(counter.operation, { json, headers: key ? { 'idempotency-key': key } : {} });

    const first = await post({ name: 'Ana' }, 'key-1');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ run: 1, name: 'Ana' });
    expect(first.headers.get('ratelimit')).toMatch(/^limit=10, remaining=\d+, reset=1$/);

    const replay = await post({ name: 'Ana' }, 'key-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe('/api/v1/things/1');
    expect(replay.headers.get('ratelimit')).toMatch(/^limit=10/);
    expect(await replay.json()).toEqual({ run: 1, name: 'Ana' });
    expect(counter.runs()).toBe(1);

    const otherBody = await post({ name: 'Beto' }, 'key-1');
    expect(otherBody.status).toBe(422);
    expect(otherBody.headers.get('content-type')).toBe('application/problem+json');
    expect(await otherBody.json()).toMatchObject({ code: 'idempotency-key-reused', errors: [{ header: 'Idempotency-Key' }] });

    // Without a key every POST runs.
    await post({ name: 'Ana' });
    await post({ name: 'Ana' });
    expect(counter.runs()).toBe(3);

    // A refusal is an answer too: the same key replays it.
    const invalid = await post({ name: '' }, 'key-2');
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ code: 'validation-failed', errors: [{ pointer: '/name', message: 'Enter a name.' }] });
    expect((await post({ name: '' }, 'key-2')).headers.get('idempotent-replayed')).toBe('true');

    // Three retries while the first is still running: each gets 409, and the first runs once.
    let release!: () => void;
    counter.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const running = post({ name: 'Carla' }, 'key-3');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const retries = await Promise.all([post({ name: 'Carla' }, 'key-3'), post({ name: 'Carla' }, 'key-3'), post({ name: 'Carla' }, 'key-3')]);
    expect(retries.map((r) => r.status)).toEqual([409, 409, 409]);
    expect(retries[0].headers.get('retry-after')).toBe('1');
    release();
    counter.stopHolding();
    expect((await running).status).toBe(201);
    expect((await post({ name: 'Carla' }, 'key-3')).headers.get('idempotent-replayed')).toBe('true');
    expect(counter.runs()).toBe(4);

    // Kept 24 hours: after that the key is new again, and housekeeping deletes what has expired.
    clock.advance(DAY);
    const later = await post({ name: 'Beto' }, 'key-1');
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    clock.advance(DAY);
    const purged = await purgeSpentRecords(db(), clock);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(3);
  });

  it('does not keep a failure on our side, takes over a key abandoned mid-request, and refuses a malformed key', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const api = await apiTestClient(db(), clock, rita);
    const counter = countingOperation();
    const post = (json: unknown, key: string) => api.send(counter.operation, { json, headers: { 'idempotency-key': key } });

    const failed = await post({ name: 'explode' }, 'key-500');
    expect(failed.status).toBe(500);
    const problem = await failed.json();
    expect(problem).toMatchObject({ code: 'internal-error', status: 500 });
    expect(JSON.stringify(problem)).not.toContain('secret internals');
    expect(await db().select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.key, 'key-500'))).toHaveLength(0);
    expect((await post({ name: 'explode' }, 'key-500')).status).toBe(500);
    expect(counter.runs()).toBe(2);

    // A process died while running it: the claim stays without an answer; five minutes on, a retry runs.
    let release!: () => void;
    counter.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const stuck = post({ name: 'Dora' }, 'key-stuck');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await post({ name: 'Dora' }, 'key-stuck')).status).toBe(409);
    clock.advance(5 * MINUTE);
    counter.stopHolding();
    const takenOver = await post({ name: 'Dora' }, 'key-stuck');
    expect(takenOver.status).toBe(201);
    release();
    await stuck;

    for (const key of ['', 'ü-not-ascii', 'x'.repeat(256), 'has space']) {
      const refused = await api.send(counter.operation, { json: { name: 'Ana' }, headers: { 'idempotency-key': key } });
      expect(refused.status, key).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'invalid-idempotency-key', errors: [{ header: 'Idempotency-Key' }] });
    }
  });
});

describe('what every answer carries', () => {
  it('announces a deprecated operation with Deprecation, Sunset and a link to the changelog', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const api = await apiTestClient(db(), clock, rita);
    const operation: Operation<object> = { id: 'oldThing', handle: async () => jsonResponse({ ok: true }) };
    const deprecations = { oldThing: { deprecatedAt: new Date('2026-11-01T00:00:00Z'), sunsetAt: new Date('2027-05-01T00:00:00Z'), link: '/developers#changelog' } };
    const answer = await api.send(operation, { deprecations });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('deprecation')).toBe(`@${Date.parse('2026-11-01T00:00:00Z') / 1000}`);
    expect(answer.headers.get('sunset')).toBe('Sat, 01 May 2027 00:00:00 GMT');
    expect(answer.headers.get('link')).toBe('</developers#changelog>; rel="deprecation"; type="text/html"');
    const current = await api.send(operation, { deprecations: {} });
    expect(current.headers.get('deprecation')).toBeNull();
    expect(current.headers.get('sunset')).toBeNull();
  });

  it('answers whatever body arrives with problem details, never a 5xx', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const api = await apiTestClient(db(), clock, rita);
    const { operation } = countingOperation();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), fc.constantFrom('application/json', 'text/plain', 'application/merge-patch+json'), async (body, type) => {
        const answer = await api.send(operation, { method: 'POST', body, headers: { 'content-type': type } });
        statuses.add(answer.status);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.headers.get('content-type')).toBe('application/problem+json');
      }),
      { numRuns: 60 },
    );
    expect([...statuses].sort()).toEqual(expect.arrayContaining([415]));
  });
});

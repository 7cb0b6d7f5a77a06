/**
 * `Idempotency-Key` on every POST of the API: a client that lost the answer can send the request
 * again and get the first answer, not a second linking or a second appointment request.
 *
 * The key is claimed with one insert on (client, key), unique in the store, so of any number of
 * parallel retries exactly one runs; the others get 409 while it runs and its answer after. The
 * same key with another method, path or body is refused with 422. Keys are kept 24 hours. A
 * claim left by a process that died mid-request is taken over after five minutes, so a key never
 * stays stuck. An answer of 5xx is not kept: the failure may pass, and the retry should run.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiIdempotencyKeys, type ApiClient } from '@/db/schema';
import { DAY, MINUTE, type Clock } from '@/lib/clock';
import { problemResponse } from './problem';

export const IDEMPOTENCY_KEY_LIFETIME_MS = DAY;
/** A first request still "running" after this long belongs to a process that died. */
export const ABANDONED_AFTER_MS = 5 * MINUTE;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Headers of the first answer that a replay repeats; the rate-limit headers are the retry's own. */
const KEPT_HEADERS = ['content-type', 'location', 'cache-control'];

export function requestFingerprint(method: string, url: string, body: string): string {
  const { pathname, search } = new URL(url);
  return createHash('sha256').update(`${method.toUpperCase()} ${pathname}${search}\n`).update(body).digest('hex');
}

/**
 * Runs `run` once per (client, Idempotency-Key), or answers as the key's first use did. Without a
 * key, `run` simply runs. `body` is the request body as sent (already read by the caller).
 */
export async function idempotent(
  db: Db,
  clock: Clock,
  client: ApiClient,
  request: Request,
  body: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return run();
  if (!KEY_PATTERN.test(key)) {
    return problemResponse({
      status: 400,
      code: 'invalid-idempotency-key',
      title: 'Invalid Idempotency-Key',
      detail: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.',
      errors: [{ header: 'Idempotency-Key', message: 'Use 1 to 255 visible ASCII characters, such as a UUID.' }],
    });
  }
  const fingerprint = requestFingerprint(request.method, request.url, body);
  const claimed = await claim(db, clock, client.id, key, fingerprint);
  if (claimed !== 'claimed') return claimed;

  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await release(db, client.id, key);
    throw error;
  }
  if (response.status >= 500) {
    await release(db, client.id, key);
    return response;
  }
  const responseBody = await response.clone().text();
  const responseHeaders = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
  await db
    .update(apiIdempotencyKeys)
    .set({ responseStatus: response.status, responseBody, responseHeaders })
    .where(and(eq(apiIdempotencyKeys.apiClientId, client.id), eq(apiIdempotencyKeys.key, key)));
  return response;
}

async function claim(db: Db, clock: Clock, apiClientId: number, key: string, requestHash: string): Promise<'claimed' | Response> {
  const now = clock.now();
  const fresh = { requestHash, responseStatus: null, responseBody: null, responseHeaders: null, createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_LIFETIME_MS) };
  const [inserted] = await db
    .insert(apiIdempotencyKeys)
    .values({ apiClientId, key, ...fresh })
    .onConflictDoNothing({ target: [apiIdempotencyKeys.apiClientId, apiIdempotencyKeys.key] })
    .returning({ id: apiIdempotencyKeys.id });
  if (inserted) return 'claimed';

  const [existing] = await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, apiClientId), eq(apiIdempotencyKeys.key, key)));
  if (!existing) return claim(db, clock, apiClientId, key, requestHash); // purged meanwhile
  const expired = existing.expiresAt <= now;
  const abandoned = existing.responseStatus === null && existing.createdAt.getTime() <= now.getTime() - ABANDONED_AFTER_MS;
  if (expired || abandoned) {
    // Taken over by one conditional update: of two retries arriving together, one wins.
    const [taken] = await db
      .update(apiIdempotencyKeys)
      .set(fresh)
      .where(
        and(
          eq(apiIdempotencyKeys.id, existing.id),
          eq(apiIdempotencyKeys.createdAt, existing.createdAt),
          or(lte(apiIdempotencyKeys.expiresAt, now), isNull(apiIdempotencyKeys.responseStatus)),
        ),
      )
      .returning({ id: apiIdempotencyKeys.id });
    if (taken) return 'claimed';
    return claim(db, clock, apiClientId, key, requestHash);
  }
  if (existing.requestHash !== requestHash) {
    return problemResponse({
      status: 422,
      code: 'idempotency-key-reused',
      title: 'Idempotency-Key already used for another request',
      detail: 'This Idempotency-Key was first sent with a different request (method, address or body). Use a new key for a new request.',
      errors: [{ header: 'Idempotency-Key', message: 'Use a new key for a new request.' }],
    });
  }
  if (existing.responseStatus === null) {
    return problemResponse(
      {
        status: 409,
        code: 'idempotency-request-in-progress',
        title: 'The first request with this Idempotency-Key is still running',
        detail: 'Wait a moment and send the same request again with the same key: you will get its answer.',
      },
      { 'Retry-After': '1' },
    );
  }
  return new Response(existing.responseBody, {
    status: existing.responseStatus,
    headers: { ...(existing.responseHeaders ?? {}), 'Idempotent-Replayed': 'true' },
  });
}

async function release(db: Db, apiClientId: number, key: string): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, apiClientId), eq(apiIdempotencyKeys.key, key), isNull(apiIdempotencyKeys.responseStatus)));
}

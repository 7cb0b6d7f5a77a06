/**
 * Who is calling the API: the bearer token's client and the representative it acts for (never
 * more than that person's rights), within the client's rate limits, counted in the database so
 * every app instance shares them: 10 requests a second and 10,000 a day by default. Every answer
 * says where the caller stands (`RateLimit-Policy`, `RateLimit`); over a limit, 429 with
 * `Retry-After`. Windows are fixed: each second, and each day from midnight UTC. Requests arriving
 * together are counted in one write (rate-counter.ts).
 */
import type { Db } from '@/db/client';
import type { ApiClient, User } from '@/db/schema';
import { DAY, type Clock } from '@/lib/clock';
import { tokenOwner } from './clients';
import { problemResponse } from './problem';
import { countRequest } from './rate-counter';

/** Requests a client may make in a second and in a day (UTC), by default as the USCIS production API allows. */
export const PER_SECOND = Number(process.env.API_RATE_PER_SECOND ?? 10);
export const PER_DAY = Number(process.env.API_RATE_PER_DAY ?? 10_000);

export interface ApiCaller {
  client: ApiClient;
  user: User;
  /** Headers every answer to this caller carries. */
  headers: Record<string, string>;
}

const bearer = (header: string | null) => {
  const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]{10,200})$/i.exec(header.trim()) : null;
  return match ? match[1] : null;
};

export async function apiCaller(db: Db, clock: Clock, request: Request): Promise<ApiCaller | Response> {
  const token = bearer(request.headers.get('authorization'));
  const owner = token ? await tokenOwner(db, clock, token) : null;
  if (!owner) {
    return problemResponse(
      { status: 401, code: 'invalid-token', title: 'Not authenticated', detail: token ? 'The access token is expired, revoked or unknown: get a new one from /api/v1/oauth/token.' : 'Send an access token: Authorization: Bearer <token> (from /api/v1/oauth/token).' },
      { 'WWW-Authenticate': token ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"' },
    );
  }
  const now = clock.now().getTime();
  const counted = await countRequest(db, owner.client.id, clock.now(), PER_SECOND);
  const policy = `${PER_SECOND};w=1, ${PER_DAY};w=86400`;
  const secondReset = Math.max(1, Math.ceil((Math.floor(now / 1000) * 1000 + 1000 - now) / 1000));
  const dayReset = Math.max(1, Math.ceil((Math.floor(now / DAY) * DAY + DAY - now) / 1000));
  const daily = counted.second <= PER_SECOND && counted.day > PER_DAY;
  if (counted.second > PER_SECOND || daily) {
    const seconds = daily ? dayReset : secondReset;
    return problemResponse(
      {
        status: 429,
        code: 'rate-limited',
        title: 'Too many requests',
        detail: `This client has used its ${daily ? `${PER_DAY} requests for the day (UTC)` : `${PER_SECOND} requests for this second`}: try again in ${seconds} seconds.`,
      },
      { 'Retry-After': String(seconds), 'RateLimit-Policy': policy, RateLimit: `limit=${daily ? PER_DAY : PER_SECOND}, remaining=0, reset=${seconds}` },
    );
  }
  const remaining = Math.min(PER_SECOND - counted.second, PER_DAY - counted.day);
  return { ...owner, headers: { 'RateLimit-Policy': policy, RateLimit: `limit=${PER_SECOND}, remaining=${Math.max(0, remaining)}, reset=${secondReset}` } };
}

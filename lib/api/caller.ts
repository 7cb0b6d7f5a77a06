/**
 * Who is calling the API: the bearer token's client and the representative it acts for (never
 * more than that person's rights), within the client's rate limits, counted in the database so
 * every app instance shares them: 10 requests a second and 10,000 a day by default. Every answer
 * says where the caller stands (`RateLimit-Policy`, `RateLimit`); over a limit, 429 with
 * `Retry-After`.
 */
import type { Db } from '@/db/client';
import type { ApiClient, User } from '@/db/schema';
import { DAY, type Clock } from '@/lib/clock';
import { reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { tokenOwner } from './clients';
import { problemResponse } from './problem';

export const PER_SECOND: ThrottleRule = { kind: 'window', limit: Number(process.env.API_RATE_PER_SECOND ?? 10), periodMs: 1000 };
export const PER_DAY: ThrottleRule = { kind: 'window', limit: Number(process.env.API_RATE_PER_DAY ?? 10_000), periodMs: DAY };

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
  const perSecond = await reserveAttempt(db, clock, `api:${owner.client.clientId}:second`, PER_SECOND);
  const perDay = perSecond.ok ? await reserveAttempt(db, clock, `api:${owner.client.clientId}:day`, PER_DAY) : null;
  const policy = `${PER_SECOND.limit};w=1, ${PER_DAY.limit};w=86400`;
  const refused = !perSecond.ok ? perSecond : perDay && !perDay.ok ? perDay : null;
  if (refused) {
    const seconds = Math.max(1, Math.ceil((refused.blockedUntil.getTime() - now) / 1000));
    const daily = perSecond.ok;
    return problemResponse(
      {
        status: 429,
        code: 'rate-limited',
        title: 'Too many requests',
        detail: `This client has used its ${daily ? `${PER_DAY.limit} requests for the day` : `${PER_SECOND.limit} requests for this second`}: try again in ${seconds} seconds.`,
      },
      { 'Retry-After': String(seconds), 'RateLimit-Policy': policy, RateLimit: `limit=${daily ? PER_DAY.limit : PER_SECOND.limit}, remaining=0, reset=${seconds}` },
    );
  }
  const remaining = perSecond.ok ? PER_SECOND.limit - perSecond.count : 0;
  return { ...owner, headers: { 'RateLimit-Policy': policy, RateLimit: `limit=${PER_SECOND.limit}, remaining=${Math.max(0, remaining)}, reset=1` } };
}

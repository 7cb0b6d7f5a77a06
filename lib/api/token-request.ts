/**
 * POST /api/v1/oauth/token (RFC 6749 §4.4): `grant_type=client_credentials`, the client
 * authenticated by HTTP Basic (RFC 6749 §2.3.1: id and secret form-urlencoded, then base64) or by
 * `client_id` and `client_secret` form fields, never both. Answers a bearer token that lives 30
 * minutes, or problem details that also carry RFC 6749's `error` code. The form's shape is
 * tokenRequestSchema (lib/api/schemas.ts), which the OpenAPI document shows.
 */
import type { Db } from '@/db/client';
import type { Clock } from '@/lib/clock';
import { MINUTE } from '@/lib/clock';
import { reserveAttempt, type ThrottleRule } from '@/lib/security/throttle';
import { authenticateApiClient, issueAccessToken } from './clients';
import { problemResponse } from './problem';
import { tokenRequestSchema, type TokenResponse } from './schemas';

/** Token requests per client id: ample for a vendor refreshing every 30 minutes, few for guessing a secret. */
export const TOKEN_REQUESTS: ThrottleRule = { kind: 'window', limit: 60, periodMs: 10 * MINUTE };

const oauthProblem = (status: number, error: string, title: string, detail: string, headers: Record<string, string> = {}) =>
  problemResponse({ status, code: error.replace(/_/g, '-'), title, detail, extra: { error, error_description: detail } }, headers);

function basicCredentials(header: string | null): { clientId: string; secret: string } | null | 'malformed' {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !value) return 'malformed';
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    return { clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    return 'malformed';
  }
}

export async function tokenEndpoint(db: Db, clock: Clock, request: Request): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthProblem(400, 'invalid_request', 'Bad token request', 'Send the token request as application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(await request.text());
  // The first value of each member; one sent without a value counts as missing (RFC 6749 §3.2).
  const fields = Object.fromEntries(['grant_type', 'client_id', 'client_secret'].map((name) => [name, form.get(name) || undefined]));
  const parsed = tokenRequestSchema.safeParse(fields);
  if (!parsed.success) {
    // grant_type is the only member the schema can refuse: missing, or a grant this server does not offer.
    return fields.grant_type
      ? oauthProblem(400, 'unsupported_grant_type', 'Unsupported grant type', 'Only grant_type=client_credentials is supported.')
      : oauthProblem(400, 'invalid_request', 'Bad token request', 'grant_type is missing: use grant_type=client_credentials.');
  }

  const basic = basicCredentials(request.headers.get('authorization'));
  const { client_id: formId, client_secret: formSecret } = parsed.data;
  if (basic === 'malformed') return oauthProblem(400, 'invalid_request', 'Bad token request', 'The Authorization header must be Basic with the client id and secret.');
  if (basic && (formId || formSecret)) return oauthProblem(400, 'invalid_request', 'Bad token request', 'Authenticate the client one way: the Authorization header or the form fields, not both.');
  const credentials = basic ?? (formId && formSecret ? { clientId: formId, secret: formSecret } : null);
  const unauthorised = (detail: string) => oauthProblem(401, 'invalid_client', 'Client authentication failed', detail, { 'WWW-Authenticate': 'Basic realm="api", charset="UTF-8"' });
  if (!credentials) return unauthorised('Give the client id and secret (HTTP Basic, or client_id and client_secret).');

  const allowance = await reserveAttempt(db, clock, `api-token:${credentials.clientId.slice(0, 100)}`, TOKEN_REQUESTS);
  if (!allowance.ok) {
    const seconds = Math.max(1, Math.ceil((allowance.blockedUntil.getTime() - clock.now().getTime()) / 1000));
    return problemResponse(
      { status: 429, code: 'too-many-token-requests', title: 'Too many token requests', detail: `Too many token requests for this client: try again in ${seconds} seconds. A token lasts 30 minutes.` },
      { 'Retry-After': String(seconds) },
    );
  }
  const found = await authenticateApiClient(db, clock, credentials.clientId, credentials.secret);
  if (!found) return unauthorised('The client id or secret is wrong, or the client was revoked.');
  const { token, expiresInSeconds } = await issueAccessToken(db, clock, found.client);
  const answer: TokenResponse = { access_token: token, token_type: 'Bearer', expires_in: expiresInSeconds };
  return Response.json(answer, { headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } });
}

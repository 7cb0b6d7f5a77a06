import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiClients, auditLog } from '@/db/schema';
import { createTestUser } from '@/lib/auth/testing/accounts';
import { DAY, fixedClock, MINUTE } from '@/lib/clock';
import { authenticateApiClient, createApiClient, issueAccessToken, revokeApiClient, rotateApiClientSecret, tokenOwner } from './clients';
import { documented } from './testing/openapi-validation';
import { tokenEndpoint as answerTokenRequest } from './token-request';

const db = () => getDb();
const clock = fixedClock('2026-10-20T15:00:00Z');
const later = (ms: number) => fixedClock(new Date(clock.now().getTime() + ms));

const tokenRequest = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/v1/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
/** The token endpoint, every answer checked against the OpenAPI document. */
const tokenEndpoint: typeof answerTokenRequest = async (...args) => documented('requestToken', await answerTokenRequest(...args));
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('API credentials', () => {
  it('are for representatives, keep only a hash of the secret, and are audited', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const { client, secret } = await createApiClient(db(), clock, rita, { name: 'Case manager', environment: 'sandbox' });
    expect(client.clientId).toMatch(/^test_/);
    expect(secret).toMatch(/^sec_[\w-]{43}$/);
    const [stored] = await db().select().from(apiClients).where(eq(apiClients.id, client.id));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await authenticateApiClient(db(), clock, client.clientId, secret))?.user.id).toBe(rita.id);
    expect(await authenticateApiClient(db(), clock, client.clientId, `${secret}x`)).toBeNull();
    const applicant = await createTestUser(db(), clock);
    await expect(createApiClient(db(), clock, applicant, { name: 'x', environment: 'production' })).rejects.toThrow(/representatives/);
    const audits = await db().select().from(auditLog).where(eq(auditLog.objectId, client.clientId));
    expect(audits.map((a) => a.action)).toEqual(['api_client.create']);
  });

  it('rotate with 14 days in which both secrets work; revoke stops the client and its tokens at once', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const { client, secret: first } = await createApiClient(db(), clock, rita, { name: 'Case manager', environment: 'production' });
    const token = (await issueAccessToken(db(), clock, client)).token;
    const rotated = await rotateApiClientSecret(db(), clock, rita, client.clientId);
    expect(rotated).not.toBeNull();
    expect(await authenticateApiClient(db(), later(13 * DAY), client.clientId, first)).not.toBeNull();
    expect(await authenticateApiClient(db(), later(13 * DAY), client.clientId, rotated!.secret)).not.toBeNull();
    expect(await authenticateApiClient(db(), later(14 * DAY + 1), client.clientId, first)).toBeNull();
    expect(await authenticateApiClient(db(), later(14 * DAY + 1), client.clientId, rotated!.secret)).not.toBeNull();
    // Someone else cannot rotate or revoke it.
    const other = await createTestUser(db(), clock, { role: 'representative' });
    expect(await rotateApiClientSecret(db(), clock, other, client.clientId)).toBeNull();
    expect(await revokeApiClient(db(), clock, other, client.clientId)).toBe(false);

    expect((await tokenOwner(db(), later(29 * MINUTE), token))?.client.id).toBe(client.id);
    expect(await tokenOwner(db(), later(30 * MINUTE), token)).toBeNull();
    expect(await revokeApiClient(db(), clock, rita, client.clientId)).toBe(true);
    expect(await tokenOwner(db(), later(MINUTE), token)).toBeNull();
    expect(await authenticateApiClient(db(), clock, client.clientId, rotated!.secret)).toBeNull();
  });
});

describe('POST /api/v1/oauth/token', () => {
  it('issues a 30-minute bearer token to a client authenticated by HTTP Basic or by form fields', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const { client, secret } = await createApiClient(db(), clock, rita, { name: 'Case manager', environment: 'sandbox' });
    const byBasic = await tokenEndpoint(db(), clock, tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, secret) }));
    expect(byBasic.status).toBe(200);
    expect(byBasic.headers.get('cache-control')).toBe('no-store');
    const body = await byBasic.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 1800 });
    expect((await tokenOwner(db(), clock, body.access_token))?.user.id).toBe(rita.id);
    const byForm = await tokenEndpoint(db(), clock, tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }));
    expect(byForm.status).toBe(200);
  });

  it('answers problem details with the OAuth error for every refusal', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const { client, secret } = await createApiClient(db(), clock, rita, { name: 'Case manager', environment: 'sandbox' });
    const cases: [Request, number, string][] = [
      [tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, 'wrong') }), 401, 'invalid_client'],
      [tokenRequest({ grant_type: 'client_credentials' }), 401, 'invalid_client'],
      [tokenRequest({ grant_type: 'password' }, { authorization: basic(client.clientId, secret) }), 400, 'unsupported_grant_type'],
      [tokenRequest({}, { authorization: basic(client.clientId, secret) }), 400, 'invalid_request'],
      [tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret }, { authorization: basic(client.clientId, secret) }), 400, 'invalid_request'],
      [tokenRequest({ grant_type: 'client_credentials' }, { authorization: 'Bearer abc' }), 400, 'invalid_request'],
      [new Request('http://localhost/api/v1/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'invalid_request'],
    ];
    for (const [request, status, error] of cases) {
      const response = await tokenEndpoint(db(), clock, request);
      expect(response.status, error).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await response.json();
      expect(problem).toMatchObject({ status, error, code: error.replace(/_/g, '-'), type: `urn:immigration-portal:problem:${error.replace(/_/g, '-')}` });
      expect(problem.title).toBeTruthy();
      expect(problem.detail).toBeTruthy();
      if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
  });

  it('limits token requests per client id, saying when to try again', async () => {
    const rita = await createTestUser(db(), clock, { role: 'representative' });
    const { client } = await createApiClient(db(), clock, rita, { name: 'Guessed', environment: 'production' });
    const guesses = await Promise.all(
      Array.from({ length: 70 }, () => tokenEndpoint(db(), clock, tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, 'guess') }))),
    );
    expect(guesses.filter((r) => r.status === 401)).toHaveLength(60);
    const limited = guesses.filter((r) => r.status === 429);
    expect(limited).toHaveLength(10);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

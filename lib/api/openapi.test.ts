import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { oas31 } from 'zod-openapi';
import { API_BASE_PATH, buildOpenApiDocument, openApiDocument } from './openapi';
import { API_OPERATIONS } from './operations';
import { documented, documentedOperation, undocumentedInAnswer } from './testing/openapi-validation';

const document = buildOpenApiDocument();
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every `$ref` in a value, with where it was found. */
function refsIn(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' && typeof item === 'string' ? [[at, item] as [string, string]] : refsIn(item, `${at}/${key}`)));
}

const pointTo = (ref: string) =>
  ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);

/** The routes under app/api/v1 as "METHOD /path" in the document's terms ("/cases/{receipt}"). */
function routesOnDisk(): string[] {
  const root = path.join(process.cwd(), 'app', 'api', 'v1');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      if (entry.name !== 'route.ts') return [];
      const route = `/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
      const source = readFileSync(full, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(([, method]) => method);
      return methods.map((method) => `${method} ${route}`);
    });
  return walk(root).sort();
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the API’s title, version, server and security schemes', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Immigration Self-Service Portal API', version: '1.1.0' });
    expect(document.servers).toEqual([expect.objectContaining({ url: API_BASE_PATH })]);
    const schemes = document.components?.securitySchemes as Record<string, oas31.SecuritySchemeObject>;
    expect(schemes.clientCredentials).toMatchObject({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: {} } } });
    expect(schemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(document.components?.headers ?? {})).toEqual(expect.arrayContaining(['RateLimit', 'RateLimit-Policy', 'Retry-After', 'X-Request-Id']));
  });

  it('uses the portal’s address when PORTAL_URL gives it', () => {
    const hosted = buildOpenApiDocument({ portalUrl: 'https://my.agency.example/' });
    expect(hosted.servers?.[0].url).toBe('https://my.agency.example/api/v1');
    expect(JSON.stringify(hosted.components?.securitySchemes)).toContain('"tokenUrl":"https://my.agency.example/api/v1/oauth/token"');
  });

  it('has every declared operation once, under its path and method, with a unique operationId', () => {
    const ids = API_OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of API_OPERATIONS) {
      const found = (document.paths?.[operation.path] as oas31.PathItemObject | undefined)?.[operation.method];
      expect(found?.operationId, `${operation.method} ${operation.path}`).toBe(operation.operationId);
      expect(found?.summary).toBeTruthy();
      expect(found?.tags?.length).toBeGreaterThan(0);
    }
    const inDocument = Object.values(document.paths ?? {}).flatMap((item) => METHODS.filter((m) => (item as oas31.PathItemObject)[m]));
    expect(inDocument).toHaveLength(API_OPERATIONS.length);
  });

  it('describes exactly the routes under app/api/v1, no more and no fewer', () => {
    const declared = API_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(declared, 'declare each route’s operation in lib/api/operations.ts').toEqual(routesOnDisk());
  });

  it('resolves every $ref', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const [at, ref] of refs) {
      expect(ref.startsWith('#/'), `${at}: ${ref}`).toBe(true);
      expect(pointTo(ref), `${at}: ${ref}`).toBeDefined();
    }
  });

  it('gives every error answer a Problem body and every answer X-Request-Id; token-protected operations their 401 and 429', () => {
    for (const operation of API_OPERATIONS) {
      const { operation: found } = documentedOperation(operation.operationId);
      for (const [status, answer] of Object.entries(found.responses ?? {}) as [string, oas31.ResponseObject][]) {
        expect(answer.headers?.['X-Request-Id'], `${operation.operationId} ${status}`).toEqual({ $ref: '#/components/headers/X-Request-Id' });
        if (status.startsWith('4')) expect(answer.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
      if (operation.auth === 'token') {
        expect(Object.keys(found.responses ?? {})).toEqual(expect.arrayContaining(['401', '429']));
        expect((found.responses?.['429'] as oas31.ResponseObject).headers).toHaveProperty('Retry-After');
      }
    }
  });

  it('gives an idempotent operation its Idempotency-Key header and its 409 and 422 answers', () => {
    const linked = buildOpenApiDocument({
      operations: [
        {
          method: 'post',
          path: '/things',
          operationId: 'createThing',
          summary: 'Create a thing',
          description: 'A thing.',
          tags: ['Cases'],
          auth: 'token',
          idempotent: true,
          request: { body: { contentType: 'application/json', schema: z.object({ name: z.string() }) } },
          responses: { 201: { description: 'Created.', schema: z.object({ id: z.string() }) } },
        },
      ],
    });
    const post = (linked.paths?.['/things'] as oas31.PathItemObject).post!;
    expect(post.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'Idempotency-Key', description: expect.stringContaining('24 hours') })]);
    expect((post.parameters?.[0] as oas31.ParameterObject).required).not.toBe(true);
    expect(Object.keys(post.responses ?? {})).toEqual(['201', '401', '409', '422', '429', '503']);
  });

  it('is built once per process and served at GET /api/v1/openapi.json as cacheable JSON', async () => {
    expect(openApiDocument()).toBe(openApiDocument());
    const { GET } = await import('@/app/api/v1/openapi.json/route');
    const answer = await documented('getOpenApiDocument', GET());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await answer.json()).toEqual(openApiDocument());
  });
});

describe('checking an answer against the document', () => {
  const problem = { type: 'urn:immigration-portal:problem:case-not-found', title: 'Case not found', status: 404, detail: 'No case.', code: 'case-not-found' };
  const limits = { RateLimit: 'limit=10, remaining=9, reset=1', 'RateLimit-Policy': '10;w=1, 10000;w=86400' };
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}, type = 'application/json') =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
  const aCase = {
    receiptNumber: 'IOE0912345678',
    formType: 'I-485',
    classification: null,
    receivedOn: '2026-02-20',
    state: 'pending',
    office: { code: 'PHO', name: 'Phoenix Field Office' },
    latestStatus: { code: 'case_was_received', title: 'Case Was Received', on: '2026-02-20' },
    history: [{ code: 'case_was_received', title: 'Case Was Received', on: '2026-02-20' }],
  };

  it('accepts answers as documented, and leaves their body to read', async () => {
    const answer = json(aCase, 200, limits);
    expect(await undocumentedInAnswer('getCase', answer)).toEqual([]);
    expect(await answer.json()).toEqual(aCase);
    expect(await undocumentedInAnswer('getCase', json(problem, 404, limits, 'application/problem+json'))).toEqual([]);
  });

  it('finds an undeclared status, another content type, a wrong or missing member, an undocumented member and a missing header', async () => {
    const found = async (answer: Response) => (await undocumentedInAnswer('getCase', answer)).join('\n');
    expect(await found(json(problem, 409, limits, 'application/problem+json'))).toMatch(/declares no 409 answer/);
    expect(await found(json(problem, 404, limits))).toMatch(/content type application\/json is not one the document declares/);
    expect(await found(json({ ...aCase, state: 'lost' }, 200, limits))).toMatch(/\/state must be equal to one of the allowed values/);
    expect(await found(json({ ...aCase, receivedOn: '20 Feb 2026' }, 200, limits))).toMatch(/\/receivedOn must match format "date"/);
    const { history: _history, ...withoutHistory } = aCase;
    expect(await found(json(withoutHistory, 200, limits))).toMatch(/must have required property 'history'/);
    expect(await found(json({ ...aCase, applicantName: 'Ana' }, 200, limits))).toMatch(/must NOT have additional properties: applicantName/);
    expect(await found(json({ ...aCase, office: { ...aCase.office, phone: '555' } }, 200, limits))).toMatch(/\/office must NOT have additional properties: phone/);
    expect(await found(json(aCase))).toMatch(/header RateLimit is declared as always sent, but is missing/);
    expect(await found(json(problem, 429, { ...limits, 'Retry-After': 'soon' }, 'application/problem+json'))).toMatch(/header Retry-After/);
    await expect(undocumentedInAnswer('noSuchOperation', json(aCase))).rejects.toThrow(/no operation noSuchOperation/);
  });
});

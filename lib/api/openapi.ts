/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints validate with
 * (lib/api/schemas.ts) and the operations declared in lib/api/operations.ts, by zod-openapi.
 * Served at GET /api/v1/openapi.json, rendered at /developers, linted in CI (npm run api:lint) and
 * used by the tests to check every answer they see (lib/api/testing/openapi-validation.ts).
 *
 * An operation says what it is once (method, path, summary, description, tags, who may call it,
 * its request and its answers); what every operation of the same kind shares is added here: the
 * security requirement, the rate-limit headers, `X-Request-Id`, and the Problem body of every
 * error answer.
 */
import * as z from 'zod';
import { createDocument, type oas31, type ZodOpenApiObject, type ZodOpenApiOperationObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { API_OPERATIONS } from './operations';
import { idempotencyKeySchema, problemSchema } from './schemas';

export const API_BASE_PATH = '/api/v1';
export const OPENAPI_DOCUMENT_PATH = `${API_BASE_PATH}/openapi.json`;
export const TOKEN_PATH = `${API_BASE_PATH}/oauth/token`;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The groups of the reference, in the order it shows them. */
export const API_TAGS = {
  Authentication: 'OAuth 2.0 client credentials: exchange a client id and secret for a 30-minute bearer token.',
  Cases: 'The cases of the representative’s clients, as the portal shows them to the representative.',
  Linking: 'Linking paper-filed cases with their online access codes, up to 100 at a time.',
  Appointments: 'In-person appointment requests about a client’s case, reviewed by the agency’s officers.',
  Biometrics: 'Biometrics appointments: whether one may be rescheduled online, open times at the centres, and the reschedule.',
  Callbacks: 'Contact Center callbacks: ask to be called, see where it stands, cancel.',
  Uploads: 'Evidence files up to 1 GiB for a client’s case, in resumable chunks, checked by SHA-256 and by their bytes’ type.',
  Webhooks: 'Events about the clients’ cases, delivered to your address and signed per the Standard Webhooks specification.',
  Sandbox: 'Sandbox credentials only: the test data set and its documented scenarios.',
  Documentation: 'This API’s own description, for HTTP clients and client generators.',
} as const;
export type ApiTag = keyof typeof API_TAGS;

/**
 * Headers declared once in the document's components and referred to by name. Each is sent every
 * time it is declared for an answer, so each is `required`. `X-Request-Id` is on every answer
 * (proxy.ts puts it there, in front of every handler).
 */
const header = (description: string, schema: z.ZodString, example: string) => schema.meta({ description, example, header: { required: true } });
export const API_HEADERS = {
  'X-Request-Id': header(
    'The request’s id, in every answer: quote it when you contact us. Send your own `X-Request-Id` (8 to 64 letters, digits and `._:-`) to have it used instead.',
    z.string(),
    '6f1c2a0e-8a4b-4f7e-9d2b-1c0b7f5e3a10',
  ),
  RateLimit: header(
    'Where the client stands against its limit: `limit`, `remaining` requests and seconds to `reset` (IETF draft-ietf-httpapi-ratelimit-headers).',
    z.string(),
    'limit=10, remaining=9, reset=1',
  ),
  'RateLimit-Policy': header('The client’s limits: 10 requests a second (`w=1`) and 10,000 a day (`w=86400`).', z.string(), '10;w=1, 10000;w=86400'),
  'Retry-After': header('Seconds to wait before trying again.', z.string().regex(/^\d+$/), '1'),
  'Upload-Offset': header('Uploads: how far the stored file goes, the byte the next chunk must start at.', z.string().regex(/^\d+$/), '8388608'),
  'WWW-Authenticate': header('The authentication the endpoint expects (RFC 9110 §11.6.1).', z.string(), 'Bearer realm="api", error="invalid_token"'),
};
export type ApiHeaderName = keyof typeof API_HEADERS;

export interface ApiSuccess {
  description: string;
  /** The body, as JSON (or `contentType`); omit for an answer without a body. */
  schema?: z.ZodType;
  contentType?: string;
  headers?: ApiHeaderName[];
}

export interface ApiProblem {
  description: string;
  headers?: ApiHeaderName[];
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export interface ApiOperation {
  method: HttpMethod;
  /** Under /api/v1, with OpenAPI's `{name}` for path parameters: `/cases/{receipt}`. */
  path: `/${string}`;
  /** Unique, camelCase: client generators name their methods after it. */
  operationId: string;
  summary: string;
  /** Markdown. */
  description: string;
  tags: ApiTag[];
  /**
   * Who may call: `token`, a client's bearer token (and the client's rate limits, announced in every
   * answer but the 401); `client`, the client's own id and secret (the token endpoint); `anyone`.
   */
  auth: 'token' | 'client' | 'anyone';
  request?: {
    path?: z.ZodObject;
    query?: z.ZodObject;
    headers?: z.ZodObject;
    body?: { contentType: string; schema: z.ZodType; description?: string };
  };
  /**
   * A POST that changes something: it takes an optional `Idempotency-Key` header and answers 409
   * (the first request with the key is still running) and 422 (the key came with another body),
   * unless `problems` words them otherwise.
   */
  idempotent?: boolean;
  /** The 2xx (and 3xx) answers. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 304, ApiSuccess>>;
  /** The 4xx answers, each with a Problem body. A `token` operation gets its 401 and 429 without saying. */
  problems?: Partial<Record<ProblemStatus, ApiProblem>>;
}

const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const RATE_LIMIT_HEADERS: ApiHeaderName[] = ['RateLimit', 'RateLimit-Policy'];

/** What a `token` operation answers without saying: the token is missing or dead; a limit is used up. */
const TOKEN_PROBLEMS: Partial<Record<ProblemStatus, ApiProblem>> = {
  401: { description: 'The access token is missing, expired, revoked or unknown (code `invalid-token`): get a new one.', headers: ['WWW-Authenticate'] },
  429: { description: 'The client used up its requests for this second or this day (code `rate-limited`).', headers: ['Retry-After', ...RATE_LIMIT_HEADERS] },
  503: { description: 'Sandbox credentials only: the sandbox’s store cannot be reached just now (code `sandbox-unavailable`).', headers: ['Retry-After'] },
};

/** What an `idempotent` operation answers without saying. */
const IDEMPOTENCY_PROBLEMS: Partial<Record<ProblemStatus, ApiProblem>> = {
  409: { description: 'A request with this `Idempotency-Key` is still being processed: try again in a moment.' },
  422: { description: 'This `Idempotency-Key` was used with another request body: a key belongs to one request.' },
};

/** `X-Request-Id` and the given headers, as references to the components. */
const headersOf = (names: ApiHeaderName[]) =>
  Object.fromEntries(['X-Request-Id' as const, ...names].map((name) => [name, { $ref: `#/components/headers/${name}` }]));

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  const rateLimited = operation.auth === 'token';
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, answer] of Object.entries(operation.responses) as [string, ApiSuccess][]) {
    responses[status] = {
      description: answer.description,
      headers: headersOf([...(rateLimited ? RATE_LIMIT_HEADERS : []), ...(answer.headers ?? [])]),
      ...(answer.schema ? { content: { [answer.contentType ?? 'application/json']: { schema: answer.schema } } } : {}),
    };
  }
  const problems = { ...(rateLimited ? TOKEN_PROBLEMS : {}), ...(operation.idempotent ? IDEMPOTENCY_PROBLEMS : {}), ...operation.problems };
  for (const [status, problem] of Object.entries(problems) as [string, ApiProblem][]) {
    const limitHeaders = rateLimited && status !== '401' && status !== '429' ? RATE_LIMIT_HEADERS : [];
    responses[status] = {
      description: problem.description,
      headers: headersOf([...limitHeaders, ...(problem.headers ?? [])]),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
    };
  }
  const request = operation.idempotent
    ? { ...operation.request, headers: z.object({ ...operation.request?.headers?.shape, 'Idempotency-Key': idempotencyKeySchema.optional().meta({ description: idempotencyKeySchema.description }) }) }
    : operation.request;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: operation.tags,
    security: operation.auth === 'token' ? [{ clientCredentials: [] }, { bearerToken: [] }] : operation.auth === 'client' ? [{ clientBasic: [] }, {}] : [],
    ...(request?.path || request?.query || request?.headers
      ? { requestParams: { ...(request.path ? { path: request.path } : {}), ...(request.query ? { query: request.query } : {}), ...(request.headers ? { header: request.headers } : {}) } }
      : {}),
    ...(request?.body
      ? { requestBody: { required: true, description: request.body.description, content: { [request.body.contentType]: { schema: request.body.schema } } } }
      : {}),
    responses,
  };
}

export interface DocumentOptions {
  /** The portal's public address (PORTAL_URL); without it, addresses are relative to wherever the document was fetched from. */
  portalUrl?: string;
  operations?: readonly ApiOperation[];
}

export function buildOpenApiDocument({ portalUrl, operations = API_OPERATIONS }: DocumentOptions = {}): oas31.OpenAPIObject {
  const origin = portalUrl?.trim().replace(/\/+$/, '') ?? '';
  const paths: NonNullable<ZodOpenApiObject['paths']> = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`two operations for ${operation.method.toUpperCase()} ${operation.path}`);
    item[operation.method] = operationObject(operation);
  }
  const usedTags = new Set(operations.flatMap((o) => o.tags));
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Immigration Self-Service Portal API',
        version: '1.1.0',
        description: [
          'For the case-management software of law firms and nonprofits: read the cases of the representative’s clients, with the same rights the representative has in the portal.',
          '',
          '- **Authentication**: OAuth 2.0 client credentials. A representative creates a client in the portal; exchange its id and secret at `POST /oauth/token` for a bearer token that lives 30 minutes.',
          '- **Errors**: every 4xx answer is problem details (RFC 9457, `application/problem+json`) with a stable `code` and, for invalid fields, a JSON pointer to each.',
          '- **Rate limits**: 10 requests a second and 10,000 a day per client, announced in `RateLimit-Policy` and `RateLimit`; beyond them, 429 with `Retry-After`.',
          '- **Idempotency**: every POST that changes something accepts an `Idempotency-Key` header; a retry with the same key answers the first result.',
          '- **Versioning**: breaking changes only in a new version (`/api/v2`); new members may appear in answers, so ignore the ones you do not know. Deprecations are announced with the `Deprecation` and `Sunset` headers.',
          '',
          `The human reference, with a quick start, is at ${origin}/developers.`,
        ].join('\n'),
      },
      servers: [{ url: `${origin}${API_BASE_PATH}`, description: origin ? 'This portal' : 'The portal that served this document' }],
      tags: (Object.keys(API_TAGS) as ApiTag[]).filter((tag) => usedTags.has(tag)).map((name) => ({ name, description: API_TAGS[name] })),
      paths,
      components: {
        securitySchemes: {
          clientCredentials: {
            type: 'oauth2',
            description: 'OAuth 2.0 client credentials (RFC 6749 §4.4): the token lives 30 minutes; get a new one when it expires.',
            flows: { clientCredentials: { tokenUrl: `${origin}${TOKEN_PATH}`, scopes: {} } },
          },
          bearerToken: { type: 'http', scheme: 'bearer', description: 'The `access_token` from the token endpoint, as `Authorization: Bearer <token>`.' },
          clientBasic: { type: 'http', scheme: 'basic', description: 'The client id and secret (each form-urlencoded) as HTTP Basic credentials, at the token endpoint only.' },
        },
        headers: API_HEADERS,
        schemas: { Problem: problemSchema },
      },
    },
    {
      // Answers are open: later versions of v1 may add members (the tests check answers strictly).
      override: ({ jsonSchema, zodSchema, io }) => {
        const def = zodSchema._zod.def as { type: string; catchall?: unknown };
        if (io === 'output' && def.type === 'object' && !def.catchall && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
        // `format: date` says it; zod's long equivalent pattern only makes the reference harder to read.
        if (jsonSchema.format === 'date') delete jsonSchema.pattern;
      },
    },
  );
}

let built: { document: oas31.OpenAPIObject; json: string } | undefined;

/** The document this process serves (with PORTAL_URL's address when it is set), built on first use. */
export function openApiDocument(): oas31.OpenAPIObject {
  if (!built) {
    const document = buildOpenApiDocument({ portalUrl: process.env.PORTAL_URL || undefined });
    built = { document, json: JSON.stringify(document) };
  }
  return built.document;
}

/** The same document, as the text GET /api/v1/openapi.json answers. */
export function openApiDocumentJson(): string {
  openApiDocument();
  return built!.json;
}

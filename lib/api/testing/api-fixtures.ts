/**
 * Test helpers: an API client with a live token for a person, and requests through the real
 * pipeline, each answer of a published operation checked against the OpenAPI document.
 */
import type { Db } from '@/db/client';
import type { User } from '@/db/schema';
import { addTestCase, addTestRepresentative, linkTestCase } from '@/lib/cases/testing/case-fixtures';
import type { Clock } from '@/lib/clock';
import { createApiClient, issueAccessToken, type ApiEnvironment } from '../clients';
import { serveOperation, type Operation } from '../endpoint';
import type { Deprecation } from '../versioning';
import { API_OPERATIONS } from '../operations';
import { documented } from './openapi-validation';

export interface ApiTestClient {
  token: string;
  send<P>(operation: Operation<P>, options?: ApiTestRequest<P>): Promise<Response>;
}

export interface ApiTestRequest<P> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path?: string;
  params?: P;
  json?: unknown;
  /** A raw body, sent as it is (with the content type given in headers): text, bytes or a stream. */
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  deprecations?: Record<string, Deprecation>;
}

/**
 * Each request moves the clock on a second, so a test's requests stay within the client's 10 a
 * second (the limit itself has its own test).
 */
export async function apiTestClient(db: Db, clock: Clock & { advance(ms: number): void }, user: User, environment: ApiEnvironment = 'production'): Promise<ApiTestClient> {
  const { client } = await createApiClient(db, clock, user, { name: `Test ${environment}`, environment });
  const { token } = await issueAccessToken(db, clock, client);
  return {
    token,
    // A token of its own for each request: tests move the clock by days, tokens live 30 minutes.
    send: async (operation, options = {}) => {
      clock.advance(1000);
      const { token } = await issueAccessToken(db, clock, client);
      const method = options.method ?? (options.json !== undefined || options.body !== undefined ? 'POST' : 'GET');
      const body = options.body ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined);
      const headers = { authorization: `Bearer ${token}`, ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
      const request = new Request(`http://localhost/api/v1${options.path ?? '/test'}`, { method, headers, body: body as BodyInit | undefined, duplex: 'half' } as RequestInit);
      const answer = await serveOperation(db, clock, request, (options.params ?? {}) as never, operation, options.deprecations ?? {});
      // Every answer of a published operation is checked against the OpenAPI document.
      return API_OPERATIONS.some((declared) => declared.operationId === operation.id) ? documented(operation.id, answer) : answer;
    },
  };
}

/** A representative with one client case linked. */
export async function representativeWithCase(db: Db, clock: Clock, overrides: Parameters<typeof addTestCase>[2] = {}) {
  const rita = await addTestRepresentative(db, clock);
  const theCase = await addTestCase(db, clock, overrides);
  await linkTestCase(db, clock, theCase, rita, 'representative');
  return { rita, theCase };
}

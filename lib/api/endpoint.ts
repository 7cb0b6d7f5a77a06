/**
 * Every operation of the API goes through one pipeline: the bearer token and rate limits
 * (caller.ts), the request body read once, `Idempotency-Key` on every POST (idempotency.ts), the
 * operation itself, and the headers every answer carries (rate limits, deprecation). An error the
 * operation did not expect is logged and answered as problem details: never a stack trace.
 * Routes stay one line: `export const GET = routeOf(operation)`.
 */
import { getDb, getSandboxDb, type Db } from '@/db/client';
import { systemClock, type Clock } from '@/lib/clock';
import { log } from '@/lib/log';
import { apiCaller, type ApiCaller } from './caller';
import { idempotent } from './idempotency';
import { problemResponse } from './problem';
import { sandboxRepresentative } from './sandbox';
import { DEPRECATIONS, deprecationHeaders, type Deprecation } from './versioning';

export interface ApiCall {
  /** The store the operation works on: the portal's, or the sandbox's for sandbox credentials. */
  db: Db;
  /** The portal's store, where the client itself lives (its webhook endpoints too), sandbox or not. */
  clientDb: Db;
  /** The client and its representative as the portal's store knows them (`caller` is the sandbox's stand-in for sandbox credentials). */
  account: ApiCaller;
  clock: Clock;
  caller: ApiCaller;
  request: Request;
  /** The body as sent (POST); '' for other methods. */
  body: string;
}

export interface Operation<Params> {
  /** Stable id, as in the OpenAPI document and the deprecation list. */
  id: string;
  handle(call: ApiCall, params: Params): Promise<Response>;
}

export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

export async function serveOperation<Params>(
  db: Db,
  clock: Clock,
  request: Request,
  params: Params,
  operation: Operation<Params>,
  deprecations: Readonly<Record<string, Deprecation>> = DEPRECATIONS,
): Promise<Response> {
  const versionHeaders = deprecationHeaders(operation.id, deprecations);
  const caller = await apiCaller(db, clock, request);
  if (caller instanceof Response) return withHeaders(caller, versionHeaders);
  const headers = { ...caller.headers, ...versionHeaders };
  let acting: Pick<ApiCall, 'db' | 'caller'>;
  try {
    acting = caller.client.environment === 'sandbox' ? await inSandbox(clock, caller) : { db, caller };
  } catch (error) {
    log.error({ err: error, operation: operation.id }, 'API sandbox store unavailable');
    return problemResponse({ status: 503, code: 'sandbox-unavailable', title: 'The sandbox is unavailable', detail: 'The sandbox cannot be reached just now. Try again in a few minutes.' }, { ...headers, 'Retry-After': '60' });
  }
  try {
    const body = request.method === 'POST' ? await request.text() : '';
    const call: ApiCall = { ...acting, clientDb: db, account: caller, clock, request, body };
    const run = () => operation.handle(call, params);
    const response = request.method === 'POST' ? await idempotent(db, clock, caller.client, request, body, run) : await run();
    return withHeaders(response, headers);
  } catch (error) {
    log.error({ err: error, operation: operation.id, requestId: request.headers.get('x-request-id') }, 'API operation failed');
    return problemResponse(
      { status: 500, code: 'internal-error', title: 'Something went wrong on our side', detail: 'The request could not be completed. Try again in a few minutes; a POST sent again with the same Idempotency-Key is safe.' },
      headers,
    );
  }
}

/** Sandbox credentials act on the sandbox store, as the representative's stand-in there. */
async function inSandbox(clock: Clock, caller: ApiCaller): Promise<Pick<ApiCall, 'db' | 'caller'>> {
  const sandboxDb = getSandboxDb();
  return { db: sandboxDb, caller: { ...caller, user: await sandboxRepresentative(sandboxDb, clock, caller.client, caller.user) } };
}

/** A Next.js route handler for an operation, on the portal's store and clock. */
export function routeOf<Params>(operation: Operation<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> =>
    serveOperation(getDb(), systemClock, request, await context.params, operation);
}

export const jsonResponse = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(data, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

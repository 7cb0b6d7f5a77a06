/**
 * Every operation of /api/v1, in the order the reference lists them. A new endpoint adds its
 * declaration to API_OPERATIONS: the OpenAPI document, /developers and the response checks of the
 * tests follow from it, and a test fails while a route under app/api/v1 answers a method that is
 * not declared here (or the reverse). Request and response shapes are the zod schemas the handler
 * itself validates with (lib/api/schemas.ts).
 */
import * as z from 'zod';
import type { ApiOperation } from './openapi';
import { caseResourceSchema, receiptNumberParamSchema, tokenRequestSchema, tokenResponseSchema } from './schemas';

const requestToken: ApiOperation = {
  method: 'post',
  path: '/oauth/token',
  operationId: 'requestToken',
  summary: 'Get an access token',
  description: [
    'OAuth 2.0 client credentials (RFC 6749 §4.4). Authenticate the client with HTTP Basic, or with `client_id` and `client_secret` in the form, never both.',
    'The token lives 30 minutes; ask for a new one when it expires (at most 60 token requests per client id in 10 minutes).',
    'Refusals are problem details that also carry RFC 6749’s `error` and `error_description`.',
  ].join(' '),
  tags: ['Authentication'],
  auth: 'client',
  request: { body: { contentType: 'application/x-www-form-urlencoded', schema: tokenRequestSchema } },
  responses: { 200: { description: 'A bearer token. Not to be cached (`Cache-Control: no-store`).', schema: tokenResponseSchema } },
  problems: {
    400: {
      description:
        'The request is not a client-credentials request: not form-urlencoded, no `grant_type` or a malformed `Authorization` header (`invalid_request`), another grant type (`unsupported_grant_type`), or the client authenticated twice.',
    },
    401: { description: 'The client id or secret is wrong or missing, or the client was revoked (`invalid_client`).', headers: ['WWW-Authenticate'] },
    429: { description: 'Too many token requests for this client id (code `too-many-token-requests`).', headers: ['Retry-After'] },
  },
};

const getCase: ApiOperation = {
  method: 'get',
  path: '/cases/{receipt}',
  operationId: 'getCase',
  summary: 'Read a case',
  description:
    'One of the representative’s clients’ cases, with its status history in the agency’s words, newest first. Any other receipt number, and one that does not exist, gets the same 404. Sandbox credentials never see a real case.',
  tags: ['Cases'],
  auth: 'token',
  request: { path: z.object({ receipt: receiptNumberParamSchema }) },
  responses: { 200: { description: 'The case.', schema: caseResourceSchema } },
  problems: { 404: { description: 'No case with this receipt number is linked to the representative (code `case-not-found`).' } },
};

const getOpenApiDocument: ApiOperation = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This OpenAPI document',
  description: 'The OpenAPI 3.1 description of this API, generated from the schemas the API validates with. Public; may be cached for 5 minutes.',
  tags: ['Documentation'],
  auth: 'anyone',
  responses: {
    200: {
      description: 'The OpenAPI document.',
      schema: z.looseObject({ openapi: z.string().meta({ example: '3.1.0' }), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
    },
  },
};

export const API_OPERATIONS: readonly ApiOperation[] = [requestToken, getCase, getOpenApiDocument];

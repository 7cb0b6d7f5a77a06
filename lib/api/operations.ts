/**
 * Every operation of /api/v1, in the order the reference lists them. A new endpoint adds its
 * declaration to API_OPERATIONS: the OpenAPI document, /developers and the response checks of the
 * tests follow from it, and a test fails while a route under app/api/v1 answers a method that is
 * not declared here (or the reverse). Request and response shapes are the zod schemas the handler
 * itself validates with (lib/api/schemas.ts).
 */
import * as z from 'zod';
import { appointmentRequestCreateSchema, appointmentRequestSchema } from './appointment-requests-api';
import { batchLinkRequestSchema, batchLinkResponseSchema } from './batch-link';
import { ascListSchema, biometricsSchema, rescheduleRequestSchema, slotWeekSchema } from './biometrics-api';
import { callbackCreateSchema, callbackSchema } from './callbacks-api';
import { caseListQuerySchema, caseListSchema } from './case-list';
import { caseProgressSchema } from './case-progress-resource';
import type { ApiOperation, ApiProblem, ProblemStatus } from './openapi';
import { sandboxScenariosSchema } from './sandbox';
import { uploadCreateRequestSchema, uploadSchema } from './uploads/uploads';
import { webhookCreateRequestSchema, webhookEndpointSchema, webhookListSchema, webhookTestResponseSchema } from './webhooks/webhooks';
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

const receiptPath = z.object({ receipt: receiptNumberParamSchema });
const referencePath = z.object({ reference: z.string().meta({ description: 'The appointment request’s reference, e.g. AR-7KQ2-M9XD (case and dashes forgiven).', example: 'AR-7KQ2-M9XD' }) });
const callbackPath = z.object({ number: z.string().meta({ description: 'The callback’s 8-digit service request number.', example: '40213377' }) });
const caseNotFound: ApiProblem = { description: 'No case with this receipt number is linked to the representative (code `case-not-found`).' };

/** What every operation with a JSON body may answer besides its own refusals. */
const JSON_BODY_PROBLEMS: Partial<Record<ProblemStatus, ApiProblem>> = {
  400: { description: 'The body is not valid JSON (`malformed-json`), or the `Idempotency-Key` header is malformed (`invalid-idempotency-key`).' },
  413: { description: 'The body is larger than 256 kB (`body-too-large`).' },
  415: { description: 'The body is not JSON (`unsupported-media-type`): send `Content-Type: application/json`.' },
};
const jsonBody = (schema: z.ZodType, description?: string) => ({ contentType: 'application/json', schema, description });
const validation = (what: string): ApiProblem => ({
  description: `${what} (\`validation-failed\`, each by \`errors[].pointer\`), or the \`Idempotency-Key\` was first used with another request (\`idempotency-key-reused\`).`,
});

const listCases: ApiOperation = {
  method: 'get',
  path: '/cases',
  operationId: 'listCases',
  summary: 'List the clients’ cases',
  description: 'The cases linked to the representative, newest receipt first, a page at a time: pass `nextCursor` back as `cursor` for the next page (a page stays stable while cases are linked meanwhile). Filter by form and state.',
  tags: ['Cases'],
  auth: 'token',
  request: { query: caseListQuerySchema },
  responses: { 200: { description: 'A page of cases.', schema: caseListSchema } },
  problems: { 422: { description: 'A query parameter is wrong (`validation-failed`, each by `errors[].parameter`).' } },
};

const getCaseProgress: ApiOperation = {
  method: 'get',
  path: '/cases/{receipt}/progress',
  operationId: 'getCaseProgress',
  summary: 'Read a case’s myProgress estimate',
  description: 'The milestones the case has reached and, for the forms myProgress covers, the estimate: between the day by which half and the day by which 80 % of similar cases still pending after as long were decided, with what it rests on. An estimate, not a promise.',
  tags: ['Cases'],
  auth: 'token',
  request: { path: receiptPath },
  responses: { 200: { description: 'The milestones and the estimate.', schema: caseProgressSchema } },
  problems: { 404: caseNotFound },
};

const linkCases: ApiOperation = {
  method: 'post',
  path: '/case-links',
  operationId: 'linkCases',
  summary: 'Link cases with their online access codes',
  description:
    'Up to 100 receipt numbers, each with its online access code, linked to the representative’s account as the “Link a case” page links one: a result per item, in the order sent, with a message to show (in Spanish with `Accept-Language: es`). The same guessing limits apply (10 wrong codes an hour per account, 20 a day per receipt number) and each applicant is told.',
  tags: ['Linking'],
  auth: 'token',
  idempotent: true,
  request: { body: jsonBody(batchLinkRequestSchema) },
  responses: { 200: { description: 'A result per item.', schema: batchLinkResponseSchema } },
  problems: { ...JSON_BODY_PROBLEMS, 422: validation('The batch is not a list of 1 to 100 items') },
};

const createAppointmentRequest: ApiOperation = {
  method: 'post',
  path: '/appointment-requests',
  operationId: 'createAppointmentRequest',
  summary: 'Request an in-person appointment',
  description: 'An appointment request about a client’s case, with the same rules and messages as the request form. One open request per case and reason. The reference is emailed to the representative; officers review it.',
  tags: ['Appointments'],
  auth: 'token',
  idempotent: true,
  request: { body: jsonBody(appointmentRequestCreateSchema) },
  responses: { 201: { description: 'The request, submitted.', schema: appointmentRequestSchema } },
  problems: {
    ...JSON_BODY_PROBLEMS,
    404: caseNotFound,
    409: { description: 'An open request for this case and reason exists (`duplicate-request`, with its `reference`), or a request with this `Idempotency-Key` is still running.' },
    422: validation('An answer is missing or wrong'),
  },
};

const getAppointmentRequest: ApiOperation = {
  method: 'get',
  path: '/appointment-requests/{reference}',
  operationId: 'getAppointmentRequest',
  summary: 'Read an appointment request',
  description: 'A request the representative made, with its timeline and, once scheduled, its appointment.',
  tags: ['Appointments'],
  auth: 'token',
  request: { path: referencePath },
  responses: { 200: { description: 'The request.', schema: appointmentRequestSchema } },
  problems: { 404: { description: 'No request with this reference was made by the representative (`appointment-request-not-found`).' } },
};

const cancelAppointmentRequest: ApiOperation = {
  method: 'post',
  path: '/appointment-requests/{reference}/cancel',
  operationId: 'cancelAppointmentRequest',
  summary: 'Cancel an appointment request',
  description: 'Cancels a request not decided yet, or the appointment it was given while that is still ahead (the time goes back to the office).',
  tags: ['Appointments'],
  auth: 'token',
  idempotent: true,
  request: { path: referencePath },
  responses: { 200: { description: 'The request, cancelled.', schema: appointmentRequestSchema } },
  problems: {
    404: { description: 'No request with this reference was made by the representative (`appointment-request-not-found`).' },
    409: { description: 'The request was already decided or cancelled, or its appointment has passed (`request-closed`, with `requestStatus`); or a request with this `Idempotency-Key` is still running.' },
  },
};

const getBiometrics: ApiOperation = {
  method: 'get',
  path: '/cases/{receipt}/biometrics',
  operationId: 'getBiometrics',
  summary: 'Read a case’s biometrics appointment',
  description: 'The scheduled biometrics appointment, whether it may be rescheduled online now, and if not the one rule that stops it (with the message the portal shows).',
  tags: ['Biometrics'],
  auth: 'token',
  request: { path: receiptPath },
  responses: { 200: { description: 'The appointment and whether it may be rescheduled.', schema: biometricsSchema } },
  problems: { 404: caseNotFound },
};

const listAscs: ApiOperation = {
  method: 'get',
  path: '/ascs',
  operationId: 'listAscs',
  summary: 'Find Application Support Centers',
  description: 'The ten centres nearest a ZIP code, nearest first, with their distance in miles.',
  tags: ['Biometrics'],
  auth: 'token',
  request: { query: z.object({ zip: z.string().meta({ description: 'A 5-digit ZIP code (ZIP+4 forgiven).', example: '85004' }) }) },
  responses: { 200: { description: 'The nearest centres.', schema: ascListSchema } },
  problems: { 422: { description: 'The ZIP code is malformed or unknown (`validation-failed`, `errors[].parameter` = `zip`).' } },
};

const listAscSlots: ApiOperation = {
  method: 'get',
  path: '/ascs/{code}/slots',
  operationId: 'listAscSlots',
  summary: 'List a centre’s open times',
  description: 'A week of open times (seats left, from 24 hours to 90 days ahead), each day in the centre’s own time zone. `week=0` is the first week, up to `weekCount - 1`.',
  tags: ['Biometrics'],
  auth: 'token',
  request: {
    path: z.object({ code: z.string().meta({ description: 'The centre’s code, from GET /ascs.', example: 'PHX' }) }),
    query: z.object({ week: z.string().optional().meta({ description: 'Which week: 0 (the first) to 13.', example: '0' }) }),
  },
  responses: { 200: { description: 'The week’s open times.', schema: slotWeekSchema } },
  problems: { 404: { description: 'No centre has this code (`asc-not-found`).' }, 422: { description: 'The week is not a number from 0 to 13 (`validation-failed`).' } },
};

const rescheduleBiometrics: ApiOperation = {
  method: 'post',
  path: '/cases/{receipt}/biometrics/reschedule',
  operationId: 'rescheduleBiometrics',
  summary: 'Reschedule a biometrics appointment',
  description: 'Moves the appointment to an open time, for one of the good causes, in one step: of two people asking for the last seat, one gets it. The representative is emailed the confirmation. Answers the appointment as GET …/biometrics does.',
  tags: ['Biometrics'],
  auth: 'token',
  idempotent: true,
  request: { path: receiptPath, body: jsonBody(rescheduleRequestSchema) },
  responses: { 200: { description: 'The appointment, moved.', schema: biometricsSchema } },
  problems: {
    ...JSON_BODY_PROBLEMS,
    404: caseNotFound,
    409: { description: 'The appointment may not be rescheduled online (`reschedule-not-allowed`, with the `rule`), the time was just taken (`slot-taken`), or a request with this `Idempotency-Key` is still running.' },
    422: validation('The slot or good cause is missing or wrong'),
  },
};

const createCallback: ApiOperation = {
  method: 'post',
  path: '/callbacks',
  operationId: 'createCallback',
  summary: 'Ask the Contact Center to call',
  description: 'A callback about a client’s case (or none), with the same rules and messages as the request form: urgent within 72 hours, otherwise within 30 business days. Answers the 8-digit service request number.',
  tags: ['Callbacks'],
  auth: 'token',
  idempotent: true,
  request: { body: jsonBody(callbackCreateSchema) },
  responses: { 201: { description: 'The callback, requested.', schema: callbackSchema } },
  problems: { ...JSON_BODY_PROBLEMS, 404: caseNotFound, 422: validation('An answer is missing or wrong') },
};

const getCallback: ApiOperation = {
  method: 'get',
  path: '/callbacks/{number}',
  operationId: 'getCallback',
  summary: 'Read a callback',
  description: 'Where a callback the representative asked for stands, with its timeline.',
  tags: ['Callbacks'],
  auth: 'token',
  request: { path: callbackPath },
  responses: { 200: { description: 'The callback.', schema: callbackSchema } },
  problems: { 404: { description: 'No callback with this number was requested by the representative (`callback-not-found`).' } },
};

const cancelCallback: ApiOperation = {
  method: 'post',
  path: '/callbacks/{number}/cancel',
  operationId: 'cancelCallback',
  summary: 'Cancel a callback',
  description: 'Cancels a callback while no officer has started it.',
  tags: ['Callbacks'],
  auth: 'token',
  idempotent: true,
  request: { path: callbackPath },
  responses: { 200: { description: 'The callback, cancelled.', schema: callbackSchema } },
  problems: {
    404: { description: 'No callback with this number was requested by the representative (`callback-not-found`).' },
    409: { description: 'An officer has started it, or it is closed (`callback-started`); or a request with this `Idempotency-Key` is still running.' },
  },
};

const webhookPath = z.object({ id: z.string().meta({ description: 'The endpoint’s id, from its creation or GET /webhooks.', example: 'whe_3kq9MzT1bVx0aQ2c' }) });
const webhookNotFound: ApiProblem = { description: 'The client has no active endpoint with this id (`webhook-not-found`).' };
const WEBHOOK_DELIVERY = [
  'Events are POSTed as JSON (`{ type, timestamp, data }`) and signed per the Standard Webhooks specification: headers `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` (`v1,` and base64 of HMAC-SHA256 over `id.timestamp.body`, keyed by the secret’s bytes after `whsec_`).',
  'A 2xx answer is a delivery; 410 Gone disables the endpoint; anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, for 3 days.',
].join(' ');

const createWebhook: ApiOperation = {
  method: 'post',
  path: '/webhooks',
  operationId: 'createWebhook',
  summary: 'Create a webhook endpoint',
  description: `Subscribes an address to events: \`case.status_changed\`, \`appointment.scheduled\`, \`appointment.changed\`, \`callback.updated\`, for the representative’s clients’ cases (production credentials). The signing secret is in this answer only. In production the address must be public (no private, loopback or link-local address, checked again at each delivery). At most 10 endpoints per client. ${WEBHOOK_DELIVERY}`,
  tags: ['Webhooks'],
  auth: 'token',
  idempotent: true,
  request: { body: jsonBody(webhookCreateRequestSchema) },
  responses: { 201: { description: 'The endpoint, with its secret.', schema: webhookEndpointSchema } },
  problems: {
    ...JSON_BODY_PROBLEMS,
    409: { description: 'The client already has 10 active endpoints (`too-many-webhooks`), or a request with this `Idempotency-Key` is still running.' },
    422: validation('The address or an event type is refused'),
  },
};

const listWebhooks: ApiOperation = {
  method: 'get',
  path: '/webhooks',
  operationId: 'listWebhooks',
  summary: 'List webhook endpoints',
  description: 'The client’s active endpoints (never their secrets).',
  tags: ['Webhooks'],
  auth: 'token',
  responses: { 200: { description: 'The endpoints.', schema: webhookListSchema } },
};

const deleteWebhook: ApiOperation = {
  method: 'delete',
  path: '/webhooks/{id}',
  operationId: 'deleteWebhook',
  summary: 'Delete a webhook endpoint',
  description: 'Stops deliveries to the endpoint; its queued events are dropped.',
  tags: ['Webhooks'],
  auth: 'token',
  request: { path: webhookPath },
  responses: { 204: { description: 'Deleted.' } },
  problems: { 404: webhookNotFound },
};

const testWebhook: ApiOperation = {
  method: 'post',
  path: '/webhooks/{id}/test',
  operationId: 'testWebhook',
  summary: 'Send a test event',
  description: `Queues a \`webhook.test\` event for the endpoint, delivered and signed like any other. ${WEBHOOK_DELIVERY}`,
  tags: ['Webhooks'],
  auth: 'token',
  idempotent: true,
  request: { path: webhookPath },
  responses: { 202: { description: 'Queued: the worker delivers it within seconds.', schema: webhookTestResponseSchema } },
  problems: { 404: webhookNotFound },
};

const uploadPath = z.object({ id: z.string().meta({ description: 'The upload’s id, from its creation.', example: 'upl_q3Zk8m1xTz0bPa9c' }) });
const uploadNotFound: ApiProblem = { description: 'No upload with this id was started by these credentials (`upload-not-found`).' };

const createUpload: ApiOperation = {
  method: 'post',
  path: '/cases/{receipt}/uploads',
  operationId: 'createUpload',
  summary: 'Begin an evidence upload',
  description: 'Declares a file for a client’s case: its name, type, size (up to 1 GiB) and SHA-256. Then send it with PUT /uploads/{id}, in chunks of at most `chunkSize` bytes (8 MiB). An upload not finished within 24 hours is abandoned.',
  tags: ['Uploads'],
  auth: 'token',
  idempotent: true,
  request: { path: receiptPath, body: jsonBody(uploadCreateRequestSchema) },
  responses: { 201: { description: 'The upload, ready for its first chunk.', schema: uploadSchema, headers: ['Upload-Offset'] } },
  problems: { ...JSON_BODY_PROBLEMS, 404: caseNotFound, 422: validation('The name, type, size or SHA-256 is missing or wrong') },
};

const uploadChunk: ApiOperation = {
  method: 'put',
  path: '/uploads/{id}',
  operationId: 'uploadChunk',
  summary: 'Send a chunk of an upload',
  description:
    'The next chunk, as the raw bytes (`Content-Type: application/offset+octet-stream`), at most 8 MiB, starting where the stored file ends: `Upload-Offset` must equal `receivedBytes`. If the connection breaks, ask GET /uploads/{id} (or read `Upload-Offset` in any answer) and resume from there: the bytes that arrived are kept. When the last byte arrives the SHA-256 and the type are checked; a mismatch rejects the upload and deletes its bytes. Not an `Idempotency-Key` operation: the offset makes a retry safe by itself.',
  tags: ['Uploads'],
  auth: 'token',
  request: {
    path: uploadPath,
    headers: z.object({ 'Upload-Offset': z.string().meta({ description: 'The byte this chunk starts at: the upload’s `receivedBytes`.', example: '0' }) }),
    body: { contentType: 'application/offset+octet-stream', schema: z.string().meta({ format: 'binary' }), description: 'The chunk’s bytes.' },
  },
  responses: { 200: { description: 'The upload after this chunk (`complete` after the last).', schema: uploadSchema, headers: ['Upload-Offset'] } },
  problems: {
    400: { description: 'No valid `Upload-Offset` (`validation-failed`), or the connection broke during the chunk (`chunk-interrupted`, with `receivedBytes`).', headers: ['Upload-Offset'] },
    404: uploadNotFound,
    409: { description: 'The chunk does not start where the file ends (`offset-mismatch`, with `receivedBytes`), or the upload is finished (`upload-closed`).', headers: ['Upload-Offset'] },
    410: { description: 'The upload was not finished within 24 hours (`upload-expired`).', headers: ['Upload-Offset'] },
    413: { description: 'The chunk is larger than 8 MiB or goes past the declared size (`chunk-too-large`).', headers: ['Upload-Offset'] },
    422: { description: 'The last chunk arrived but the file’s SHA-256 (`checksum-mismatch`) or its first bytes (`content-type-mismatch`) do not match the declaration: the upload is rejected.', headers: ['Upload-Offset'] },
  },
};

const getUpload: ApiOperation = {
  method: 'get',
  path: '/uploads/{id}',
  operationId: 'getUpload',
  summary: 'Read an upload',
  description: 'How far the upload has arrived (`receivedBytes`, also in `Upload-Offset`) and its status: where to resume after a break.',
  tags: ['Uploads'],
  auth: 'token',
  request: { path: uploadPath },
  responses: { 200: { description: 'The upload.', schema: uploadSchema, headers: ['Upload-Offset'] } },
  problems: { 404: uploadNotFound },
};

const sandboxOnly: ApiProblem = { description: 'These are production credentials (`sandbox-only`).' };

const listSandboxScenarios: ApiOperation = {
  method: 'get',
  path: '/sandbox/scenarios',
  operationId: 'listSandboxScenarios',
  summary: 'List the sandbox’s test scenarios',
  description: 'Sandbox credentials only. This client’s test receipt numbers (`IOE9` + the six-digit sandbox number + the scenario’s three digits), the access codes of the linking scenarios, and what each produces.',
  tags: ['Sandbox'],
  auth: 'token',
  responses: { 200: { description: 'The scenarios.', schema: sandboxScenariosSchema } },
  problems: { 403: sandboxOnly },
};

const resetSandbox: ApiOperation = {
  method: 'post',
  path: '/sandbox/reset',
  operationId: 'resetSandbox',
  summary: 'Reset the sandbox',
  description: 'Sandbox credentials only. Puts this client’s data set back as it was at the start (links, codes, appointments, requests and callbacks), for a fresh acceptance run.',
  tags: ['Sandbox'],
  auth: 'token',
  idempotent: true,
  responses: { 200: { description: 'The scenarios, as at the start.', schema: sandboxScenariosSchema } },
  problems: { 403: sandboxOnly },
};

export const API_OPERATIONS: readonly ApiOperation[] = [
  requestToken,
  listCases,
  getCase,
  getCaseProgress,
  linkCases,
  createAppointmentRequest,
  getAppointmentRequest,
  cancelAppointmentRequest,
  getBiometrics,
  listAscs,
  listAscSlots,
  rescheduleBiometrics,
  createCallback,
  getCallback,
  cancelCallback,
  createUpload,
  uploadChunk,
  getUpload,
  createWebhook,
  listWebhooks,
  deleteWebhook,
  testWebhook,
  listSandboxScenarios,
  resetSandbox,
  getOpenApiDocument,
];

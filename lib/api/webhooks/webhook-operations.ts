/**
 * POST and GET /api/v1/webhooks, DELETE /api/v1/webhooks/{id}, POST /api/v1/webhooks/{id}/test:
 * a client's webhook endpoints (webhooks.ts), through the API's pipeline. They live in the portal's
 * store with the client, sandbox credentials included (whose events are only the test ones).
 */
import { jsonResponse, type Operation } from '../endpoint';
import { problemResponse } from '../problem';
import { parseJsonBody, validationProblem } from '../request-input';
import { activeEndpoints, createWebhookEndpoint, deleteWebhookEndpoint, endpointResource, MAX_ENDPOINTS_PER_CLIENT, ownEndpoint, queueTestEvent, webhookCreateRequestSchema } from './webhooks';

const TARGET_MESSAGES: Record<string, string> = {
  invalid: 'Give the address as a full URL, such as https://example.org/hooks/portal.',
  scheme: 'The address must start with https:// (or http://).',
  credentials: 'The address must not contain a user name or password.',
  private: 'The address must be reachable on the public internet: private, loopback and link-local addresses are refused.',
  unresolvable: 'The address’s host name could not be found.',
};

const endpointNotFound = () => problemResponse({ status: 404, code: 'webhook-not-found', title: 'Webhook endpoint not found', detail: 'This client has no active webhook endpoint with this id.' });

export const createWebhookOperation: Operation<object> = {
  id: 'createWebhook',
  async handle({ clientDb, clock, account, request, body }) {
    const parsed = parseJsonBody(request, body, webhookCreateRequestSchema);
    if (!parsed.ok) return parsed.response;
    const made = await createWebhookEndpoint(clientDb, clock, account, parsed.data);
    if (made.ok) return jsonResponse(endpointResource(made.endpoint, made.secret), 201, { Location: `/api/v1/webhooks/${made.endpoint.publicId}` });
    if (made.error === 'too-many') {
      return problemResponse({ status: 409, code: 'too-many-webhooks', title: 'Too many webhook endpoints', detail: `A client may have at most ${MAX_ENDPOINTS_PER_CLIENT} active endpoints: delete one first.` });
    }
    return validationProblem([{ pointer: '/url', message: TARGET_MESSAGES[made.problem ?? 'invalid'] }]);
  },
};

export const listWebhooksOperation: Operation<object> = {
  id: 'listWebhooks',
  async handle({ clientDb, account }) {
    return jsonResponse({ endpoints: (await activeEndpoints(clientDb, account.client)).map((endpoint) => endpointResource(endpoint)) });
  },
};

export const deleteWebhookOperation: Operation<{ id: string }> = {
  id: 'deleteWebhook',
  async handle({ clientDb, clock, account }, { id }) {
    return (await deleteWebhookEndpoint(clientDb, clock, account, id.slice(0, 64))) ? new Response(null, { status: 204 }) : endpointNotFound();
  },
};

export const testWebhookOperation: Operation<{ id: string }> = {
  id: 'testWebhook',
  async handle({ clientDb, clock, account }, { id }) {
    const endpoint = await ownEndpoint(clientDb, account.client, id.slice(0, 64));
    if (!endpoint) return endpointNotFound();
    return jsonResponse({ messageId: await queueTestEvent(clientDb, clock, endpoint) }, 202);
  },
};

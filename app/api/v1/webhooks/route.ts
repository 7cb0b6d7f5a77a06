import { routeOf } from '@/lib/api/endpoint';
import { createWebhookOperation, listWebhooksOperation } from '@/lib/api/webhooks/webhook-operations';

/** POST /api/v1/webhooks: a new endpoint (its signing secret shown once); GET: the client's endpoints. */
export const POST = routeOf(createWebhookOperation);
export const GET = routeOf(listWebhooksOperation);

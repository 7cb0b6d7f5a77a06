import { routeOf } from '@/lib/api/endpoint';
import { deleteWebhookOperation } from '@/lib/api/webhooks/webhook-operations';

/** DELETE /api/v1/webhooks/{id}: stop delivering to this endpoint. */
export const DELETE = routeOf(deleteWebhookOperation);

import { routeOf } from '@/lib/api/endpoint';
import { testWebhookOperation } from '@/lib/api/webhooks/webhook-operations';

/** POST /api/v1/webhooks/{id}/test: queue a signed test event for this endpoint. */
export const POST = routeOf(testWebhookOperation);

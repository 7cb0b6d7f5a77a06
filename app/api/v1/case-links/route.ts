import { batchLinkOperation } from '@/lib/api/batch-link';
import { routeOf } from '@/lib/api/endpoint';

/** POST /api/v1/case-links: link up to 100 cases with their online access codes, a result per item. */
export const POST = routeOf(batchLinkOperation);

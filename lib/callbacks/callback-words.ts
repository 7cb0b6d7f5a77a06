import type { Callback } from '@/db/schema';

/** The message key (namespace "callbacks") saying where a callback stands, in plain words. */
export function callbackStatusKey(callback: Pick<Callback, 'status' | 'closedReason'>): string {
  return callback.status === 'closed' ? `status.closed.${callback.closedReason ?? 'reached'}` : `status.${callback.status}`;
}

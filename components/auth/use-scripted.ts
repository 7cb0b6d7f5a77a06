import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False on the server and while hydrating, true once scripts run. Enhancements that only work with
 * JavaScript (hiding questions that do not apply, a show-password box, a print button) appear only
 * then; without JavaScript the page shows everything and works as a plain form.
 */
export function useScripted(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

import type { Messages } from './messages';

/**
 * The namespaces every client form needs: what the design system's client components translate
 * (error summary, form groups, date fields). Pages send no messages to the browser by default; a
 * feature whose client components translate text wraps them in <ClientMessages namespaces={[…]}>
 * (components/layout/client-messages.tsx), which adds these.
 */
export const shellClientNamespaces = ['errors', 'ui'] as const satisfies readonly (keyof Messages)[];

export function pickMessages<K extends keyof Messages>(messages: Messages, namespaces: readonly K[]): Pick<Messages, K> {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]])) as Pick<Messages, K>;
}

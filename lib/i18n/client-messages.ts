import type { Messages } from './messages';

/**
 * The namespaces every page sends to the browser: what the shell's and the design system's client
 * components translate (language toggle, error summary, error page). The rest of the catalogue stays
 * on the server, so pages do not carry every email template and feature text in their payload.
 * A feature whose client components translate text wraps them in <ClientMessages namespaces={[…]}>
 * (components/layout/client-messages.tsx).
 */
export const shellClientNamespaces = ['meta', 'shell', 'errors', 'ui'] as const satisfies readonly (keyof Messages)[];

export function pickMessages<K extends keyof Messages>(messages: Messages, namespaces: readonly K[]): Pick<Messages, K> {
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]])) as Pick<Messages, K>;
}

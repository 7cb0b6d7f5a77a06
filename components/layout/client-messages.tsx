import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pickMessages, shellClientNamespaces } from '@/lib/i18n/client-messages';
import type { Messages } from '@/lib/i18n/messages';

/**
 * Sends the given namespaces (plus the shell's) to the client components inside it. Server
 * components translate with the whole catalogue and need no wrapper; only client components that
 * call useTranslations do: <ClientMessages namespaces={['linkCase']}><LinkCaseForm /></ClientMessages>.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...shellClientNamespaces, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}

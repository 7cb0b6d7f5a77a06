'use client';

import './globals.css';
import { useParams } from 'next/navigation';
import { ServiceError } from '@/components/layout/service-error';
import { errorPageMessages } from '@/lib/i18n/error-page-messages';

/**
 * Last resort when the root layout itself fails: it replaces the whole document, so it cannot use
 * the message provider. The language comes from the route's locale parameter.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const localeParam = useParams<{ locale?: string }>()?.locale;
  return (
    <html lang={errorPageMessages(localeParam).locale}>
      <body className="flex min-h-screen flex-col">
        <ServiceError localeParam={localeParam} error={error} retry={retry} />
      </body>
    </html>
  );
}

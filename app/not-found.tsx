import type { Metadata } from 'next';
import { PlainHeader } from '@/components/layout/plain-header';
import enErrors from '@/messages/en/errors.json';
import esErrors from '@/messages/es/errors.json';
import enMeta from '@/messages/en/meta.json';

export const metadata: Metadata = {
  title: `${enMeta.title.replace('{page}', enErrors.notFoundTitle)} / ${esErrors.notFoundTitle}`,
};

/**
 * 404 for addresses outside the language segment (for example /robots.txt): the
 * language is unknown, so it speaks English and Spanish.
 */
export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <PlainHeader agency={enMeta.agency} portal={enMeta.portal} />
        <main id="main-content" tabIndex={-1} className="shell-width site-main">
          <h1>{enErrors.notFoundTitle}</h1>
          <p>{enErrors.notFoundBody}</p>
          <p>
            <a href="/">{enErrors.backHome}</a>
          </p>
          <div lang="es" className="mt-10 border-t border-base-lighter pt-8">
            <h2 className="mt-0">{esErrors.notFoundTitle}</h2>
            <p>{esErrors.notFoundBody}</p>
            <p>
              <a href="/es">{esErrors.backHome}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}

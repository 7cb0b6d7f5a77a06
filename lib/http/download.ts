/**
 * Answers of route handlers that hand a person one of their files (a letter, a calendar file): the
 * file as an attachment that no shared cache keeps, or a plain "not found" in their language, the
 * same for a file that is not theirs as for one that does not exist.
 */
import { translatorFor } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/routing';

export interface DownloadableFile {
  filename: string;
  contentType: string;
  body: Uint8Array | string;
}

/** `filename` is ours (a reference and an extension), never what someone typed: no quoting needed beyond ASCII. */
export function downloadResponse(file: DownloadableFile): Response {
  const body = typeof file.body === 'string' ? file.body : new Blob([new Uint8Array(file.body)]);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
      // A person's own letter: never kept by a shared cache, nor by the browser for the next user.
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function notFoundResponse(locale: Locale): Response {
  const t = translatorFor(locale, 'errors');
  return new Response(`${t('notFoundTitle')}\n\n${t('notFoundBody')}\n`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'Content-Language': locale },
  });
}

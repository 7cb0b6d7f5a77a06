import { NextRequest } from 'next/server';
import createIntlMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy } from './lib/http/security-headers';

const intl = createIntlMiddleware(routing);

/**
 * Locale routing, a request id for the logs and a per-request CSP nonce that Next puts on its scripts.
 * Authorization is never decided here: every page, action and route handler checks it itself.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('x-request-id', requestId);
  headers.set('Content-Security-Policy', csp);
  const response = intl(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Pages only: not the API, Next's own assets or files with an extension.
  matcher: ['/((?!api|_next|.*\\..*).*)'],
};

import { NextRequest, NextResponse } from 'next/server';
import createIntlMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';
import { contentSecurityPolicy } from './lib/http/security-headers';
import { requestIdFrom } from './lib/http/request-id';

const intl = createIntlMiddleware(routing);

/**
 * Locale routing, a request id for the logs and a per-request CSP nonce that Next puts on its scripts.
 * Authorization is never decided here: every page, action and route handler checks it itself.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({ nonce });
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('x-request-id', requestId);
  // The page asked for, so a sign-in redirect can bring the person back to it.
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('Content-Security-Policy', csp);
  // The API has no locale in its paths; pages get next-intl's locale routing.
  const response = request.nextUrl.pathname.startsWith('/api/')
    ? NextResponse.next({ request: { headers } })
    : intl(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestId);
  logRequest(request, requestId);
  return response;
}

/** One structured line per request. Receipt numbers in paths are masked: they identify a person's case. */
function logRequest(request: NextRequest, requestId: string) {
  if (process.env.NODE_ENV === 'test' || process.env.ACCESS_LOG === 'off') return;
  const path = request.nextUrl.pathname.replace(/[A-Za-z]{3}\d{10}/g, ':receipt');
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'request', requestId, method: request.method, path }));
}

export const config = {
  // Pages and the API (every /api address, /api/v1/openapi.json too); not Next's own assets or
  // static files (paths with an extension), and not the pages prerendered in both languages, the
  // home page and /developers: they are served as stored, with their own policy of script hashes
  // (scripts/prerendered-csp.ts), and next.config.ts maps their English addresses to /en/….
  matcher: ['/api/:path*', '/((?!_next/|es$|developers$|es/developers$|.*\\..*).+)'],
};

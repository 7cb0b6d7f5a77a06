/**
 * What `npm run bench` measures under load, one entry per row of the table. A new row is one more
 * entry: a name, a path and, for pages behind sign-in, a `setup` that signs in (through
 * `context.fetch`) and returns the cookies or headers every request of the row must carry.
 */
import type { StoreKind } from './stores';

export interface RowContext {
  baseUrl: string;
  store: StoreKind;
  /** fetch against the server under test; redirects are returned, not followed, so cookies can be read. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface RowRequest {
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
}

export interface BenchRow {
  name: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: string;
  /**
   * The ceiling every other row is compared with; exactly one row is the reference and it runs first.
   */
  reference?: boolean;
  setup?: (context: RowContext) => Promise<RowRequest>;
}

export const rows: BenchRow[] = [
  {
    // A file from public/ rather than a prerendered page: every page here passes through proxy.ts
    // for its CSP nonce and locale, so none is truly static. The file still goes through the same
    // Next server, headers and sockets, so the ratio isolates what the application itself adds.
    name: 'reference: static file',
    path: '/bench/reference.html',
    reference: true,
  },
  { name: 'home page', path: '/' },
  { name: 'health check', path: '/api/health' },
];

/** The cookies a response sets, by name: what a `setup` returns after signing in. */
export function cookiesSetBy(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator > 0) cookies[pair.slice(0, separator).trim()] = pair.slice(separator + 1).trim();
  }
  return cookies;
}

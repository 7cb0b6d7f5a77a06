/**
 * What `npm run bench` measures under load, one entry per row of the table. A new row is one more
 * entry: a name, a path and, for pages behind sign-in, a `setup` that signs in (through
 * `context.fetch`) and returns the cookies or headers every request of the row must carry.
 */
import type { StoreKind } from './stores';
import { signInRoundTrip, signInUsers } from './sign-in-scenario';
import { applicantDashboard, casePage, representativeDashboard } from './signed-in-rows';

export interface RowContext {
  baseUrl: string;
  store: StoreKind;
  /**
   * The store the server under test uses: for reading what a person would read in their inbox, and
   * for making the accounts and cases a row needs before it signs in.
   */
  storeUrl: string;
  /** fetch against the server under test; redirects are returned, not followed, so cookies can be read. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface RowRequest {
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  /**
   * The address to load when only the setup knows it (a receipt number it made up); the row's
   * `path` then stays what the table shows.
   */
  path?: string;
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
  /**
   * A multi-request journey measured as a whole instead of one URL under autocannon: each of
   * `scenarioUsers` virtual users repeats it back to back; a round trip counts as one request.
   */
  scenario?: (context: RowContext, user: number) => Promise<void>;
  scenarioUsers?: number;
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
  {
    name: 'sign-in round trips (password + code)',
    path: '/sign-in → /sign-in/verify',
    scenario: signInRoundTrip,
    scenarioUsers: signInUsers,
  },
  // Signed-in pages: each setup makes its own account and cases, then signs in through the pages.
  { name: 'representative dashboard, 200 client cases', path: '/dashboard', setup: representativeDashboard },
  { name: 'case page', path: '/cases/{receipt}', setup: casePage },
  { name: 'signed-in applicant dashboard, 20 linked cases', path: '/dashboard', setup: applicantDashboard },
];

export { cookiesSetBy } from './cookies';

/**
 * What `npm run bench` measures under load, one entry per row of the table. A new row is one more
 * entry: a name, a path and, for pages behind sign-in, a `setup` that signs in (through
 * `context.fetch`) and returns the cookies or headers every request of the row must carry.
 */
import type { StoreKind } from './stores';
import { signInRoundTrip, signInUsers } from './sign-in-scenario';
import { officerQueue, requesterAppointments, rescheduleTimePicker } from './appointment-rows';
import { applicantDashboard, casePage, progressPage, representativeDashboard } from './signed-in-rows';
import { INBOUND_BODY, inboundWebhook, officerCallbacks } from './callback-rows';
import { apiCaseRead, linkBatch, prepareLinkBatch } from './api-rows';

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
  /** Text every answer must contain, when only the setup knows it (a receipt number). */
  expect?: string;
}

/** What a row is compared with: the static file (the machine's ceiling) or the floor (Next's own cost for a page). */
export type Reference = 'static' | 'floor';

/** A row's goal: at least `percent` % of a reference's requests/second, with p99 under P99_BUDGET_MS. */
export interface Target {
  of: Reference;
  percent: number;
}

/** Every page row's p99 must stay under this, at 50 connections. */
export const P99_BUDGET_MS = 500;

export interface BenchRow {
  name: string;
  path: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: string;
  /**
   * The row that measures a reference: the static file or the floor app; they run first, before
   * the other rows have heated the machine.
   */
  reference?: Reference;
  /** Served by the floor app (floor.ts) rather than the portal. */
  floor?: boolean;
  /** Text every answer must contain (checked on each one; a page that answers something else measures nothing). */
  expect?: string;
  /** The status every answer must have (200 unless said). */
  status?: number;
  target?: Target;
  setup?: (context: RowContext) => Promise<RowRequest>;
  /**
   * A multi-request journey measured as a whole instead of one URL under autocannon: each of
   * `scenarioUsers` virtual users repeats it back to back; a round trip counts as one request.
   */
  scenario?: (context: RowContext, user: number, prepared: unknown) => Promise<void>;
  scenarioUsers?: number;
  /** Made before each journey of a scenario, untimed (fresh data the journey uses up). */
  prepareScenario?: (context: RowContext, user: number) => Promise<unknown>;
}

export const rows: BenchRow[] = [
  {
    // A file from public/: the same Next server, headers and sockets as every page, with nothing to
    // render, so it is the ceiling of this machine in this run.
    name: 'reference: static file',
    path: '/bench/reference.html',
    reference: 'static',
    expect: 'reference',
  },
  {
    name: 'floor: minimal dynamic Next page, 25-row table',
    path: '/',
    reference: 'floor',
    floor: true,
    expect: 'IOE0912345624',
  },
  // Prerendered for everyone: compared with the static file.
  { name: 'home page (prerendered)', path: '/', expect: 'Your immigration cases, online', target: { of: 'static', percent: 50 } },
  // Public but rendered per request (they send signed-in people on, and keep a return address).
  { name: 'sign-in page', path: '/sign-in', expect: 'name="password"', target: { of: 'floor', percent: 80 } },
  { name: 'page not found', path: '/no-such-page', status: 404, expect: 'Page not found', target: { of: 'floor', percent: 80 } },
  { name: 'health check', path: '/api/health', expect: '"status":"ok"' },
  {
    name: 'sign-in round trips (password + code)',
    path: '/sign-in → /sign-in/verify',
    scenario: signInRoundTrip,
    scenarioUsers: signInUsers,
  },
  // Signed-in pages: each setup makes its own account and cases, then signs in through the pages.
  {
    name: 'representative dashboard, 200 client cases',
    path: '/dashboard',
    setup: representativeDashboard,
    target: { of: 'floor', percent: 40 },
  },
  { name: 'case page', path: '/cases/{receipt}', setup: casePage, target: { of: 'floor', percent: 60 } },
  {
    name: 'signed-in applicant dashboard, 20 linked cases',
    path: '/dashboard',
    setup: applicantDashboard,
    target: { of: 'floor', percent: 60 },
  },
  {
    name: "officers' appointment-request queue, 10,000 open, one filter",
    path: '/officer/appointment-requests?reason=adit_stamp',
    setup: officerQueue,
    target: { of: 'floor', percent: 40 },
  },
  { name: 'your appointments, 12 requests', path: '/appointments', setup: requesterAppointments, target: { of: 'floor', percent: 60 } },
  {
    name: 'myProgress page, 1,000,000 historical cases',
    path: '/cases/{receipt}/progress',
    setup: progressPage,
    target: { of: 'floor', percent: 50 },
  },
  { name: "officers' callbacks, 10,000 open", path: '/officer/callbacks', setup: officerCallbacks, target: { of: 'floor', percent: 40 } },
  {
    name: 'inbound text webhook (signed YES, no question open)',
    path: '/api/sms/inbound',
    method: 'POST',
    body: INBOUND_BODY,
    setup: inboundWebhook,
    target: { of: 'floor', percent: 150 },
  },
  { name: 'API: a case with its history (bearer token, rate limits)', path: '/api/v1/cases/{receipt}', setup: apiCaseRead, target: { of: 'floor', percent: 150 } },
  {
    name: 'API: batch link of 100 cases (a request)',
    path: '/api/v1/case-links',
    method: 'POST',
    prepareScenario: prepareLinkBatch,
    scenario: linkBatch,
    scenarioUsers: 2,
  },
  { name: 'reschedule: the time picker, a week of times', path: '/cases/{receipt}/biometrics/time', setup: rescheduleTimePicker, target: { of: 'floor', percent: 40 } },
];

export { cookiesSetBy } from './cookies';

/**
 * Who may open each page of the portal, in one list. Every page still checks for itself (requireUser
 * or requireArea at its top: a list cannot protect anything); the list is what the checks are tested
 * against. A rules test fails when a page exists on disk without an entry here (or an entry has no
 * page), so a new page must say who it is for; the authorization journey (e2e/authorization.spec.ts)
 * opens every entry as each role and checks the answer:
 *  - 'anyone': every visitor gets the page (200);
 *  - 'signed-out-only': pages for signing in or up; a signed-in person is sent to their landing page;
 *  - an Area (lib/auth/policy.ts): signed-out visitors are sent to sign in (and brought back after),
 *    signed-in people outside the area get "not found", exactly as for a page that does not exist.
 */
import type { Role } from '@/db/columns';
import { mayEnter, type Area } from './policy';

export type RouteAccess = 'anyone' | 'signed-out-only' | Area;

export interface PageRoute {
  access: RouteAccess;
  /**
   * The address to open the page at, with a sample value in each dynamic segment. Pages that need
   * a flow in progress (a pending sign-in) answer here as they do to someone who arrives without it.
   */
  sample: string;
  /** What every visitor gets instead of the page, when that is not 200 (the catch-all's "not found"). */
  always?: 404;
  /**
   * The sample names an object (a case) that belongs to nobody: people inside the area get the
   * same "not found" as for an object that does not exist. Access to real objects is tested by
   * their own journeys (e2e/case-access.spec.ts).
   */
  objectOfNobody?: true;
  /**
   * For a step of a flow (the sign-in code page): opened without the flow in progress, every visitor
   * is sent to this page, where the flow starts.
   */
  flowStart?: string;
}

/**
 * Keys are the page's route under app/[locale], as on disk ("/officer/staff", "/[...rest]").
 * English paths; each page also exists under /es.
 */
export const PAGE_ROUTES = {
  '/': { access: 'anyone', sample: '/' },
  '/[...rest]': { access: 'anyone', sample: '/no-such-page', always: 404 },
  '/dev/outbox': { access: 'anyone', sample: '/dev/outbox' },
  // The API's reference for case-management software vendors: public, the same for everyone.
  '/developers': { access: 'anyone', sample: '/developers' },
  '/sign-in': { access: 'signed-out-only', sample: '/sign-in' },
  '/sign-in/verify': { access: 'signed-out-only', sample: '/sign-in/verify', flowStart: '/sign-in' },
  // Open to anyone: the emailed link and the second step are the keys, not a session.
  '/password-reset': { access: 'anyone', sample: '/password-reset' },
  // Without a token (or with a used one) the page says the link cannot be used.
  '/password-reset/continue': { access: 'anyone', sample: '/password-reset/continue' },
  // The later steps belong to the browser that pressed "Continue"; any other is sent to ask for a new link.
  '/password-reset/verify': { access: 'anyone', sample: '/password-reset/verify', flowStart: '/password-reset' },
  '/password-reset/new-password': { access: 'anyone', sample: '/password-reset/new-password', flowStart: '/password-reset' },
  '/sign-up': { access: 'signed-out-only', sample: '/sign-up' },
  // Each step explains that the sign-up timed out when this browser has none in progress.
  '/sign-up/confirm': { access: 'signed-out-only', sample: '/sign-up/confirm' },
  '/sign-up/second-step': { access: 'signed-out-only', sample: '/sign-up/second-step' },
  '/sign-up/backup-codes': { access: 'signed-out-only', sample: '/sign-up/backup-codes' },
  '/sign-out': { access: 'account', sample: '/sign-out' },
  '/dashboard': { access: 'cases', sample: '/dashboard' },
  '/cases/link': { access: 'cases', sample: '/cases/link' },
  '/cases/[receipt]': { access: 'cases', sample: '/cases/IOE0000000001', objectOfNobody: true },
  '/cases/[receipt]/progress': { access: 'cases', sample: '/cases/IOE0000000001/progress', objectOfNobody: true },
  '/cases/[receipt]/people/[link]/end': { access: 'cases', sample: '/cases/IOE0000000001/people/1/end', objectOfNobody: true },
  '/access-codes/request': { access: 'cases', sample: '/access-codes/request' },
  // A case's biometrics appointment and the steps of rescheduling it; a step opened before the ones
  // it needs sends the person back to them (a case of nobody's reads as "not found" first).
  '/cases/[receipt]/biometrics': { access: 'cases', sample: '/cases/IOE0000000001/biometrics', objectOfNobody: true },
  '/cases/[receipt]/biometrics/reason': { access: 'cases', sample: '/cases/IOE0000000001/biometrics/reason', objectOfNobody: true },
  '/cases/[receipt]/biometrics/centre': { access: 'cases', sample: '/cases/IOE0000000001/biometrics/centre', objectOfNobody: true },
  '/cases/[receipt]/biometrics/time': { access: 'cases', sample: '/cases/IOE0000000001/biometrics/time', objectOfNobody: true },
  '/cases/[receipt]/biometrics/check': { access: 'cases', sample: '/cases/IOE0000000001/biometrics/check', objectOfNobody: true },
  '/cases/[receipt]/biometrics/rescheduled': { access: 'cases', sample: '/cases/IOE0000000001/biometrics/rescheduled', objectOfNobody: true },
  '/callbacks': { access: 'cases', sample: '/callbacks' },
  '/callbacks/request': { access: 'cases', sample: '/callbacks/request' },
  '/callbacks/[number]': { access: 'cases', sample: '/callbacks/10000000', objectOfNobody: true },
  '/appointments': { access: 'cases', sample: '/appointments' },
  '/appointments/request': { access: 'cases', sample: '/appointments/request' },
  // "Which situation" only follows "Other": without it, the flow's first page.
  '/appointments/request/[step]': { access: 'cases', sample: '/appointments/request/office' },
  // Opened before every page is answered, it links to the first page that needs an answer.
  '/appointments/request/check': { access: 'cases', sample: '/appointments/request/check' },
  '/appointments/request/submitted': { access: 'cases', sample: '/appointments/request/submitted', objectOfNobody: true },
  '/appointments/[reference]': { access: 'cases', sample: '/appointments/AR-2345-6789', objectOfNobody: true },
  '/officer': { access: 'officer', sample: '/officer' },
  '/officer/staff': { access: 'supervisor', sample: '/officer/staff' },
  '/officer/capacity': { access: 'supervisor', sample: '/officer/capacity' },
  '/officer/appointment-requests': { access: 'officer', sample: '/officer/appointment-requests' },
  '/officer/callbacks': { access: 'officer', sample: '/officer/callbacks' },
  '/officer/callbacks/[number]': { access: 'officer', sample: '/officer/callbacks/10000000', objectOfNobody: true },
  // A well-formed reference that no request has: officers get "not found", as for any unknown one.
  '/officer/appointment-requests/[reference]': { access: 'officer', sample: '/officer/appointment-requests/AR-ZZZZ-ZZZZ', objectOfNobody: true },
  '/settings': { access: 'account', sample: '/settings' },
  '/settings/security': { access: 'account', sample: '/settings/security' },
  '/settings/api-clients': { access: 'representative', sample: '/settings/api-clients' },
  '/settings/security/password': { access: 'account', sample: '/settings/security/password' },
  '/settings/security/backup-codes': { access: 'account', sample: '/settings/security/backup-codes' },
  '/settings/security/second-factor': { access: 'account', sample: '/settings/security/second-factor' },
  // Without a change in progress it says to start again.
  '/settings/security/second-factor/confirm': { access: 'account', sample: '/settings/security/second-factor/confirm' },
  // The token in the link is the key; without one (or with a used one) the page says the link cannot be used.
  '/staff/setup': { access: 'anyone', sample: '/staff/setup' },
  // The later steps belong to the browser that used the link; any other is told its set-up session ended.
  '/staff/setup/confirm': { access: 'anyone', sample: '/staff/setup/confirm' },
  '/staff/setup/done': { access: 'anyone', sample: '/staff/setup/done' },
} as const satisfies Record<string, PageRoute>;

export type PageRoutePattern = keyof typeof PAGE_ROUTES;

/** What a person of `role` (or a signed-out visitor, null) gets at a page with this access. */
export type ExpectedAnswer = 'page' | 'sign-in' | 'landing' | 'not-found' | 'flow-start';

export function expectedAnswer(route: PageRoute, role: Role | null): ExpectedAnswer {
  if (route.always === 404) return 'not-found';
  if (route.flowStart) return 'flow-start';
  if (route.access === 'anyone') return 'page';
  if (route.access === 'signed-out-only') return role ? 'landing' : 'page';
  if (!role) return 'sign-in';
  return mayEnter({ role }, route.access) && !route.objectOfNobody ? 'page' : 'not-found';
}

/**
 * The route pattern of a page file, from its path under app/[locale]: "settings/security/page.tsx"
 * → "/settings/security". Route groups ("(auth)") do not appear in addresses and are dropped.
 */
export function routeOfPageFile(relativePath: string): string {
  const segments = relativePath
    .replace(/\\/g, '/')
    .split('/')
    .slice(0, -1)
    .filter((segment) => !(segment.startsWith('(') && segment.endsWith(')')));
  return `/${segments.join('/')}`;
}

/**
 * Setups of the rows behind sign-in. Each makes its own fresh account and cases in the store the
 * server uses, signs in through the pages (password, then the emailed code), and loads the page
 * once to make sure it answers 200 with the cases on it before the load starts: a row measuring a
 * redirect to sign-in or an empty list would measure nothing. The session lasts the row easily
 * (it ends after 30 minutes idle or 12 hours, and the load itself is activity).
 */
import { cookieHeader } from './cookies';
import { createAccountWithLinkedCases, type LinkedCases, type LinkedCasesOptions } from './linked-cases';
import type { RowContext, RowRequest } from './rows';
import { signInThroughPages } from './sign-in-scenario';

/** GET /dashboard for a representative with 200 active client case links (about 120 clients). */
export function representativeDashboard(context: RowContext): Promise<RowRequest> {
  return signedInPage(context, { role: 'representative', cases: 200, clients: 120 }, () => '/dashboard', 'some');
}

/** GET /cases/{receipt} for one of a representative's 200 cases, one with six status events. */
export function casePage(context: RowContext): Promise<RowRequest> {
  return signedInPage(context, { role: 'representative', cases: 200, clients: 120 }, (made) => `/cases/${made.caseWithLongestHistory}`, (made) => made.caseWithLongestHistory);
}

/**
 * GET /cases/{receipt}/progress for a representative's pending case past biometrics: myProgress
 * reads the case's milestones and a few stored curves, whatever the size of the history (the bench
 * seeds a million historical cases).
 */
export async function progressPage(context: RowContext): Promise<RowRequest> {
  return signedInPage(
    context,
    { role: 'representative', cases: 40, clients: 25 },
    (made) => {
      if (!made.pendingForProgress) throw new Error('the planned cases have no pending case myProgress estimates');
      return `/cases/${made.pendingForProgress}/progress`;
    },
    (made) => made.pendingForProgress!,
  );
}

/** GET /dashboard for an applicant with 20 linked cases of their own. */
export function applicantDashboard(context: RowContext): Promise<RowRequest> {
  return signedInPage(context, { role: 'applicant', cases: 20, clients: 1 }, () => '/dashboard', 'all');
}

/**
 * `expect`: which receipt numbers the page must show. 'all' of them (an applicant's list has no
 * pages), 'some' (a representative's first page of clients), or the one case a case page is about.
 */
async function signedInPage(
  context: RowContext,
  cases: LinkedCasesOptions,
  pathFor: (made: LinkedCases) => string,
  expect: 'all' | 'some' | ((made: LinkedCases) => string),
): Promise<RowRequest> {
  const made = await createAccountWithLinkedCases(context.storeUrl, cases);
  const cookies = await signInThroughPages(context, made.email, made.password);
  const path = pathFor(made);
  const response = await context.fetch(path, { headers: { cookie: cookieHeader(cookies) } });
  const html = await response.text();
  if (response.status !== 200) {
    const where = response.headers.get('location');
    throw new Error(`${path} answered ${response.status}${where ? ` (to ${where})` : ''} for the ${cases.role} just signed in, not 200`);
  }
  const target = typeof expect === 'function' ? expect(made) : null;
  const expected = target ? [target] : made.receiptNumbers;
  const shown = expected.filter((receipt) => html.includes(receipt));
  if (expect === 'some' ? shown.length === 0 : shown.length < expected.length) {
    const what =
      target ? `the case ${target}` : expect === 'all' ? `${expected.length - shown.length} of its ${expected.length} cases` : `any of its ${expected.length} cases`;
    throw new Error(`${path} for the ${cases.role} just signed in answered 200 but does not show ${what}`);
  }
  return { cookies, path, expect: target ?? shown[0] };
}

/**
 * Every page of the portal (lib/auth/route-access.ts lists them; a rules test keeps the list
 * complete), opened by a signed-out visitor and by each role, in English and Spanish. Each answer
 * must be what the list says:
 *  - allowed: 200;
 *  - a protected page, signed out: a redirect to sign in that remembers the page (returnTo);
 *  - signed in but outside the page's area: 404, exactly as for a page that does not exist;
 *  - sign-in and sign-up pages, signed in: a redirect to the person's landing page.
 *
 * Each role signs in once through the pages (password, then the emailed code from the outbox), with
 * its own fresh account, so no other journey's codes race with these; the browser state is then
 * reused for plain requests that do not follow redirects.
 *
 * Server actions are checked by lib/auth/actions/settings-and-staff-authorization.test.ts: each one
 * calls requireArea before anything else.
 */
import type { APIRequestContext, Browser } from '@playwright/test';
import type { Role } from '@/db/columns';
import { expectedAnswer, PAGE_ROUTES, type PageRoute } from '@/lib/auth/route-access';
import { expect, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { signIn } from './support/sign-in';

const roles: Role[] = ['applicant', 'representative', 'officer', 'supervisor'];
const landing: Record<Role, string> = { applicant: '/dashboard', representative: '/dashboard', officer: '/officer', supervisor: '/officer' };
const routes = Object.entries(PAGE_ROUTES) as [string, PageRoute][];

/** Signs a fresh account of `role` in through the pages and returns its cookies. */
async function signedInState(browser: Browser, role: Role) {
  const account = await createFreshAccount({ role });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${landing[role]}$`));
  const state = await context.storageState();
  await context.close();
  return state;
}

/** What the server answers to a plain GET, redirects not followed. */
async function answer(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), location: response.headers().location ?? null };
}

function check(result: { status: number; location: string | null }, route: PageRoute, role: Role | null, prefix: '' | '/es', path: string) {
  const expected = expectedAnswer(route, role);
  const what = `${role ?? 'signed out'} → ${path}: expected ${expected}, got ${result.status} ${result.location ?? ''}`;
  switch (expected) {
    case 'page':
      expect(result.status, what).toBe(200);
      break;
    case 'not-found':
      expect(result.status, what).toBe(404);
      break;
    case 'sign-in': {
      expect([303, 307], what).toContain(result.status);
      const target = new URL(result.location!, 'http://portal.test');
      expect(target.pathname, what).toBe(`${prefix}/sign-in`);
      // The page to come back to; never the sign-in, sign-up or sign-out pages (safeReturnPath), which lead home instead.
      expect(target.searchParams.get('returnTo'), what).toBe(/^\/(es\/)?(sign-in|sign-out|sign-up)(\/|$)/.test(path) ? '/' : path);
      break;
    }
    case 'landing':
      expect([303, 307], what).toContain(result.status);
      expect(new URL(result.location!, 'http://portal.test').pathname, what).toBe(`${prefix}${landing[role!]}`);
      break;
    case 'flow-start':
      expect([303, 307], what).toContain(result.status);
      expect(new URL(result.location!, 'http://portal.test').pathname, what).toBe(`${prefix}${route.flowStart}`);
      break;
  }
}

const prefixes = ['', '/es'] as const;
/** The page's address in a language: "/es/settings", and "/es" (not "/es/") for the home page. */
const localised = (prefix: '' | '/es', sample: string) => (prefix && sample === '/' ? prefix : prefix + sample);

test('signed out: every page, in English and Spanish, answers as the access list says', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (const prefix of prefixes) {
    for (const [, route] of routes) {
      const path = localised(prefix, route.sample);
      check(await answer(request, path), route, null, prefix, path);
    }
  }
  await request.dispose();
});

for (const role of roles) {
  test(`${role}: every page, in English and Spanish, answers as the access list says`, async ({ browser, playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, storageState: await signedInState(browser, role) });
    for (const prefix of prefixes) {
      for (const [, route] of routes) {
        const path = localised(prefix, route.sample);
        check(await answer(request, path), route, role, prefix, path);
      }
    }
    await request.dispose();
  });
}

test('a page outside the area looks exactly like a page that does not exist', async ({ browser, playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, storageState: await signedInState(browser, 'officer') });
  const staffPage = await request.get('/officer/staff', { maxRedirects: 0 });
  const missing = await request.get('/officer/no-such-page', { maxRedirects: 0 });
  expect(staffPage.status()).toBe(404);
  expect(missing.status()).toBe(404);
  const heading = (html: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1];
  expect(heading(await staffPage.text())).toBe(heading(await missing.text()));
  await request.dispose();
});

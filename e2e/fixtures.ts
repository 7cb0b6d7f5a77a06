import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA and axe's best practices: the bar for every page (spec §10). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Page states already checked by this worker. A state is a page (its address with the parts that
 * name someone's data left out), its language and title, and whether it shows an error summary or
 * an alert: the same state checked again finds nothing new and costs a second or more each time.
 */
const checkedStates = new Set<string>();

async function pageState(page: Page): Promise<string> {
  const url = new URL(page.url());
  const route = url.pathname.replace(/[A-Z]{3}\d{10}/g, ':receipt').replace(/AR-[A-Z0-9]{4}-[A-Z0-9]{4}/g, ':reference').replace(/\/\d+(?=\/|$)/g, '/:id');
  const query = [...new Set(url.searchParams.keys())].sort().join('&');
  const shown = await page.evaluate(() =>
    [
      document.documentElement.lang,
      document.title,
      document.querySelector('main [role="alert"]') ? 'errors' : '',
      [...document.querySelectorAll('main [aria-invalid="true"]')].map((field) => field.id).join(','),
    ].join('|'),
  );
  return `${route}?${query}|${shown}`;
}

/** Runs axe-core on the page as it is now, once per distinct page state, and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next streams the new title in a moment later: check the page as it settles.
  await expect(page).toHaveTitle(/\S/);
  const state = await pageState(page);
  if (checkedStates.has(state)) return;
  checkedStates.add(state);
  // A page can still be settling (after a client-side navigation the new title streams in a moment
  // later): a violation must still be there on a second look, a few seconds on, to count.
  await expect(async () => {
    const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
    const report = violations
      .map((v) => {
        const nodes = v.nodes
          .slice(0, 5)
          .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
          .join('\n');
        return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n    ${v.helpUrl}\n${nodes}`;
      })
      .join('\n');
    expect(violations.length, `axe found ${violations.length} violation(s) on ${page.url()}:\n${report}`).toBe(0);
  }).toPass({ intervals: [2_000, 3_000], timeout: 10_000 });
}

/**
 * The journeys' `test`: like Playwright's, but a test also fails when the browser reports a
 * Content Security Policy violation or an uncaught script error on any page it visited.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) {
        problems.push(`CSP: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
    await provide(page);
    expect(problems, `the browser reported problems:\n${problems.join('\n')}`).toEqual([]);
  },
});

export { expect };

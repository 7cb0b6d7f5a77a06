/**
 * myProgress (spec §7) as people read it, on the demo's cases and the historical data the demo
 * ships with: a representative sorts the dashboard by expected decision, then reads a case early in
 * processing, one past biometrics (also with the picture hidden), one past its 80 % date and a form
 * myProgress does not cover; an applicant in Spanish reads her own cases and is told "not found" for
 * someone else's.
 */
import type { Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { DEMO_PASSWORD } from '@/db/seed/demo-accounts';
import { caseLinks, cases, users } from '@/db/schema';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { e2eStore } from './support/accounts';
import { signInAndLand } from './support/sign-in';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const estimate = (page: Page) => page.getByRole('region', { name: /When your case may be decided|Cuándo podría decidirse su caso/ });
const milestones = (page: Page) => page.getByRole('main').getByRole('list').last();

/** The demo cases linked to a person, with what the journeys pick them by. */
async function casesOf(email: string) {
  const { db } = e2eStore();
  return db
    .select({ receipt: cases.receiptNumber, formType: cases.formType, classification: cases.classification, state: cases.state, receiptDate: cases.receiptDate, expected: cases.expectedDecisionOn, given: cases.applicantGivenName })
    .from(cases)
    .innerJoin(caseLinks, eq(caseLinks.caseId, cases.id))
    .innerJoin(users, eq(users.id, caseLinks.userId))
    .where(and(eq(users.email, email)));
}

const longDate = (iso: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

test('a representative sorts clients by expected decision and reads four kinds of case in myProgress', async ({ page }) => {
  const rita = 'rita.representative@example.com';
  const hers = await casesOf(rita);
  const pick = (what: string, test: (c: (typeof hers)[number]) => boolean) => {
    const found = hers.find(test);
    if (!found) throw new Error(`the demo data has no ${what} among the representative's cases`);
    return found;
  };
  const early = pick('recent asylum work permit', (c) => c.classification === 'Based on a pending asylum application' && c.state === 'pending');
  const naturalization = pick('pending N-400 past biometrics', (c) => c.formType === 'N-400' && c.state === 'pending' && c.given === 'Miguel');
  const late = pick('I-130 pending for over two years', (c) => c.formType === 'I-130' && c.state === 'pending');
  const uncovered = pick('I-129', (c) => c.formType === 'I-129');
  const soonest = hers.map((c) => c.expected).filter((d): d is string => d !== null).sort()[0];

  await signInAndLand(page, rita, DEMO_PASSWORD);
  const table = page.getByRole('table');
  await table.getByRole('link', { name: 'Expected decision' }).click();
  await expect(page).toHaveURL(/sort=expected/);
  await expect(table.getByRole('columnheader', { name: 'Expected decision' })).toHaveAttribute('aria-sort', 'ascending');
  // The first case row (after the first client's heading row) has the soonest expected decision.
  await expect(table.locator('tbody tr').nth(1)).toContainText(longDate(soonest));
  await expectNoAxeViolations(page);

  // Early in processing: from the case page.
  await page.goto(`/cases/${early.receipt}`);
  await page.getByRole('link', { name: 'myProgress: when this case may be decided' }).click();
  await expect(heading(page)).toHaveText('myProgress');
  await expect(estimate(page)).toContainText(/Between \w+ \d+, \d{4} and \w+ \d+, \d{4}/);
  await expect(estimate(page)).toContainText('similar cases that were still waiting after');
  await expect(estimate(page)).toContainText('This is an estimate, not a promise');
  await expect(estimate(page).locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('img', { name: 'Timeline of your case' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Past biometrics: compared with cases past biometrics; readable with the picture hidden.
  await page.goto(`/cases/${naturalization.receipt}/progress`);
  await expect(estimate(page)).toContainText('had also had their biometrics taken');
  await expect(estimate(page)).toContainText(/Based on [\d,]+ similar cases \(Form N-400, All other applications for naturalization, .+\) received between/);
  await expectNoAxeViolations(page);
  await page.locator('.progress-timeline').evaluate((figure) => ((figure as HTMLElement).style.display = 'none'));
  await expect(milestones(page).getByRole('listitem')).toHaveText([
    `Done: Case received Done on ${longDate(naturalization.receiptDate)}`,
    /^Done: Biometrics Done on \w+ \d+, \d{4}$/,
    'Not done yet: Interview Not yet',
    /^Not done yet: Decision Estimated between \w+ \d+, \d{4} and \w+ \d+, \d{4}$/,
  ]);

  // Past its 80 % date: outside normal processing time, and how to ask about it.
  await page.goto(`/cases/${late.receipt}/progress`);
  await expect(page.getByRole('heading', { name: 'Your case is outside normal processing time' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('call the Contact Center at');
  await expectNoAxeViolations(page);

  // A form myProgress does not cover: the milestones only.
  await page.goto(`/cases/${uncovered.receipt}/progress`);
  await expect(page.getByRole('main')).toContainText('No estimate for this form');
  await expect(estimate(page)).toHaveCount(0);
  await expect(milestones(page).getByRole('listitem').last()).toContainText(/Decision Done on/);
  await expectNoAxeViolations(page);
});

test('an applicant reads myProgress in Spanish, and another person’s case is not found', async ({ page }) => {
  const lucia = 'lucia.solicitante@example.com';
  const hers = await casesOf(lucia);
  const tps = hers.find((c) => c.formType === 'I-821')!;
  const permit = hers.find((c) => c.formType === 'I-765')!;
  const someoneElses = (await casesOf('rita.representative@example.com')).find((c) => c.formType === 'I-130')!;

  await signInAndLand(page, lucia, DEMO_PASSWORD, { language: 'es' });
  await page.goto(`/es/cases/${tps.receipt}/progress`);
  await expect(heading(page)).toHaveText('myProgress');
  await expect(estimate(page)).toContainText(/Entre el \d+ de \w+ de \d{4} y el \d+ de \w+ de \d{4}/);
  await expect(estimate(page)).toContainText('también se les tomaron los datos biométricos');
  await expect(estimate(page)).toContainText('Esto es un cálculo, no una promesa');
  await expect(page.getByRole('img', { name: 'Línea de tiempo de su caso' })).toBeVisible();
  await expect(milestones(page).getByRole('listitem').first()).toHaveText(`Hecho: Caso recibido Hecho el ${longDate(tps.receiptDate, 'es-US')}`);
  await expectNoAxeViolations(page);

  await page.goto(`/es/cases/${permit.receipt}/progress`);
  await expect(estimate(page)).toContainText(/Su caso se decidió el \d+ de \w+ de \d{4}/);
  await expectNoAxeViolations(page);

  const response = await page.goto(`/es/cases/${someoneElses.receipt}/progress`);
  expect(response?.status()).toBe(404);
});

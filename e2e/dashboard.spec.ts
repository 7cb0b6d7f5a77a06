/**
 * The representative's dashboard (spec §1: bulk views across all clients): clients in alphabetical
 * order, pages of 25 clients, search and filters in the address (plain GET forms), and the cases
 * that need action. The applicant's own dashboard marks what needs doing.
 */
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { addRepresentativeProfile, clientCases, freshCase, linkDirectly } from './support/cases';
import { signInAndLand } from './support/sign-in';
import { DASHBOARD_PAGE_BUDGET_BYTES } from '../scripts/bench/budgets';

const families = ['Zamora', 'Abara', 'Ñúñez', 'Bello', 'Cruz', 'Duarte', 'Espinoza', 'Fofana', 'García', 'Haddad', 'Ibarra', 'Jovanović', 'Kaur', 'Lam', 'Morales', 'Nakamura', 'Ortiz', 'Pham', 'Quispe', 'Rahimi', 'Silva', 'Tadesse', 'Ueda', 'Vargas', 'Wong', 'Xu', 'Yilmaz', 'Álvarez'];

test('a representative pages through clients alphabetically, filters by form and finds what needs action', async ({ page }) => {
  const representative = await createFreshAccount({ role: 'representative' });
  await addRepresentativeProfile(representative.user);
  const made = await clientCases(
    representative.user,
    families.map((familyName, i) => ({ givenName: `Client${i}`, familyName })),
    ['I-130', 'N-400', 'I-765'],
  );
  await signInAndLand(page, representative.email, representative.password);

  await expect(page.getByRole('main').getByRole('status')).toContainText('28 clients, 28 cases. Showing 1 to 25 of 28 clients');
  const clientNames = page.getByRole('main').getByRole('heading', { level: 3 });
  await expect(clientNames).toHaveCount(25);
  const shown = await clientNames.allTextContents();
  // Alphabetical by family name, accents sorted with their letters (Álvarez with the As, Ñúñez after Nakamura).
  expect(shown.slice(0, 3)).toEqual(['Client1 Abara', 'Client27 Álvarez', 'Client3 Bello']);
  expect(shown.indexOf('Client2 Ñúñez')).toBe(shown.indexOf('Client15 Nakamura') + 1);
  await expect(page.getByRole('heading', { name: /cases need action/ })).toContainText('10 cases need action');
  await expectNoAxeViolations(page);
  // A page of 25 clients stays light: its HTML with the inline payload the page repeats it in.
  const firstPage = await (await page.request.get('/dashboard')).text();
  expect(firstPage).toContain('Client1 Abara');
  expect(Buffer.byteLength(firstPage), 'bytes of HTML for a page of 25 clients').toBeLessThanOrEqual(DASHBOARD_PAGE_BUDGET_BYTES);

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(clientNames).toHaveText(['Client25 Xu', 'Client26 Yilmaz', 'Client0 Zamora']);
  await expectNoAxeViolations(page);

  await page.getByLabel('Form').selectOption('N-400');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/form=N-400/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('9 clients, 9 cases');
  const n400 = made.filter((c) => c.formType === 'N-400');
  for (const theCase of n400) await expect(page.getByRole('link', { name: theCase.receiptNumber })).toBeVisible();

  await page.getByRole('link', { name: 'Clear search' }).click();
  await page.getByRole('link', { name: 'Show them' }).click();
  await expect(page).toHaveURL(/status=action_required/);
  await expect(page.getByRole('main').getByRole('status')).toContainText('10 clients, 10 cases');
  await expect(page.getByRole('main').getByRole('cell', { name: /Respond to the request for evidence/ })).toHaveCount(10);
  await expect(page.getByLabel('Status')).toHaveValue('action_required');
  await expectNoAxeViolations(page);

  await page.getByLabel('Client name or receipt number').fill('no such client');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('No cases match your search. Try other words or clear the filters.');
});

test('in Spanish: an applicant sees each case with its latest status and what needs doing', async ({ page }) => {
  const applicant = await createFreshAccount({ language: 'es' });
  const { theCase: rfe } = await freshCase({ formType: 'I-485', latestStatus: 'request_for_evidence_was_sent' });
  const { theCase: quiet } = await freshCase({ formType: 'I-765' });
  await linkDirectly(rfe, applicant.user, 'applicant');
  await linkDirectly(quiet, applicant.user, 'applicant');
  await signInAndLand(page, applicant.email, applicant.password, { language: 'es' });

  const table = page.getByRole('table', { name: 'Casos vinculados a su cuenta' });
  await expect(table.getByRole('row', { name: new RegExp(rfe.receiptNumber) })).toContainText('Responda a la solicitud de evidencia');
  await expect(table.getByRole('row', { name: new RegExp(quiet.receiptNumber) })).toContainText('Caso Está Siendo Revisado Activamente Por USCIS');
  await expect(table.getByRole('link', { name: rfe.receiptNumber })).toHaveAttribute('href', `/es/cases/${rfe.receiptNumber}`);
  await expectNoAxeViolations(page);
});

/**
 * API credentials (spec §9): a representative creates sandbox credentials on the settings page
 * (after fixing what the form refuses), sees the secret once and gets a token with it; rotates the
 * secret (both secrets work during the grace period); revokes the credentials, after which neither
 * does. The page never shows a secret again. Axe on every state; the Spanish page too.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount } from './support/accounts';
import { signInAndLand } from './support/sign-in';

const main = (page: Page) => page.getByRole('main');
const shownValue = (page: Page, term: string) => main(page).locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

const tokenStatus = async (request: APIRequestContext, clientId: string, clientSecret: string) =>
  (await request.post('/api/v1/oauth/token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } })).status();

test('a representative creates sandbox credentials, rotates the secret and revokes them', async ({ page, request }) => {
  const rep = await createFreshAccount({ role: 'representative', givenName: 'Rosa', familyName: 'Méndez' });
  await signInAndLand(page, rep.email, rep.password);

  await page.goto('/settings');
  await main(page).getByRole('navigation').getByRole('link', { name: 'API credentials' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API credentials' })).toBeVisible();
  await expect(main(page).getByText('You have no API credentials yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: both problems, in the summary and beside each field.
  await main(page).getByRole('button', { name: 'Create credentials' }).click();
  const summary = main(page).getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link', { name: 'Enter a name for the credentials' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Select sandbox or production' })).toBeVisible();
  await expectNoAxeViolations(page);

  await main(page).getByLabel('Name').fill('Case manager tests');
  await main(page).getByLabel('Sandbox').check();
  await main(page).getByRole('button', { name: 'Create credentials' }).click();
  await expect(main(page).getByRole('heading', { name: 'Copy the secret now' })).toBeVisible();
  const clientId = (await shownValue(page, 'Client id').innerText()).trim();
  const firstSecret = (await shownValue(page, 'Client secret').innerText()).trim();
  expect(clientId).toMatch(/^test_/);
  expect(firstSecret).toMatch(/^sec_/);
  await expectNoAxeViolations(page);
  expect(await tokenStatus(request, clientId, firstSecret)).toBe(200);

  // Back to the list: the credentials are there, the secret is not.
  await main(page).getByRole('link', { name: 'I have copied the secret' }).click();
  const row = main(page).getByRole('row', { name: /Case manager tests/ });
  await expect(row).toContainText(clientId);
  await expect(row).toContainText('Sandbox');
  await expect(main(page)).not.toContainText(firstSecret);

  // Rotate: confirmed first; the new secret shown once; the old one still works for 14 days.
  await row.getByRole('link', { name: /Rotate the secret/ }).click();
  await expect(main(page).getByRole('heading', { name: 'Rotate the secret of “Case manager tests”?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await main(page).getByRole('button', { name: 'Make a new secret' }).click();
  await expect(main(page).getByRole('heading', { name: 'New secret made' })).toBeVisible();
  const secondSecret = (await shownValue(page, 'Client secret').innerText()).trim();
  expect(secondSecret).not.toBe(firstSecret);
  expect(await tokenStatus(request, clientId, secondSecret)).toBe(200);
  expect(await tokenStatus(request, clientId, firstSecret)).toBe(200);
  await page.reload();
  await expect(main(page)).not.toContainText(secondSecret);

  // Revoke: confirmed first; then neither secret gets a token.
  await page.goto('/settings/api-clients');
  await expect(main(page).getByRole('row', { name: /Case manager tests/ })).toContainText('The previous secret works until');
  await main(page).getByRole('row', { name: /Case manager tests/ }).getByRole('link', { name: /Revoke/ }).click();
  await expect(main(page).getByRole('heading', { name: 'Revoke “Case manager tests”?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await main(page).getByRole('button', { name: 'Revoke these credentials' }).click();
  await expect(main(page).getByText('The credentials were revoked: they no longer work.')).toBeVisible();
  await expect(main(page).getByRole('row', { name: /Case manager tests/ })).toContainText('Revoked on');
  expect(await tokenStatus(request, clientId, secondSecret)).toBe(401);
  expect(await tokenStatus(request, clientId, firstSecret)).toBe(401);

  await page.goto('/es/settings/api-clients');
  await expect(page.getByRole('heading', { level: 1, name: 'Credenciales de la API' })).toBeVisible();
  await expect(main(page).getByRole('row', { name: /Case manager tests/ })).toContainText('Revocadas el');
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('creating credentials is a plain form: the error, then the secret once', async ({ page }) => {
    const rep = await createFreshAccount({ role: 'representative' });
    await signInAndLand(page, rep.email, rep.password);
    await page.goto('/settings/api-clients');
    await main(page).getByLabel('Name').fill('Nightly sync');
    await main(page).getByRole('button', { name: 'Create credentials' }).click();
    await expect(main(page).getByText('Select sandbox or production').first()).toBeVisible();
    await expect(main(page).getByLabel('Name')).toHaveValue('Nightly sync');
    await main(page).getByLabel('Production').check();
    await main(page).getByRole('button', { name: 'Create credentials' }).click();
    await expect(shownValue(page, 'Client id')).toContainText('live_');
    await expect(shownValue(page, 'Client secret')).toContainText('sec_');
  });
});

/**
 * Staff accounts (spec §1: officers and supervisors never sign up): a supervisor creates one at
 * /officer/staff, the set-up link arrives by email (the local outbox), the new officer chooses a
 * password and a second step, saves backup codes and signs in like everyone else. The link works once.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, E2E_DATABASE_URL } from './support/accounts';
import { latestMessageTo } from './support/outbox';
import { signIn as signInThroughPages, signInWithCode, type Language } from './support/sign-in';

const main = (page: Page) => page.getByRole('main');
const errorSummary = (page: Page) => main(page).getByRole('alert').filter({ hasText: /There is a problem|Hay un problema/ });

/** Signs in through the pages and waits for the landing page, so the next step starts signed in. */
async function signIn(page: Page, email: string, password: string, options: { language?: Language; codeTo?: string } = {}) {
  await signInThroughPages(page, email, password, options);
  await expect(page).toHaveURL(/\/(dashboard|officer)$/);
}
const STAFF_PASSWORD = 'lantern-orchard-pebble-58';

/** The set-up link in the newest set-up email to `email`, as a path on the server under test. */
async function setupLinkFor(page: Page, email: string): Promise<string> {
  const message = await latestMessageTo(page, email, { template: 'staff-setup-link' });
  const link = /https?:\/\/\S+\/staff\/setup\?token=[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(link, `a set-up link in "${message.subject}"`).toBeDefined();
  // The email names the portal's public address; the journey's server listens elsewhere.
  const url = new URL(link!);
  return url.pathname + url.search;
}

const newStaffEmail = () => `staff-${randomUUID().slice(0, 10)}@agency.example.gov`;

test.describe('a supervisor creates an officer', () => {
  test('the officer sets up the account from the emailed link and signs in; the link works once', async ({ page, browser }) => {
    const supervisor = await createFreshAccount({ role: 'supervisor', givenName: 'Sasha', familyName: 'Whitcombe' });
    await signIn(page, supervisor.email, supervisor.password);
    await expect(page).toHaveURL(/\/officer$/);
    await main(page).getByRole('link', { name: 'Staff accounts' }).click();
    await expect(page).toHaveURL(/\/officer\/staff$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff accounts');
    await expect(main(page).getByRole('table', { name: 'Officer and supervisor accounts' })).toContainText(supervisor.email);
    await expectNoAxeViolations(page);

    // Nothing filled in: each field says what it needs.
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(errorSummary(page)).toBeFocused();
    for (const message of ['Enter the given name', 'Enter the family name', 'Enter the work email address', 'Select officer or supervisor']) {
      await expect(errorSummary(page)).toContainText(message);
    }
    await expectNoAxeViolations(page);

    const email = newStaffEmail();
    await page.getByLabel('Given name (first name)').fill('Otto');
    await page.getByLabel('Family name (last name)').fill('Brennan');
    await page.getByLabel('Work email address').fill(email);
    await page.getByRole('radio', { name: 'Officer' }).check();
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(page).toHaveURL(/\/officer\/staff\?created=\d+$/);
    await expect(main(page).getByRole('heading', { name: 'Account created' })).toBeVisible();
    await expect(main(page)).toContainText(`We created the officer account of Otto Brennan and emailed a set-up link to ${email}.`);
    // Rows are found by address: names repeat when the journeys run again on the same store.
    const row = main(page).getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Waiting for set-up: the link works until');
    await expectNoAxeViolations(page);

    // The same address again is refused, with what was typed kept.
    await page.getByLabel('Given name (first name)').fill('Otto');
    await page.getByLabel('Family name (last name)').fill('Brennan');
    await page.getByLabel('Work email address').fill(email.toUpperCase());
    await page.getByRole('radio', { name: 'Supervisor' }).check();
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(errorSummary(page)).toContainText('There is already an account with this email address');
    await expect(page.getByLabel('Work email address')).toHaveValue(email.toUpperCase());
    await expect(page.getByRole('radio', { name: 'Supervisor' })).toBeChecked();

    // The officer, in their own browser, opens the link from their inbox.
    const officer = await browser.newContext();
    const officerPage = await officer.newPage();
    const link = await setupLinkFor(officerPage, email);
    await officerPage.goto(link);
    await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Set up your staff account');
    await expect(main(officerPage)).toContainText('Welcome, Otto Brennan.');
    await expect(main(officerPage)).toContainText(`Your account: ${email} (officer)`);
    await expectNoAxeViolations(officerPage);

    await officerPage.getByLabel('Choose a password').fill('password1234');
    await officerPage.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(officerPage)).toContainText('Choose a different password: this one is on a list');
    await expect(errorSummary(officerPage)).toContainText('Select how you want to get your code when you sign in');
    await expectNoAxeViolations(officerPage);

    await officerPage.getByLabel('Choose a password').fill(STAFF_PASSWORD);
    await officerPage.getByRole('radio', { name: 'Email' }).check();
    await officerPage.getByRole('button', { name: 'Continue' }).click();
    await expect(officerPage).toHaveURL(/\/staff\/setup\/confirm$/);
    await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Get your codes by email');
    await expectNoAxeViolations(officerPage);
    await officerPage.getByRole('button', { name: 'Continue' }).click();

    await expect(officerPage).toHaveURL(/\/staff\/setup\/done$/);
    await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Your account is ready');
    await expect(officerPage.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
    await expectNoAxeViolations(officerPage);
    await officerPage.getByRole('button', { name: 'Go to sign in' }).click();
    await expect(officerPage).toHaveURL(/\/sign-in$/);

    await signInWithCode(officerPage, email, STAFF_PASSWORD);
    await expect(officerPage).toHaveURL(/\/officer$/);
    await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('Otto Brennan');

    // The link has done its work: a second use is refused.
    await officerPage.goto(link);
    await expect(officerPage.getByRole('heading', { level: 1 })).toHaveText('This set-up link cannot be used');
    await expect(main(officerPage)).toContainText('The link was already used: your password is set.');
    await expect(officerPage.getByRole('textbox')).toHaveCount(0);
    await expectNoAxeViolations(officerPage);
    await officer.close();

    // The supervisor sees the account set up.
    await page.goto('/officer/staff');
    await expect(main(page).getByRole('row').filter({ hasText: email })).toContainText('Set up');
  });

  test('in Spanish: a supervisor account, set up with text-message codes', async ({ page, browser }) => {
    const supervisor = await createFreshAccount({ role: 'supervisor', language: 'es' });
    await signIn(page, supervisor.email, supervisor.password, { language: 'es' });
    await page.goto('/es/officer/staff');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cuentas del personal');
    await expectNoAxeViolations(page);

    const email = newStaffEmail();
    await page.getByLabel('Nombre de pila').fill('Inés');
    await page.getByLabel('Apellido(s)').fill('Garza');
    await page.getByLabel('Correo electrónico del trabajo').fill(email);
    await page.getByRole('radio', { name: 'Supervisor' }).check();
    await page.getByRole('radio', { name: 'Español' }).check();
    await page.getByRole('button', { name: 'Crear la cuenta y enviar el enlace de configuración' }).click();
    await expect(main(page).getByRole('heading', { name: 'Cuenta creada' })).toBeVisible();
    await expectNoAxeViolations(page);

    const context = await browser.newContext();
    const newPage = await context.newPage();
    const link = await setupLinkFor(newPage, email);
    expect(link).toMatch(/^\/es\/staff\/setup\?token=/);
    await newPage.goto(link);
    await expect(newPage.getByRole('heading', { level: 1 })).toHaveText('Configure su cuenta del personal');
    await expectNoAxeViolations(newPage);

    const phone = `+1480555${String(100 + Math.floor(Math.random() * 100)).padStart(4, '0')}`;
    await newPage.getByLabel('Elija una contraseña').fill(STAFF_PASSWORD);
    await newPage.getByRole('radio', { name: 'Mensaje de texto' }).check();
    await newPage.getByLabel('Número de celular').fill(phone);
    const after = new Date();
    await newPage.getByRole('button', { name: 'Continuar' }).click();
    await expect(newPage).toHaveURL(/\/es\/staff\/setup\/confirm$/);
    await expectNoAxeViolations(newPage);
    const text = await latestMessageTo(newPage, phone, { after, template: 'one-time-code' });
    await newPage.getByLabel('Código de verificación').fill(/\b(\d{6})\b/.exec(text.text)![1]);
    await newPage.getByRole('button', { name: 'Continuar' }).click();
    await expect(newPage).toHaveURL(/\/es\/staff\/setup\/done$/);
    await expect(newPage.getByRole('heading', { level: 1 })).toHaveText('Su cuenta está lista');
    await expectNoAxeViolations(newPage);
    await newPage.getByRole('button', { name: 'Ir a iniciar sesión' }).click();
    await expect(newPage).toHaveURL(/\/es\/sign-in$/);
    await signInWithCode(newPage, email, STAFF_PASSWORD, { language: 'es', codeTo: phone });
    await expect(newPage).toHaveURL(/\/es\/officer$/);
    await context.close();
  });

  test('a link that is not right, or was replaced by a newer one, is refused with what to do', async ({ page }) => {
    await page.goto('/staff/setup?token=not-a-real-token');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This set-up link cannot be used');
    await expect(main(page)).toContainText('The link is not complete or not right.');
    await expectNoAxeViolations(page);

    const supervisor = await createFreshAccount({ role: 'supervisor' });
    await signIn(page, supervisor.email, supervisor.password);
    const email = newStaffEmail();
    await page.goto('/officer/staff');
    await page.getByLabel('Given name (first name)').fill('Pat');
    await page.getByLabel('Family name (last name)').fill('Novak');
    await page.getByLabel('Work email address').fill(email);
    await page.getByRole('radio', { name: 'Officer' }).check();
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(main(page).getByRole('heading', { name: 'Account created' })).toBeVisible();
    const first = await setupLinkFor(page, email);

    await main(page).getByRole('row').filter({ hasText: email }).getByRole('button', { name: 'Send a new set-up link to Pat Novak' }).click();
    await expect(main(page).getByRole('heading', { name: 'New set-up link sent' })).toBeVisible();
    await expect.poll(() => setupLinkFor(page, email)).not.toBe(first);
    await page.goto(`/es${first}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No se puede usar este enlace de configuración');
    await expect(main(page)).toContainText('El enlace venció, o se envió uno más reciente.');
    await expectNoAxeViolations(page);
  });
});

test('an applicant who opens the staff page gets "not found"', async ({ page }) => {
  const applicant = await createFreshAccount();
  await signIn(page, applicant.email, applicant.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto('/officer/staff');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoAxeViolations(page);
});

test('the command line creates a staff account whose link arrives by email, never on screen', async ({ page }) => {
  const email = newStaffEmail();
  const run = spawnSync('npx', ['tsx', 'scripts/staff-create.ts', '--email', email, '--given-name', 'Cleo', '--family-name', 'Marsh', '--role', 'officer'], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`created the officer account of Cleo Marsh; a set-up link valid for 72 hours was emailed to ${email}`);
  expect(run.stdout).not.toContain('token=');
  const link = await setupLinkFor(page, email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your staff account');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the supervisor form and the set-up form work as plain forms', async ({ page, browser }) => {
    const supervisor = await createFreshAccount({ role: 'supervisor' });
    await signIn(page, supervisor.email, supervisor.password);
    await page.goto('/officer/staff');
    const email = newStaffEmail();
    await page.getByLabel('Given name (first name)').fill('Noor');
    await page.getByLabel('Work email address').fill(email);
    await page.getByRole('radio', { name: 'Officer' }).check();
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(errorSummary(page)).toContainText('Enter the family name');
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Noor');
    await page.getByLabel('Family name (last name)').fill('Haddad');
    await page.getByRole('button', { name: 'Create account and send set-up link' }).click();
    await expect(main(page).getByRole('heading', { name: 'Account created' })).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const newPage = await context.newPage();
    await newPage.goto(await setupLinkFor(newPage, email));
    await newPage.getByLabel('Choose a password').fill('short');
    await newPage.getByRole('radio', { name: 'Email' }).check();
    await newPage.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(newPage)).toContainText('Enter a password of at least 12 characters');
    await expect(newPage.getByRole('radio', { name: 'Email' })).toBeChecked();
    await newPage.getByLabel('Choose a password').fill(STAFF_PASSWORD);
    await newPage.getByRole('button', { name: 'Continue' }).click();
    await expect(newPage).toHaveURL(/\/staff\/setup\/confirm$/);
    await newPage.getByRole('button', { name: 'Continue' }).click();
    await expect(newPage.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
    await context.close();
  });
});

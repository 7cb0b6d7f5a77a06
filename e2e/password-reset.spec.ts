import { generate } from 'otplib';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { latestCodeTo, latestMessageTo } from './support/outbox';
import { signIn, signInWithCode } from './support/sign-in';
import { regenerateBackupCodes } from '@/lib/auth/backup-codes';
import { newTotpSecret } from '@/lib/auth/totp';
import { systemClock } from '@/lib/clock';

const NEW_PASSWORD = 'juniper-quarry-sparrow-64';
const main = (page: Page) => page.getByRole('main');
const errorSummary = (page: Page) => main(page).getByRole('alert');

/** The reset link in the newest reset email to `email`, as a path on the server under test. */
async function resetLinkFor(page: Page, email: string, after: Date): Promise<string> {
  const message = await latestMessageTo(page, email, { template: 'password-reset-link', after });
  const link = /https?:\/\/\S+\/password-reset\/continue\?token=[A-Za-z0-9_-]+/.exec(message.text)?.[0];
  expect(link, `a reset link in "${message.subject}"`).toBeDefined();
  // The email names the portal's public address; the journey's server listens elsewhere.
  const url = new URL(link!);
  return url.pathname + url.search;
}

test.describe('resetting a forgotten password', () => {
  test('with an emailed code: from "Forgot your password?" to signing in with the new password', async ({ page, browser }) => {
    const account = await createFreshAccount();
    // Signed in elsewhere before the reset: that session ends with it.
    const elsewhereContext = await browser.newContext();
    const elsewhere = await elsewhereContext.newPage();
    await signIn(elsewhere, account.email, account.password);
    await expect(elsewhere).toHaveURL(/\/dashboard$/);

    await page.goto('/sign-in');
    await main(page).getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/password-reset$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(errorSummary(page)).toContainText('Enter an email address in the correct format');
    await expect(page.getByLabel('Email address')).toHaveValue('not an address');
    await expectNoAxeViolations(page);

    // An address without an account gets exactly the same answer.
    await page.getByLabel('Email address').fill('nobody-at-all@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page).toHaveURL(/\/password-reset\?sent=1$/);
    const unknownAnswer = await main(page).getByRole('heading', { level: 2 }).first().textContent();

    const after = new Date();
    await page.getByLabel('Email address').fill(account.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page).toHaveURL(/\/password-reset\?sent=1$/);
    await expect(main(page)).toContainText('If an account uses that address, we have sent it a link to reset the password.');
    expect(await main(page).getByRole('heading', { level: 2 }).first().textContent()).toBe(unknownAnswer);
    await expectNoAxeViolations(page);

    await page.goto(await resetLinkFor(page, account.email, after));
    await expect(main(page)).toContainText('You are resetting the password of the account for j•••@example.com.');
    await expectNoAxeViolations(page);
    const codeSent = new Date();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/password-reset\/verify$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it is you');
    await expectNoAxeViolations(page);
    await page.getByLabel('Verification code').fill(await latestCodeTo(page, account.email, { after: codeSent }));
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/password-reset\/new-password$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(errorSummary(page)).toContainText('Enter a new password of at least 12 characters');
    await expect(page.getByLabel('New password')).toHaveValue('');
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();

    await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
    await expect(main(page)).toContainText('Your password was reset');
    await expectNoAxeViolations(page);
    const notice = await latestMessageTo(page, account.email, { template: 'security-change', after });
    expect(notice.subject).toBe('Your password was reset');

    await elsewhere.goto('/dashboard');
    await expect(elsewhere).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard$/);
    await elsewhereContext.close();

    await signInWithCode(page, account.email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('in Spanish, an authenticator account that lost its phone uses a backup code', async ({ page }) => {
    const secret = newTotpSecret();
    const account = await createFreshAccount({ secondFactor: 'totp', totpSecret: secret, language: 'es' });
    const codes = await regenerateBackupCodes(e2eStore().db, systemClock, account.user.id);

    await page.goto('/es/sign-in');
    await main(page).getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await expect(page).toHaveURL(/\/es\/password-reset$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Restablezca su contraseña');
    await expectNoAxeViolations(page);
    const after = new Date();
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await expect(main(page)).toContainText('Revise su correo electrónico');
    await expectNoAxeViolations(page);

    const link = await resetLinkFor(page, account.email, after);
    expect(link).toMatch(/^\/es\/password-reset\/continue\?/);
    await page.goto(link);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/password-reset\/verify$/);
    await expect(main(page)).toContainText('Escriba el código de 6 dígitos de su aplicación de autenticación.');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Usar un código de respaldo' }).click();
    await expect(page).toHaveURL(/\/es\/password-reset\/verify\?method=backup$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Código de respaldo').fill('ABCDE-12345');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(errorSummary(page)).toContainText('Ese código de respaldo');
    await expectNoAxeViolations(page);
    await page.getByLabel('Código de respaldo').fill(codes[0]);
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect(page).toHaveURL(/\/es\/password-reset\/new-password$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elija una contraseña nueva');
    await expectNoAxeViolations(page);
    await page.getByLabel('Contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Restablecer la contraseña' }).click();
    await expect(page).toHaveURL(/\/es\/sign-in\?reset=1$/);
    await expect(main(page)).toContainText('Se restableció su contraseña');
    await expectNoAxeViolations(page);

    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(NEW_PASSWORD);
    await main(page).getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByLabel('Código de verificación').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/dashboard$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole reset works as plain forms, and the used link then says so', async ({ page, browser }) => {
    const account = await createFreshAccount();
    await page.goto('/password-reset');
    const after = new Date();
    await page.getByLabel('Email address').fill(account.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page).toHaveURL(/\/password-reset\?sent=1$/);

    const link = await resetLinkFor(page, account.email, after);
    await page.goto(link);
    const codeSent = new Date();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/password-reset\/verify$/);
    await page.getByLabel('Verification code').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('The verification code is not right');
    await page.getByLabel('Verification code').fill(await latestCodeTo(page, account.email, { after: codeSent }));
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/password-reset\/new-password$/);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
    await expect(main(page)).toContainText('Your password was reset');

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
    await expect(main(page)).toContainText('This reset link was already used.');
    await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
    await page.goto('/password-reset/continue?token=expired-or-cut-short');
    await expect(main(page)).toContainText('This reset link is not complete.');

    // axe-core runs as a script: the same pages, checked in a browser with JavaScript on.
    const scripted = await browser.newContext({ javaScriptEnabled: true });
    try {
      const checked = await scripted.newPage();
      for (const [path, text] of [
        [link, 'This reset link was already used.'],
        ['/password-reset/continue?token=expired-or-cut-short', 'This reset link is not complete.'],
      ]) {
        await checked.goto(path);
        await expect(main(checked)).toContainText(text);
        await expectNoAxeViolations(checked);
      }
    } finally {
      await scripted.close();
    }
  });
});

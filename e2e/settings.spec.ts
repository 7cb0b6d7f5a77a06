/**
 * Settings journeys (spec §1–§2): name, phone, language and notifications; the password, the second
 * step, backup codes and the sessions signed in. Each test makes its own account in the journey
 * store, so no other journey's codes, sessions or lockouts touch it.
 */
import { generate } from 'otplib';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { latestMessageTo } from './support/outbox';
import { signIn as signInThroughPages, signInWithCode, submitPassword, type Language } from './support/sign-in';
import { representativeProfiles } from '@/db/schema';

const NEW_PASSWORD = 'copper-meadow-violin-73';

const main = (page: Page) => page.getByRole('main');
const errorSummary = (page: Page) => main(page).getByRole('alert').filter({ hasText: /There is a problem|Hay un problema/ });

/** Signs in through the pages and waits for the landing page, so the next step starts signed in. */
async function signIn(page: Page, email: string, password: string, options: { language?: Language; codeTo?: string } = {}) {
  await signInThroughPages(page, email, password, options);
  await expect(page).toHaveURL(/\/(dashboard|officer)$/);
}

/** A second browser (its own cookies): the same person signed in on another device. */
async function otherDevice(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/(dashboard|officer)$/);
  return { context, page };
}

test.describe('your details', () => {
  test('change the name and the language: the page comes back in Spanish', async ({ page }) => {
    const account = await createFreshAccount({ givenName: 'Jordan', familyName: 'Rivera' });
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto('/settings');
    await expect(page).toHaveTitle('Your details | Immigration Self-Service Portal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your details');
    await expect(page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Your details' })).toHaveAttribute('aria-current', 'page');
    await expect(main(page)).toContainText(account.email);
    await expectNoAxeViolations(page);

    // A mistake first: what was typed stays, the error names the field and the rule.
    await page.getByLabel('Given name (first name)').fill('Jordana');
    await page.getByLabel('Phone number').fill('555-0143');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page)).toContainText('Enter a phone number like (602) 555-0143');
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Jordana');
    await expect(page.getByLabel('Phone number')).toHaveValue('555-0143');
    await expect(page.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await errorSummary(page).getByRole('link', { name: /Enter a phone number/ }).click();
    await expect(page.getByLabel('Phone number')).toBeFocused();

    await page.getByLabel('Phone number').fill('(602) 555-0188');
    await page.getByRole('radio', { name: 'Español' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();

    await expect(page).toHaveURL(/\/es\/settings\?saved=1$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sus datos');
    await expect(main(page).getByRole('heading', { name: 'Se guardó su configuración' })).toBeVisible();
    await expect(page.getByLabel('Nombre de pila')).toHaveValue('Jordana');
    await expect(page.getByLabel('Número de teléfono')).toHaveValue('(602) 555-0188');
    await expect(page.getByRole('radio', { name: 'Español' })).toBeChecked();
    await expect(page.getByRole('navigation', { name: 'Su cuenta' })).toContainText('Jordana');
    await expectNoAxeViolations(page);

    // In Spanish: text messages need a phone; then back to English.
    await page.getByLabel('Número de teléfono').fill('');
    await page.getByRole('radio', { name: 'Mensaje de texto' }).check();
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    await expect(errorSummary(page)).toContainText('Escriba un número de teléfono para recibir avisos por mensaje de texto');
    await expect(page.getByRole('radio', { name: 'Mensaje de texto' })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Correo electrónico' }).check();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Guardar configuración' }).click();
    await expect(page).toHaveURL(/\/settings\?saved=1$/);
    await expect(page).not.toHaveURL(/\/es\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your details');
    await expect(page.getByLabel('Phone number')).toHaveValue('');
  });

  test('a representative sees their profile, read-only', async ({ page }) => {
    const account = await createFreshAccount({ role: 'representative', givenName: 'Rosa', familyName: 'Quintero' });
    await e2eStore().db.insert(representativeProfiles).values({
      userId: account.user.id,
      kind: 'accredited_representative',
      barNumber: null,
      licensingState: null,
      accreditationNumber: 'R-448812',
      organisation: 'Harbor Immigrant Aid',
      sector: 'nonprofit',
    });
    await signIn(page, account.email, account.password, { language: 'es' });
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await page.goto('/es/settings');
    const profile = main(page).getByRole('region', { name: 'Su perfil de representante' });
    await expect(profile).toContainText('Representante acreditado');
    await expect(profile).toContainText('R-448812');
    await expect(profile).toContainText('Harbor Immigrant Aid');
    await expect(profile).toContainText('Organización sin fines de lucro');
    await expect(profile.getByRole('textbox')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('changing the password', () => {
  test('signs out the other device; the new password works at the next sign-in', async ({ page, browser }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    const other = await otherDevice(browser, account.email, account.password);

    await page.goto('/settings/security');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign-in and security');
    const sessions = main(page).getByRole('table', { name: 'Your active sessions' });
    await expect(sessions.getByRole('row')).toHaveCount(3);
    await expect(sessions.getByRole('row').nth(1)).toContainText('This device');
    await expectNoAxeViolations(page);

    await main(page).getByRole('link', { name: 'Change your password' }).click();
    await expect(page).toHaveURL(/\/settings\/security\/password$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your password');
    await expectNoAxeViolations(page);

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page)).toContainText('Your current password is not right');
    await expect(errorSummary(page)).toContainText('Enter a new password of at least 12 characters');
    // Passwords are never sent back.
    await expect(page.getByLabel('Current password')).toHaveValue('');
    await expect(page.getByLabel('New password')).toHaveValue('');
    await expectNoAxeViolations(page);

    await page.getByLabel('Current password').fill(account.password);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/settings\/security\?done=password$/);
    await expect(main(page).getByRole('heading', { name: 'Your password was changed' })).toBeVisible();
    await expect(sessions.getByRole('row')).toHaveCount(2);
    await expectNoAxeViolations(page);
    const notice = await latestMessageTo(page, account.email, { template: 'security-change' });
    expect(notice.subject).toBe('Your password was changed');

    // The other device is signed out on its next request.
    await other.page.goto('/settings');
    await expect(other.page).toHaveURL(/\/sign-in\?returnTo=%2Fsettings/);
    await other.context.close();

    // The old password no longer works; the new one does.
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await submitPassword(page, account.email, account.password);
    await expect(main(page)).toContainText('The email address or password is not right');
    await page.goto('/sign-in');
    await signInWithCode(page, account.email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('in Spanish, the same form with its errors', async ({ page }) => {
    const account = await createFreshAccount({ language: 'es' });
    await signIn(page, account.email, account.password, { language: 'es' });
    await page.goto('/es/settings/security/password');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cambiar su contraseña');
    await expectNoAxeViolations(page);
    await page.getByLabel('Contraseña actual').fill(account.password);
    await page.getByLabel('Contraseña nueva').fill(account.password);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await expect(errorSummary(page)).toContainText('Escriba una contraseña nueva distinta de la actual');
    await expectNoAxeViolations(page);
    await page.getByLabel('Contraseña actual').fill(account.password);
    await page.getByLabel('Contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await expect(page).toHaveURL(/\/es\/settings\/security\?done=password$/);
    await expect(main(page).getByRole('heading', { name: 'Se cambió su contraseña' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('backup codes', () => {
  for (const language of ['en', 'es'] as const) {
    const w =
      language === 'en'
        ? { security: '/settings/security', link: 'Make new backup codes', password: 'Your password', left: (n: number) => `Backup codes left: ${n} of 10.`, wrong: 'Your password is not right', done: 'Your new backup codes', back: 'Back to sign-in and security' }
        : { security: '/es/settings/security', link: 'Generar nuevos códigos de respaldo', password: 'Su contraseña', left: (n: number) => `Códigos de respaldo que le quedan: ${n} de 10.`, wrong: 'Su contraseña no es correcta', done: 'Sus nuevos códigos de respaldo', back: 'Volver a Inicio de sesión y seguridad' };

    test(`make a new set, shown once; one of them signs in (${language})`, async ({ page }) => {
      const account = await createFreshAccount({ language });
      await signIn(page, account.email, account.password, { language });
      await page.goto(w.security);
      await expect(main(page)).toContainText(w.left(0));
      await main(page).getByRole('link', { name: w.link }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.link);
      await expectNoAxeViolations(page);

      await page.getByLabel(w.password).fill('wrong password here');
      await page.getByRole('button', { name: w.link }).click();
      await expect(errorSummary(page)).toContainText(w.wrong);
      await expectNoAxeViolations(page);

      await page.getByLabel(w.password).fill(account.password);
      await page.getByRole('button', { name: w.link }).click();
      await expect(main(page).getByRole('heading', { name: w.done })).toBeVisible();
      const codes = await page.getByTestId('backup-codes').getByRole('listitem').allTextContents();
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code.trim()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      await expectNoAxeViolations(page);

      // The button under the codes (the same link also heads the page).
      await main(page).getByRole('link', { name: w.back }).last().click();
      await expect(main(page)).toContainText(w.left(10));
      const notice = await latestMessageTo(page, account.email, { template: 'security-change' });
      expect(notice.text).toContain(language === 'en' ? 'The old codes no longer work' : 'ya no funcionan');

      // Signed out, a backup code stands in for the emailed code.
      await page.context().clearCookies();
      await page.goto(language === 'en' ? '/sign-in' : '/es/sign-in');
      await submitPassword(page, account.email, account.password, language);
      await page.getByRole('link', { name: language === 'en' ? 'Use a backup code instead' : /código de respaldo/ }).click();
      await page.getByLabel(language === 'en' ? 'Backup code' : 'Código de respaldo').fill(codes[4].trim());
      await page.getByRole('main').getByRole('button', { name: language === 'en' ? 'Continue' : 'Continuar' }).click();
      await expect(page).toHaveURL(/\/dashboard$/);
    });
  }
});

test.describe('sessions', () => {
  test('sign out everywhere else, then everywhere', async ({ page, browser }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    const first = await otherDevice(browser, account.email, account.password);
    const second = await otherDevice(browser, account.email, account.password);

    await page.goto('/settings/security');
    const sessions = main(page).getByRole('table', { name: 'Your active sessions' });
    await expect(sessions.getByRole('row')).toHaveCount(4);
    await expect(main(page)).toContainText('Sign out of 2 other sessions');
    await main(page).getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(page).toHaveURL(/\/settings\/security\?done=signed_out_others$/);
    await expect(main(page).getByRole('heading', { name: 'You were signed out everywhere else' })).toBeVisible();
    await expect(sessions.getByRole('row')).toHaveCount(2);
    await expect(main(page)).toContainText('You are signed in only on this device.');
    await expectNoAxeViolations(page);
    for (const device of [first, second]) {
      await device.page.goto('/dashboard');
      await expect(device.page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard/);
      await device.context.close();
    }

    const again = await otherDevice(browser, account.email, account.password);
    await page.goto('/settings/security');
    await main(page).getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await page.goto('/settings/security');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fsettings%2Fsecurity/);
    await again.page.goto('/dashboard');
    await expect(again.page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard/);
    await again.context.close();
  });

  test('in Spanish', async ({ page, browser }) => {
    const account = await createFreshAccount({ language: 'es' });
    await signIn(page, account.email, account.password, { language: 'es' });
    const other = await otherDevice(browser, account.email, account.password);
    await page.goto('/es/settings/security');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inicio de sesión y seguridad');
    await expect(main(page).getByRole('table', { name: 'Sus sesiones activas' })).toContainText('Este dispositivo');
    await expectNoAxeViolations(page);
    await main(page).getByRole('button', { name: 'Cerrar sesión en todos los demás lugares' }).click();
    await expect(main(page).getByRole('heading', { name: 'Se cerró su sesión en todos los demás lugares' })).toBeVisible();
    await expectNoAxeViolations(page);
    await other.page.goto('/dashboard');
    await expect(other.page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard/);
    await other.context.close();
  });
});

test.describe('changing the second step', () => {
  test('from emailed codes to an authenticator app, after the password', async ({ page, browser }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    const other = await otherDevice(browser, account.email, account.password);

    await page.goto('/settings/security');
    await expect(main(page)).toContainText(`When you sign in, we email a code to ${account.email}.`);
    await main(page).getByRole('link', { name: 'Change your second sign-in step' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your second sign-in step');
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: 'Email' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('Enter your password');
    await expect(errorSummary(page)).toContainText('You already get your codes by email');
    await expect(page.getByRole('radio', { name: 'Email' })).toBeChecked();
    await expectNoAxeViolations(page);

    await page.getByLabel('Your password').fill(account.password);
    await page.getByRole('radio', { name: 'Authenticator app' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/settings\/security\/second-factor\/confirm$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your authenticator app');
    await expectNoAxeViolations(page);

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel('Enter the 6-digit code from the app').fill('000000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('The code is not right');
    await page.getByLabel('Enter the 6-digit code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/settings\/security\?done=second_factor$/);
    await expect(main(page).getByRole('heading', { name: 'Your second sign-in step was changed' })).toBeVisible();
    await expect(main(page)).toContainText('When you sign in, you enter a code from your authenticator app.');
    await expectNoAxeViolations(page);
    expect((await latestMessageTo(page, account.email, { template: 'security-change' })).subject).toBe('Your second sign-in step was changed');

    await other.page.goto('/settings');
    await expect(other.page).toHaveURL(/\/sign-in\?returnTo=%2Fsettings/);
    await other.context.close();

    // The next sign-in asks for the app's code. The code used to set it up cannot be used again, so
    // the next 30-second step's code is given (the portal accepts one step of clock drift).
    await page.context().clearCookies();
    await page.goto('/sign-in');
    await submitPassword(page, account.email, account.password);
    await expect(main(page)).toContainText('Enter the 6-digit code from your authenticator app.');
    await page.getByLabel('Verification code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole('main').getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('in Spanish, to text messages: the code texted to the new phone proves it', async ({ page }) => {
    const account = await createFreshAccount({ language: 'es' });
    const phone = `+1520555${String(100 + Math.floor(Math.random() * 100)).padStart(4, '0')}`;
    await signIn(page, account.email, account.password, { language: 'es' });
    await page.goto('/es/settings/security/second-factor');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cambiar su segundo paso de inicio de sesión');
    await page.getByLabel('Su contraseña').fill(account.password);
    await page.getByRole('radio', { name: 'Mensaje de texto' }).check();
    const after = new Date();
    await page.getByLabel('Número de celular').fill(phone.slice(2));
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/settings\/security\/second-factor\/confirm$/);
    await expect(main(page)).toContainText(phone.slice(-4));
    await expectNoAxeViolations(page);
    const text = await latestMessageTo(page, phone, { after, template: 'one-time-code' });
    await page.getByLabel('Código de verificación').fill(/\b(\d{6})\b/.exec(text.text)![1]);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/settings\/security\?done=second_factor$/);
    await expect(main(page)).toContainText(`le enviamos un código por mensaje de texto al teléfono que termina en ${phone.slice(-4)}`);
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the details form and the password form work as plain forms', async ({ page }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto('/settings');
    await page.getByLabel('Family name (last name)').fill('');
    await page.getByLabel('Given name (first name)').fill('Morgan');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(errorSummary(page)).toContainText('Enter your family name');
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Morgan');
    await page.getByLabel('Family name (last name)').fill('Lee');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page).toHaveURL(/\/settings\?saved=1$/);
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Morgan');

    await page.goto('/settings/security/password');
    await page.getByLabel('Current password').fill('wrong wrong wrong');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(errorSummary(page)).toContainText('Your current password is not right');
    await page.getByLabel('Current password').fill(account.password);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(/\/settings\/security\?done=password$/);

    await page.goto('/settings/security/backup-codes');
    await page.getByLabel('Your password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Make new backup codes' }).click();
    await expect(page.getByTestId('backup-codes').getByRole('listitem')).toHaveCount(10);
  });
});

import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore } from './support/accounts';
import { latestCodeTo, latestMessageTo } from './support/outbox';
import { submitPassword } from './support/sign-in';
import { backupCodes, representativeProfiles, users } from '@/db/schema';

// Every journey signs up its own new address (and phone number), so none shares codes or limits.
const freshEmail = (who: string) => `${who}-${randomUUID().slice(0, 10)}@example.com`;
const freshPhone = () => {
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return { typed: `(202) 555-${line}`, e164: `+1202555${line}` };
};
const PASSWORD = 'lantern orchard velvet 88';

const main = (page: Page) => page.getByRole('main');
const errorSummary = (page: Page) => main(page).getByRole('alert');
const title = (page: string) => `${page} | Immigration Self-Service Portal`;
const titleEs = (page: string) => `${page} | Portal de Autoservicio de Inmigración`;

async function accountOf(email: string) {
  const [user] = await e2eStore().db.select().from(users).where(eq(users.email, email));
  return user;
}

/** The codes shown on the backup codes page. */
async function shownBackupCodes(page: Page): Promise<string[]> {
  return (await page.getByTestId('backup-codes').getByRole('listitem').allTextContents()).map((code) => code.trim());
}

/** The code an authenticator app shows for `secret` now, but never the one of a step already used. */
async function authenticatorCode(secret: string, notInStepOf?: number): Promise<{ code: string; epoch: number }> {
  let epoch = Math.floor(Date.now() / 1000);
  // The server accepts one step of drift, so an app whose clock runs a little ahead is believable.
  if (notInStepOf !== undefined && Math.floor(epoch / 30) <= Math.floor(notInStepOf / 30)) epoch = (Math.floor(notInStepOf / 30) + 1) * 30;
  return { code: await generate({ secret, epoch }), epoch };
}

test.describe('signing up', () => {
  test('an applicant signs up with email codes, confirms the address, saves backup codes and lands on the dashboard', async ({ page }) => {
    const email = freshEmail('lena');
    await page.goto('/sign-up');
    await expect(page).toHaveTitle(title('Create an account'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
    await expect(main(page)).toContainText('Step 1 of 4');
    // With scripts, the representative's questions appear only for representatives.
    await expect(page.getByLabel('Bar number')).toBeHidden();
    await expectNoAxeViolations(page);

    await page.getByLabel('I am applying for myself').check();
    await page.getByLabel('Given name (first name)').fill('Lena');
    await page.getByLabel('Family name (last name)').fill('Ortiz');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Show password').check();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
    await expect(page.getByLabel('English')).toBeChecked();
    await page.getByLabel('Email', { exact: true }).check();
    await expect(page.getByLabel('Mobile phone number')).toBeHidden();
    const sent = new Date();
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/sign-up\/confirm$/);
    await expect(page).toHaveTitle(title('Confirm your email address'));
    await expect(main(page)).toContainText('We sent a 6-digit code to l•••@example.com');
    await expect(main(page)).toContainText('Step 2 of 4');
    await expectNoAxeViolations(page);

    // "Send a new code": the first code stops working, the new one is the one to use.
    const first = await latestCodeTo(page, email, { after: sent });
    const resent = new Date();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(main(page).getByRole('status')).toContainText('We sent a new code to l•••@example.com');
    const code = await latestCodeTo(page, email, { after: resent });
    if (first !== code) {
      await page.getByLabel('Verification code').fill(first);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(errorSummary(page)).toContainText('The verification code is not right or has expired');
      await expect(errorSummary(page)).toBeFocused();
      await expectNoAxeViolations(page);
    }
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/second-step$/);
    await expect(page).toHaveTitle(title('Set up your second step'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your codes by email');
    await expect(main(page)).toContainText(email);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/backup-codes$/);
    await expect(page).toHaveTitle(title('Save your backup codes'));
    await expect(main(page)).toContainText('We will show these codes only this once');
    const codes = await shownBackupCodes(page);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const shown of codes) expect(shown).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect(page.getByRole('button', { name: 'Print these codes' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Continue to your account' }).click();
    await expect(errorSummary(page)).toContainText('Confirm that you have saved your backup codes');
    await expect(errorSummary(page)).toBeFocused();
    await page.getByLabel('I have saved my backup codes').check();
    await page.getByRole('button', { name: 'Continue to your account' }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lena Ortiz');
    await expect(page.getByRole('navigation', { name: 'Your account' })).toContainText('Signed in as Lena Ortiz');
    await expectNoAxeViolations(page);

    // The codes are never shown again, and the account is what was asked for.
    await page.goto('/sign-up/backup-codes');
    await expect(page).toHaveURL(/\/dashboard$/);
    const user = await accountOf(email);
    expect(user).toMatchObject({ role: 'applicant', secondFactor: 'email', preferredLanguage: 'en', phone: null });
    expect(user.emailVerifiedAt).not.toBeNull();
    const stored = await e2eStore().db.select().from(backupCodes).where(eq(backupCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0].replace('-', ''));
  });

  test('una representante se registra en español con una aplicación de autenticación, cierra sesión y vuelve a entrar', async ({ page }) => {
    const email = freshEmail('rosa');
    await page.goto('/es/sign-up');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page).toHaveTitle(titleEs('Crear una cuenta'));
    await expectNoAxeViolations(page);

    await page.getByLabel('Soy abogado o representante acreditado').check();
    await page.getByLabel('Nombre de pila').fill('Rosa');
    await page.getByLabel('Apellidos').fill('Delgado');
    await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
    await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
    await expect(page.getByLabel('Español')).toBeChecked();
    await page.getByLabel('Con una aplicación de autenticación').check();
    await page.getByLabel('Abogado', { exact: true }).check();
    await expect(page.getByLabel('Número de acreditación')).toBeHidden();
    await page.getByLabel('Número de colegiatura (bar number)').fill('CA-284119');
    await page.getByLabel('Estado o territorio donde tiene licencia').selectOption({ label: 'California' });
    await page.getByLabel('Nombre de su bufete u organización').fill('Centro Legal de la Raza');
    await page.getByLabel('Una organización sin fines de lucro').check();
    await expectNoAxeViolations(page);
    const sent = new Date();
    await page.getByRole('button', { name: 'Crear la cuenta' }).click();

    await expect(page).toHaveURL(/\/es\/sign-up\/confirm$/);
    await expect(page).toHaveTitle(titleEs('Confirme su correo electrónico'));
    await expect(main(page)).toContainText('Enviamos un código de 6 dígitos a r•••@example.com');
    await expectNoAxeViolations(page);
    await page.getByLabel('Código de verificación').fill(await latestCodeTo(page, email, { after: sent }));
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect(page).toHaveURL(/\/es\/sign-up\/second-step$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configure su aplicación de autenticación');
    await expect(main(page).getByRole('img', { name: /Código QR/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // The key as the page shows it, in groups of four: an app ignores the spaces, and so does this test.
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code first: none of the codes the app could show around now.
    const now = Math.floor(Date.now() / 1000);
    const nearby = await Promise.all([-30, 0, 30, 60].map((offset) => generate({ secret, epoch: now + offset })));
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((candidate) => !nearby.includes(candidate))!;
    await page.getByLabel('Escriba el código de 6 dígitos de la aplicación').fill(wrong);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(errorSummary(page)).toContainText('El código no es correcto');
    await expect(errorSummary(page)).toBeFocused();
    await expectNoAxeViolations(page);
    const { code: setupCode, epoch: setupEpoch } = await authenticatorCode(secret);
    await page.getByLabel('Escriba el código de 6 dígitos de la aplicación').fill(setupCode);
    await page.getByRole('button', { name: 'Continuar' }).click();

    await expect(page).toHaveURL(/\/es\/sign-up\/backup-codes$/);
    await expect(page).toHaveTitle(titleEs('Guarde sus códigos de respaldo'));
    expect(await shownBackupCodes(page)).toHaveLength(10);
    await expectNoAxeViolations(page);
    await page.getByLabel('Guardé mis códigos de respaldo').check();
    await page.getByRole('button', { name: 'Continuar a su cuenta' }).click();

    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rosa Delgado');
    await expectNoAxeViolations(page);
    const user = await accountOf(email);
    expect(user).toMatchObject({ role: 'representative', secondFactor: 'totp', preferredLanguage: 'es' });
    const [profile] = await e2eStore().db.select().from(representativeProfiles).where(eq(representativeProfiles.userId, user.id));
    expect(profile).toMatchObject({ kind: 'attorney', barNumber: 'CA-284119', licensingState: 'CA', accreditationNumber: null, organisation: 'Centro Legal de la Raza', sector: 'nonprofit' });

    await page.getByRole('banner').getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(page).toHaveURL(/\/es\/sign-in\?signedOut=1$/);
    await submitPassword(page, email, PASSWORD, 'es');
    await expect(page).toHaveURL(/\/es\/sign-in\/verify$/);
    await expectNoAxeViolations(page);
    const { code } = await authenticatorCode(secret, setupEpoch);
    await page.getByLabel('Código de verificación').fill(code);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rosa Delgado');
  });

  test('an accredited representative signs up with text-message codes read from the outbox', async ({ page }) => {
    const email = freshEmail('tomas');
    const phone = freshPhone();
    await page.goto('/sign-up');
    await page.getByLabel('I am an attorney or accredited representative').check();
    await page.getByLabel('Given name (first name)').fill('Tomás');
    await page.getByLabel('Family name (last name)').fill('Reyes');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Text message').check();
    await page.getByLabel('Mobile phone number').fill(phone.typed);
    await page.getByLabel('Accredited representative', { exact: true }).check();
    await expect(page.getByLabel('Bar number')).toBeHidden();
    await page.getByLabel('Accreditation number').fill('R-2023-0457');
    await page.getByLabel('Name of your law firm or organization').fill('Catholic Charities Legal Services');
    await page.getByLabel('A nonprofit organization').check();
    await expectNoAxeViolations(page);
    const sent = new Date();
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/sign-up\/confirm$/);
    await page.getByLabel('Verification code').fill(await latestCodeTo(page, email, { after: sent }));
    const confirmed = new Date();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/second-step$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your mobile phone');
    await expect(main(page)).toContainText(`the phone number ending ${phone.e164.slice(-4)}`);
    await expectNoAxeViolations(page);
    const texted = await latestCodeTo(page, phone.e164, { after: confirmed });
    await page.getByLabel('Verification code').fill(texted);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/backup-codes$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('I have saved my backup codes').check();
    await page.getByRole('button', { name: 'Continue to your account' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tomás Reyes');
    await expectNoAxeViolations(page);
    expect(await accountOf(email)).toMatchObject({ role: 'representative', secondFactor: 'sms', phone: phone.e164 });
  });

  test('an account that never confirmed its address carries on from signing in: confirm, choose the second step, save codes', async ({ page }) => {
    const account = await createFreshAccount({ verified: false, givenName: 'Iris', familyName: 'Moreau' });
    await e2eStore().db.update(users).set({ secondFactor: null }).where(eq(users.id, account.user.id));
    await page.goto('/sign-in');
    const sent = new Date();
    await submitPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/sign-up\/confirm/);
    await expect(main(page)).toContainText('We sent a 6-digit code to j•••@example.com');
    await page.getByLabel('Verification code').fill(await latestCodeTo(page, account.email, { after: sent }));
    await page.getByRole('button', { name: 'Continue' }).click();

    // This browser never saw the first page, so the method is asked for here.
    await expect(page).toHaveURL(/\/sign-up\/second-step$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your second step');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('Select how you want to get your code when you sign in');
    await expect(errorSummary(page)).toBeFocused();
    await page.getByLabel('Email', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your codes by email');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/backup-codes$/);
    await page.getByLabel('I have saved my backup codes').check();
    await page.getByRole('button', { name: 'Continue to your account' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iris Moreau');
    expect((await accountOf(account.email)).secondFactor).toBe('email');
  });

  test('bad input shows the error summary, focused, and keeps what was typed', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(errorSummary(page)).toBeFocused();
    for (const message of [
      'Select whether you are applying for yourself or are an attorney or accredited representative',
      'Enter your given name',
      'Enter your family name',
      'Enter your email address',
      'Enter a password of at least 12 characters',
      'Select how you want to get your code when you sign in',
    ]) {
      await expect(errorSummary(page)).toContainText(message);
    }
    await expectNoAxeViolations(page);
    // Each entry leads to its question.
    await errorSummary(page).getByRole('link', { name: 'Enter your given name' }).click();
    await expect(page.getByLabel('Given name (first name)')).toBeFocused();

    // Rules only the server knows (the common-password list) answer the same way after a round trip.
    const email = freshEmail('nadia');
    await page.getByLabel('I am applying for myself').check();
    await page.getByLabel('Given name (first name)').fill('Nadia');
    await page.getByLabel('Family name (last name)').fill('Haddad');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('password1234');
    await page.getByLabel('Text message').check();
    await page.getByLabel('Mobile phone number').fill('555-01');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(errorSummary(page)).toContainText('Enter a mobile phone number like (602) 555-0143');
    await page.getByLabel('Mobile phone number').fill('(602) 555-0143');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(errorSummary(page)).toContainText('Choose a different password: this one is commonly used');
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Nadia');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page.getByLabel('Mobile phone number')).toHaveValue('(602) 555-0143');
    await expect(page.getByLabel('Text message')).toBeChecked();
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    await expectNoAxeViolations(page);
    expect(await accountOf(email)).toBeUndefined();
  });

  test('a forged staff role is refused', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByLabel('I am applying for myself').evaluate((radio: HTMLInputElement) => {
      radio.value = 'officer';
      radio.checked = true;
    });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(errorSummary(page)).toContainText('Select whether you are applying for yourself or are an attorney or accredited representative');
  });

  test('an address that already has an account gets the same code page, a code that never works, and an email to its owner', async ({ page }) => {
    const existing = await createFreshAccount();
    await page.goto('/sign-up');
    await page.getByLabel('I am applying for myself').check();
    await page.getByLabel('Given name (first name)').fill('Someone');
    await page.getByLabel('Family name (last name)').fill('Else');
    await page.getByLabel('Email address').fill(existing.email.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Email', { exact: true }).check();
    const sent = new Date();
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/sign-up\/confirm$/);
    await expect(main(page)).toContainText('We sent a 6-digit code to j•••@example.com');
    await expectNoAxeViolations(page);
    await page.getByLabel('Verification code').fill('123456');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('The verification code is not right or has expired');

    const warning = await latestMessageTo(page, existing.email, { template: 'account-exists', after: sent });
    expect(warning.subject).toBe('Someone tried to create an account with your email address');
    const accounts = await e2eStore().db.select().from(users).where(eq(users.email, existing.email));
    expect(accounts).toHaveLength(1);
  });

  test('the steps cannot be skipped: without a sign-up in progress each page says it has timed out', async ({ page }) => {
    for (const path of ['/sign-up/confirm', '/sign-up/second-step', '/sign-up/backup-codes']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your sign-up has timed out');
      await expect(main(page).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    }
    await expectNoAxeViolations(page);
    await page.goto('/es/sign-up/second-step');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se agotó el tiempo para crear la cuenta');
    await expectNoAxeViolations(page);
  });
});

test.describe('signing up without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole sign-up works as plain forms', async ({ page }) => {
    const email = freshEmail('amara');
    await page.goto('/sign-up');
    // Without scripts every question is there, and nothing that needs a script is offered.
    await expect(page.getByLabel('Bar number')).toBeVisible();
    await expect(page.getByLabel('Mobile phone number')).toBeVisible();
    await expect(page.getByLabel('Show password')).toHaveCount(0);

    await page.getByLabel('I am applying for myself').check();
    await page.getByLabel('Given name (first name)').fill('Amara');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(errorSummary(page)).toContainText('Enter your family name');
    await expect(errorSummary(page)).toContainText('Enter a password of at least 12 characters');
    await expect(errorSummary(page)).toContainText('Select how you want to get your code when you sign in');
    await expect(page.getByLabel('Given name (first name)')).toHaveValue('Amara');
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await expect(page.getByLabel('I am applying for myself')).toBeChecked();

    await page.getByLabel('Family name (last name)').fill('Okafor');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Email', { exact: true }).check();
    const sent = new Date();
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/sign-up\/confirm$/);
    await page.getByLabel('Verification code').fill('12');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('Enter the verification code as 6 digits, like 123456');
    await page.getByLabel('Verification code').fill(await latestCodeTo(page, email, { after: sent }));
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/second-step$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your codes by email');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/sign-up\/backup-codes$/);
    expect(await shownBackupCodes(page)).toHaveLength(10);
    await expect(page.getByRole('button', { name: 'Print these codes' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Continue to your account' }).click();
    await expect(errorSummary(page)).toContainText('Confirm that you have saved your backup codes');
    await page.getByLabel('I have saved my backup codes').check();
    await page.getByRole('button', { name: 'Continue to your account' }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amara Okafor');
    // axe runs as a script in the page, so it cannot run here; the same markup is checked above.
  });
});

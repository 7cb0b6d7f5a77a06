import { generate } from 'otplib';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createFreshAccount, e2eStore, sessionsOf } from './support/accounts';
import { latestCodeTo, latestMessageTo } from './support/outbox';
import { signIn, signInWithCode, submitPassword } from './support/sign-in';
import { regenerateBackupCodes } from '@/lib/auth/backup-codes';
import { newTotpSecret } from '@/lib/auth/totp';
import { DEMO_PASSWORD } from '@/db/seed/demo-accounts';
import { RETURN_PATH_BYPASSES } from '@/lib/auth/testing/return-path-bypasses';
import { systemClock } from '@/lib/clock';

// Demo accounts used here and nowhere else among the journeys, so no other journey's codes replace theirs.
const ana = 'ana.applicant@example.com';
const lucia = 'lucia.solicitante@example.com';
const rita = 'rita.representative@example.com';
const omar = 'omar.officer@example.com';

const main = (page: import('@playwright/test').Page) => page.getByRole('main');
const errorSummary = (page: import('@playwright/test').Page) => main(page).getByRole('alert');

/**
 * Submits and waits for the answer. With scripts on, a failed submit replaces the error summary with a
 * new one; waiting for the old one to go keeps a repeated message from being mistaken for the answer.
 */
async function answered(page: import('@playwright/test').Page, submit: () => Promise<void>) {
  const previous = (await errorSummary(page).count()) > 0 ? await errorSummary(page).elementHandle() : null;
  await submit();
  // The answer is in when a summary is shown that is not the previous one. Waiting for it matters even
  // for the first attempt: a second click while the first is still being sent is ignored by the button.
  await expect
    .poll(async () => (await errorSummary(page).count()) > 0 && !(previous && (await previous.evaluate((element) => element.isConnected))))
    .toBe(true);
}

test.describe('signing in and out', () => {
  test('the demo applicant signs in with the emailed code, lands on the dashboard and signs out', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page).toHaveTitle('Sign in | Immigration Self-Service Portal');
    await expect(main(page).getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
    await expectNoAxeViolations(page);

    const after = new Date();
    await submitPassword(page, ana, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your verification code');
    await expect(main(page)).toContainText('We sent a 6-digit code to a•••@example.com');
    await expectNoAxeViolations(page);

    const code = await latestCodeTo(page, ana, { after });
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ana Alvarez');
    await expect(main(page)).toContainText('Applicant account');
    await expect(main(page).getByRole('heading', { name: 'What you can do here' })).toBeVisible();
    const account = page.getByRole('navigation', { name: 'Your account' });
    await expect(account).toContainText('Signed in as Ana Alvarez');
    await expect(account.getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/dashboard');
    await expect(account.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');
    await expectNoAxeViolations(page);

    // The session cookie never reaches page scripts, and no endpoint hands its token to them or turns a token into a cookie.
    const sessionCookie = (await page.context().cookies()).find((c) => c.name === 'authjs.session-token');
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(await page.evaluate(() => document.cookie)).not.toContain('authjs');
    for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/signout', '/api/auth/callback/second-step']) {
      const answer = path.includes('callback') ? await page.request.post(path, { form: { token: 'x' } }) : await page.request.get(path);
      expect(answer.status(), path).toBe(404);
      expect(await answer.text()).not.toContain(sessionCookie!.value);
    }

    // Signed in, the sign-in page has nothing to offer.
    await page.goto('/sign-in');
    await expect(page).toHaveURL(/\/dashboard$/);

    await account.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(main(page)).toContainText('You have signed out');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Your account' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The session is over on the server, not only in this browser.
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard$/);
  });

  test('in Spanish: the applicant signs in on /es pages, lands on /es/dashboard and signs out', async ({ page }) => {
    await page.goto('/es/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
    await expectNoAxeViolations(page);

    const after = new Date();
    await submitPassword(page, lucia, DEMO_PASSWORD, 'es');
    await expect(page).toHaveURL(/\/es\/sign-in\/verify$/);
    await expect(main(page)).toContainText('Enviamos un código de 6 dígitos a l•••@example.com');
    await expectNoAxeViolations(page);

    const code = await latestCodeTo(page, lucia, { after });
    await page.getByLabel('Código de verificación').fill(code);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucía Rojas Méndez');
    await expect(main(page)).toContainText('Cuenta de solicitante');
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Su cuenta' }).getByRole('button', { name: 'Cerrar sesión' }).click();
    await expect(page).toHaveURL(/\/es\/sign-in\?signedOut=1$/);
    await expect(main(page)).toContainText('Cerró su sesión');
    await expectNoAxeViolations(page);
  });

  test('the officer lands on the officer workspace, and the applicants’ dashboard is not theirs', async ({ page }) => {
    await signIn(page, omar, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/officer$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Omar Haddad');
    await expect(main(page)).toContainText('Contact Center officer');
    await expect(page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/officer');
    await expectNoAxeViolations(page);

    const response = await page.goto('/dashboard');
    expect(response?.status()).toBe(404);
  });

  test('the representative’s dashboard names their organisation', async ({ page }) => {
    await signIn(page, rita, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rita Okafor');
    await expect(main(page)).toContainText('Representative account');
    await expect(main(page)).toContainText('Attorney at Community Immigration Legal Services (nonprofit)');
    await expectNoAxeViolations(page);

    const response = await page.goto('/officer');
    expect(response?.status()).toBe(404);
  });

  test('after being sent to sign in, the person comes back to the page they asked for', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/es/dashboard');
    await expect(page).toHaveURL(/\/es\/sign-in\?returnTo=%2Fes%2Fdashboard$/);
    await expectNoAxeViolations(page);
    await signInWithCode(page, account.email, account.password, { language: 'es' });
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.name);
  });

  test('a return address that leads off the portal is ignored, however it is disguised', async ({ page }) => {
    const account = await createFreshAccount();
    const landedOnPortal = /^http:\/\/127\.0\.0\.1:\d+\/dashboard$/;
    // A genuine two-step sign-in, with the tab that browsers drop to make "//evil.example".
    await page.goto(`/sign-in?returnTo=${encodeURIComponent('/%09/evil.example/path')}`);
    await signInWithCode(page, account.email, account.password);
    await expect(page).toHaveURL(landedOnPortal);

    // Signed in, the sign-in page sends the person straight on to the page to return to: each known trick, in turn.
    for (const [trick, path] of RETURN_PATH_BYPASSES) {
      const response = await page.goto(`/sign-in?returnTo=${encodeURIComponent(path)}`);
      expect(response?.status(), trick).toBe(200);
      await expect(page, trick).toHaveURL(landedOnPortal);
    }
  });
});

test.describe('mistakes and lockouts', () => {
  test('a wrong password gets one message naming both fields and keeps the email address, never the password', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    await submitPassword(page, account.email, 'not the right password');
    await expect(errorSummary(page)).toContainText('There is a problem');
    await expect(errorSummary(page)).toContainText('The email address or password is not right. Check both and try again.');
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.getByLabel('Email address')).toHaveValue(account.email);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    expect(await page.content()).not.toContain('not the right password');
    await expectNoAxeViolations(page);

    // The error links to the field.
    await errorSummary(page).getByRole('link').click();
    await expect(page.getByLabel('Email address')).toBeFocused();
  });

  test('an unknown address gets exactly the same message', async ({ page }) => {
    await page.goto('/sign-in');
    await submitPassword(page, 'nobody-by-this-name@example.com', 'some password here');
    await expect(errorSummary(page)).toContainText('The email address or password is not right. Check both and try again.');
  });

  test('empty fields are named, in Spanish too', async ({ page }) => {
    await page.goto('/es/sign-in');
    await page.getByRole('main').getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect(errorSummary(page)).toContainText('Hay un problema');
    await expect(errorSummary(page)).toContainText('Escriba su correo electrónico');
    await expect(errorSummary(page)).toContainText('Escriba su contraseña');
    await expectNoAxeViolations(page);
  });

  test('5 wrong passwords pause password sign-in for 20 minutes, even for the right one', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    for (let i = 1; i <= 4; i++) {
      await answered(page, () => submitPassword(page, account.email, `wrong password number ${i}`));
      await expect(errorSummary(page)).toContainText('The email address or password is not right');
    }
    await answered(page, () => submitPassword(page, account.email, 'wrong password number 5'));
    const paused = 'signing in with a password is paused for 20 minutes in browsers where the account has not been used before';
    await expect(errorSummary(page)).toContainText(paused);
    await expectNoAxeViolations(page);

    await answered(page, () => submitPassword(page, account.email, account.password));
    await expect(errorSummary(page)).toContainText(paused);
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a stranger who keeps failing cannot keep the owner out of the browser they sign in with', async ({ page, browser }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);

    // Somewhere else, someone without the password tries again and again: browsers new to the account are paused.
    const elsewhere = await browser.newContext();
    const stranger = await elsewhere.newPage();
    await stranger.goto('/sign-in');
    for (let i = 1; i <= 6; i++) await answered(stranger, () => submitPassword(stranger, account.email, `stranger's guess ${i}`));
    await expect(errorSummary(stranger)).toContainText('paused for 20 minutes in browsers where the account has not been used before');
    await elsewhere.close();

    // The owner's own browser signs in as usual.
    await signInWithCode(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('10 wrong codes pause code entry for 10 minutes, even for the right code', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    const after = new Date();
    await submitPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    const real = await latestCodeTo(page, account.email, { after });
    const wrong = real === '000000' ? '111111' : '000000';
    const enter = (code: string) =>
      answered(page, async () => {
        await page.getByLabel('Verification code').fill(code);
        await page.getByRole('button', { name: 'Continue' }).click();
      });
    for (let i = 1; i <= 9; i++) {
      await enter(wrong);
      await expect(errorSummary(page)).toContainText('The verification code is not right');
      await expect(page.getByLabel('Verification code')).toHaveValue('');
    }
    await enter(wrong);
    await expect(errorSummary(page)).toContainText('Too many wrong codes. For your security, code entry is paused. Try again in 10 minutes.');
    await expectNoAxeViolations(page);

    await enter(real);
    await expect(errorSummary(page)).toContainText('Try again in 10 minutes.');
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
  });

  test('a code that was already used is refused, and a new one can be sent', async ({ page }) => {
    const account = await createFreshAccount();
    const used = await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/signedOut=1/);

    await submitPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    await page.getByLabel('Verification code').fill(used);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('That code has expired or was already used. Send a new code.');

    const after = new Date();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(main(page).getByRole('status')).toContainText('We sent a new code by email. Only the newest code works.');
    await expectNoAxeViolations(page);
    const fresh = await latestCodeTo(page, account.email, { after });
    await page.getByLabel('Verification code').fill(fresh);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('new codes are limited to 5 in 15 minutes, and the page says so', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    await submitPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/sign-in\/verify$/);
    const status = main(page).getByRole('status');
    for (const left of [4, 3, 2, 1, 0]) {
      await page.getByRole('button', { name: 'Send a new code' }).click();
      await expect(status).toContainText(
        `We sent a new code by email. Only the newest code works. New codes you can still ask for in this 15-minute period: ${left}.`,
      );
    }
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(status).toContainText('You have asked for 5 new codes in 15 minutes. For your security, you can ask again in 15 minutes.');
    await expectNoAxeViolations(page);
  });

  test('without a sign-in in progress, the code page sends the person back to the start and says why', async ({ page }) => {
    await page.goto('/sign-in/verify?returnTo=%2Fdashboard');
    await expect(page).toHaveURL(/\/sign-in\?reason=restart&returnTo=%2Fdashboard$/);
    await expect(main(page)).toContainText('Start signing in again');
    await expectNoAxeViolations(page);
  });
});

test.describe('other second steps', () => {
  test('a backup code instead of the emailed code', async ({ page }) => {
    const account = await createFreshAccount();
    const codes = await regenerateBackupCodes(e2eStore().db, systemClock, account.user.id);
    await page.goto('/sign-in');
    await submitPassword(page, account.email, account.password);
    await page.getByRole('link', { name: 'Use a backup code instead' }).click();
    await expect(page).toHaveURL(/\/sign-in\/verify\?method=backup$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter a backup code');
    await expectNoAxeViolations(page);

    await page.getByLabel('Backup code').fill('ABCDE-12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('That backup code is not right or was already used');

    await page.getByLabel('Backup code').fill(codes[0].toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('a texted code, to the phone ending in its last four digits', async ({ page }) => {
    const phone = `+1602555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const account = await createFreshAccount({ secondFactor: 'sms', phone });
    await page.goto('/sign-in');
    const after = new Date();
    await submitPassword(page, account.email, account.password);
    await expect(main(page)).toContainText(`We sent a 6-digit code by text message to the phone ending ${phone.slice(-4)}.`);
    await expectNoAxeViolations(page);
    const code = await latestCodeTo(page, phone, { after });
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('an authenticator app: no code is sent, the app’s code works', async ({ page }) => {
    const secret = newTotpSecret();
    const account = await createFreshAccount({ secondFactor: 'totp', totpSecret: secret });
    await page.goto('/sign-in');
    await submitPassword(page, account.email, account.password);
    await expect(main(page)).toContainText('Enter the 6-digit code from your authenticator app.');
    await expect(page.getByRole('button', { name: 'Send a new code' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Verification code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('an account whose email address is not confirmed yet is sent a confirmation code and sent to confirm it', async ({ page }) => {
    const account = await createFreshAccount({ verified: false });
    await page.goto('/sign-in');
    const after = new Date();
    await submitPassword(page, account.email, account.password);
    await expect(page).toHaveURL(/\/sign-up\/confirm$/);
    const message = await latestMessageTo(page, account.email, { after, template: 'one-time-code' });
    expect(message.subject).toBe('Confirm your email address');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both steps and signing out work as plain forms', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    // No script, no "Show password" box: it could not work.
    await expect(page.getByLabel('Show password')).toHaveCount(0);
    await submitPassword(page, account.email, 'a wrong password first');
    await expect(errorSummary(page)).toContainText('The email address or password is not right');
    await expect(page.getByLabel('Email address')).toHaveValue(account.email);

    await signInWithCode(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.name);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await expect(main(page)).toContainText('You have signed out');
    const [session] = await sessionsOf(account.user.id);
    expect(session.endedReason).toBe('sign_out');
  });

  test('a wrong code and a new code work as plain forms', async ({ page }) => {
    const account = await createFreshAccount();
    await page.goto('/sign-in');
    await submitPassword(page, account.email, account.password);
    await page.getByLabel('Verification code').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(errorSummary(page)).toContainText('Enter the verification code as 6 digits, like 123456');
    const after = new Date();
    await page.getByRole('button', { name: 'Send a new code' }).click();
    await expect(main(page).getByRole('status')).toContainText('We sent a new code by email');
    const code = await latestCodeTo(page, account.email, { after });
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test.describe('with JavaScript', () => {
  test('"Show password" shows what was typed', async ({ page }) => {
    await page.goto('/sign-in');
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('typed secret words');
    await expect(password).toHaveAttribute('type', 'password');
    await page.getByLabel('Show password').check();
    await expect(password).toHaveAttribute('type', 'text');
    await expectNoAxeViolations(page);
  });
});

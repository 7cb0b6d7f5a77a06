import { and, eq } from 'drizzle-orm';
import type { Page, Request } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { auditLog } from '@/db/schema';
import { MINUTE } from '@/lib/clock';
import { backdateActivity, createFreshAccount, e2eStore, sessionsOf, setSessionEnd, type FreshAccount } from './support/accounts';
import { signIn, signInWithCode } from './support/sign-in';

/*
 * The idle warning is driven by the time left that the server sends. To avoid waiting 28 minutes,
 * the browser's clock is fast-forwarded (Playwright's clock API) and the session's last activity is
 * moved back by as much in the database, so the server judges it exactly as after that real wait.
 */

const dialogOf = (page: Page) => page.getByRole('dialog');

async function signedInWithFakeClock(page: Page, options: { language?: 'en' | 'es' } = {}): Promise<FreshAccount> {
  const account = await createFreshAccount({ language: options.language });
  await page.clock.install();
  await signIn(page, account.email, account.password, options);
  await expect(page).toHaveURL(options.language === 'es' ? /\/es\/dashboard$/ : /\/dashboard$/);
  // The warning's timers must exist before the clock is moved, or there is nothing to fast-forward.
  await expect(page.locator('dialog[data-armed]')).toHaveCount(1);
  return account;
}

/** Both clocks move: the browser's timers run and the server sees the person idle for as long. */
async function awayFor(page: Page, account: FreshAccount, idleMs: number, browserMs = idleMs) {
  await backdateActivity(account.user.id, idleMs);
  await page.clock.fastForward(browserMs);
}

test.describe('the idle warning', () => {
  test('appears 2 minutes before the idle sign-out, and "Stay signed in" keeps the session', async ({ page }) => {
    const account = await signedInWithFakeClock(page);
    await expect(dialogOf(page)).toHaveCount(0);

    await awayFor(page, account, 28 * MINUTE);
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('Do you want to stay signed in?');
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toContainText('You will be signed out in 2 minutes');
    const stay = dialog.getByRole('button', { name: 'Stay signed in' });
    await expect(stay).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page);

    await stay.click();
    await expect(dialog).toBeHidden();
    // The server recorded the activity: the session has its full 30 minutes again.
    const [session] = await sessionsOf(account.user.id);
    expect(Date.now() - session.lastSeenAt.getTime()).toBeLessThan(MINUTE);
    const extended = await e2eStore().db.select().from(auditLog).where(and(eq(auditLog.action, 'session.extend'), eq(auditLog.objectId, String(account.user.id))));
    expect(extended).toHaveLength(1);

    // Still signed in after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.name);
  });

  test('signs the person out when time runs out, then brings them back after signing in', async ({ page }) => {
    const account = await signedInWithFakeClock(page);
    await awayFor(page, account, 28 * MINUTE);
    await expect(dialogOf(page)).toBeVisible();

    await awayFor(page, account, 30 * MINUTE + 5_000, 2 * MINUTE);
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard&reason=idle$/);
    await expect(page.getByRole('main')).toContainText('You were signed out after 30 minutes without activity');
    await expect(page.getByRole('main')).toContainText('After you sign in, we will take you back to the page you were on.');
    await expectNoAxeViolations(page);
    const [session] = await sessionsOf(account.user.id);
    expect(session.endedReason).toBe('idle');

    await signInWithCode(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('does not appear when activity elsewhere (another tab) kept the session alive', async ({ page }) => {
    const account = await signedInWithFakeClock(page);
    const isQuestion = (request: Request) => request.method() === 'POST' && Boolean(request.headers()['next-action']);
    // The browser has been idle 28 minutes, but the server saw activity 10 minutes ago. The warning asks
    // the server first (a server action: a POST with a Next-Action header).
    const asked = page.waitForResponse((response) => isQuestion(response.request()));
    await awayFor(page, account, 10 * MINUTE, 28 * MINUTE);
    await asked;
    await expect(dialogOf(page)).toHaveCount(0);
    const [session] = await sessionsOf(account.user.id);
    expect(session.endedAt).toBeNull();

    // With 20 minutes left on the server, the next question is due 18 minutes on, not before.
    // Half a minute at a time, both clocks move until the warning shows. The browser's clock also runs
    // in real time between steps (slowly, on a busy machine), so the server is told the same real time.
    const loopStart = Date.now();
    const browserElapsed = (fastForwarded: number) => fastForwarded + (Date.now() - loopStart);
    let fastForwarded = 0;
    let askedAgainAt: number | null = null;
    const answers: Promise<unknown>[] = [];
    page.on('request', (request) => {
      if (!isQuestion(request)) return;
      askedAgainAt ??= browserElapsed(fastForwarded);
      answers.push(request.response());
    });
    while (browserElapsed(fastForwarded) < 25 * MINUTE) {
      fastForwarded += 30_000;
      await backdateActivity(account.user.id, 10 * MINUTE + browserElapsed(fastForwarded));
      await page.clock.fastForward(30_000);
      await Promise.all(answers.splice(0));
      if (await dialogOf(page).isVisible()) break;
    }
    expect(askedAgainAt).toBeGreaterThanOrEqual(17.5 * MINUTE);
    await expect(dialogOf(page)).toBeVisible();
    await expect(dialogOf(page)).toContainText(/You will be signed out in (2 minutes|1 minute|\d+ seconds)/);
  });

  test('in Spanish, and Escape means "stay signed in"', async ({ page }) => {
    const account = await signedInWithFakeClock(page, { language: 'es' });
    await awayFor(page, account, 28 * MINUTE);
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAccessibleName('¿Quiere mantener abierta su sesión?');
    await expect(dialog).toContainText('Cerraremos su sesión en 2 minutos');
    await expect(dialog.getByRole('button', { name: 'Mantener la sesión abierta' })).toBeFocused();
    await expectNoAxeViolations(page);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect
      .poll(async () => {
        const [session] = await sessionsOf(account.user.id);
        return Date.now() - session.lastSeenAt.getTime();
      })
      .toBeLessThan(MINUTE);
  });

  test('"Sign out" in the warning signs out at once', async ({ page }) => {
    const account = await signedInWithFakeClock(page);
    await awayFor(page, account, 28 * MINUTE);
    await dialogOf(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    const [session] = await sessionsOf(account.user.id);
    expect(session.endedReason).toBe('sign_out');
  });

  test('before the 12-hour end it says so, offers no extension, and signs out when it comes', async ({ page }) => {
    const account = await signedInWithFakeClock(page);
    await setSessionEnd(account.user.id, new Date(Date.now() + 90_000));
    await page.reload();
    const dialog = dialogOf(page);
    await expect(dialog).toHaveAccessibleName('You will be signed out soon');
    await expect(dialog).toContainText('a session lasts at most 12 hours');
    await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog).toBeHidden();

    await setSessionEnd(account.user.id, new Date(Date.now() - 1_000));
    await page.clock.fastForward(2 * MINUTE);
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard&reason=absolute$/);
    await expect(page.getByRole('main')).toContainText('You were signed out because you signed in 12 hours ago');
    await expectNoAxeViolations(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('no warning shows, and the first request after 30 idle minutes goes to sign in and back', async ({ page }) => {
    const account = await createFreshAccount();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(dialogOf(page)).toHaveCount(0);

    await backdateActivity(account.user.id, 31 * MINUTE);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fdashboard&reason=idle$/);
    await expect(page.getByRole('main')).toContainText('You were signed out after 30 minutes without activity');
    await signInWithCode(page, account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

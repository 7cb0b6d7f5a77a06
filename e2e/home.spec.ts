import { expect, expectNoAxeViolations, test } from './fixtures';

const en = { h1: 'Your immigration cases, online', skip: 'Skip to main content', toggle: 'Español' };
const es = { h1: 'Sus casos de inmigración, en línea', skip: 'Ir al contenido principal', toggle: 'English' };

test.describe('home page', () => {
  test('in English: language, heading, title, no axe violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.h1);
    await expect(page).toHaveTitle(`${en.h1} | Immigration Self-Service Portal`);
    await expect(page.getByRole('heading', { level: 2, name: 'What you can do here' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('in Spanish: language, heading, title, no axe violations', async ({ page }) => {
    await page.goto('/es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.h1);
    await expect(page).toHaveTitle(`${es.h1} | Portal de Autoservicio de Inmigración`);
    await expectNoAxeViolations(page);
  });

  test('the language toggle goes to the Spanish page and back', async ({ page }) => {
    await page.goto('/');
    const toSpanish = page.getByRole('link', { name: en.toggle });
    await expect(toSpanish).toHaveAttribute('lang', 'es');
    await toSpanish.click();
    await expect(page).toHaveURL(/\/es$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.h1);
    await expectNoAxeViolations(page);

    const toEnglish = page.getByRole('link', { name: es.toggle });
    await expect(toEnglish).toHaveAttribute('lang', 'en');
    await toEnglish.click();
    await expect(page).toHaveURL(/:\d+\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.h1);
  });

  for (const [path, text] of [['/', en], ['/es', es]] as const) {
    test(`the skip link is the first stop and moves focus to the main content (${path})`, async ({ page }) => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: text.skip });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main-content')).toBeFocused();
    });
  }

  test('client code runs under the Content Security Policy (links navigate without a reload)', async ({ page }) => {
    await page.goto('/no-such-page');
    await page.evaluate(() => Object.assign(window, { journeyMarker: 'still here' }));
    await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.h1);
    // A full page load would have dropped the marker: the router, hydrated from nonce'd scripts, handled the click.
    expect(await page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker)).toBe('still here');
  });
});

test.describe('page not found', () => {
  for (const [path, lang, h1] of [
    ['/no-such-page', 'en', 'Page not found'],
    ['/es/no-such-page', 'es', 'No se encontró la página'],
    ['/cases/a/b/c', 'en', 'Page not found'],
  ] as const) {
    test(`${path} answers 404 with a page in the right language`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page).toHaveTitle(new RegExp(`^${h1} \\| `));
      await expectNoAxeViolations(page);
    });
  }

  test('an address outside the language segment answers 404 in English and Spanish', async ({ page }) => {
    const response = await page.goto('/no-such-file.txt');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('No se encontró la página');
    await expectNoAxeViolations(page);
  });

  test('an unknown API address answers 404 with problem details', async ({ request }) => {
    const response = await request.get('/api/no-such-endpoint');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page renders and the language toggle is a working link', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.h1);
    await page.getByRole('link', { name: en.toggle }).click();
    await expect(page).toHaveURL(/\/es$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.h1);
    await page.getByRole('link', { name: es.toggle }).click();
    await expect(page).toHaveURL(/:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.h1);
    // axe runs as a script in the page, so it cannot run here; the same markup is checked above.
  });
});

test.describe('security headers', () => {
  for (const path of ['/', '/es', '/api/health']) {
    test(`are sent with ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.ok()).toBe(true);
      const headers = response.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    });
  }

  test('pages allow only scripts carrying this response’s nonce', async ({ request }) => {
    const first = (await request.get('/')).headers()['content-security-policy'];
    const second = (await request.get('/')).headers()['content-security-policy'];
    const scriptSrc = (csp?: string) => csp?.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc(first)).toMatch(/^ ?script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(scriptSrc(first)).not.toBe(scriptSrc(second));
  });
});

test('the health check answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toMatchObject({ status: 'ok', store: { reachable: true } });
});

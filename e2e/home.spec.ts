import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { FRAMEWORK_JS_GZIP_BYTES, HOME_JS_OVER_FLOOR_BUDGET_BYTES } from '../scripts/bench/budgets';
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

  test('sends little JavaScript beyond the framework’s own', async ({ request }) => {
    const html = await (await request.get('/')).text();
    // The script files the page loads; the `nomodule` legacy polyfill is never fetched by the browsers served.
    const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes).filter((attributes) => !/nomodule/i.test(attributes));
    const files = new Set(tags.flatMap((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? []));
    let gzipBytes = 0;
    for (const file of files) gzipBytes += gzipSync(await (await request.get(file)).body()).length;
    expect(gzipBytes).toBeLessThanOrEqual(FRAMEWORK_JS_GZIP_BYTES + HOME_JS_OVER_FLOOR_BUDGET_BYTES);
  });

  for (const path of ['/', '/es', '/sign-in']) {
    test(`client code runs under the Content Security Policy (${path})`, async ({ page }) => {
      await page.goto(path);
      // React attaches its fibers to the DOM nodes it hydrates: only possible if the page's scripts ran.
      await expect
        .poll(() => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__reactFiber'))))
        .toBe(true);
    });
  }
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

test.describe('developers page', () => {
  for (const [path, lang, h1] of [
    ['/developers', 'en', 'API for case-management software'],
    ['/es/developers', 'es', 'API para programas de gestión de casos'],
  ] as const) {
    test(`${path}: language, heading, title, the reference of every operation, no axe violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page).toHaveTitle(`${h1} | ${lang === 'en' ? 'Immigration Self-Service Portal' : 'Portal de Autoservicio de Inmigración'}`);
      for (const [id, operation] of [
        ['requestToken', 'POST /api/v1/oauth/token'],
        ['getCase', 'GET /api/v1/cases/{receipt}'],
        ['linkCases', 'POST /api/v1/case-links'],
        ['getOpenApiDocument', 'GET /api/v1/openapi.json'],
      ]) {
        await expect(page.locator(`h4#op-${id}`)).toContainText(operation);
      }
      await expectNoAxeViolations(page);
    });
  }

  test('links to the OpenAPI document, served as JSON', async ({ page }) => {
    await page.goto('/developers');
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/openapi.json');
    await page.getByRole('link', { name: '/api/v1/openapi.json' }).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/json');
    expect(response.headers()['x-request-id']).toBeTruthy();
    expect(await response.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Immigration Self-Service Portal API' } });
  });

  test('the quick start works on the demo, as written on the page', async ({ request }) => {
    const html = await (await request.get('/developers')).text();
    const blocks = [...html.matchAll(/<pre class="code-block">([\s\S]*?)<\/pre>/g)].map(([, text]) =>
      text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    );
    // The page's commands, with the demo's address (port 3000) swapped for this server's.
    const token = blocks.map((b) => /^curl -s -u ([^:\s]+):(\S+) -d grant_type=client_credentials http:\/\/localhost:3000(\S+)$/m.exec(b)).find(Boolean);
    const read = blocks.map((b) => /curl -s -H "Authorization: Bearer \$TOKEN" http:\/\/localhost:3000(\S+)$/m.exec(b)).find(Boolean);
    expect(token, 'the token command').toBeTruthy();
    expect(read, 'the command that reads a case').toBeTruthy();
    const [, clientId, secret, tokenPath] = token!;
    const issued = await request.post(tokenPath, {
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
      form: { grant_type: 'client_credentials' },
    });
    expect(issued.status()).toBe(200);
    const { access_token: accessToken } = await issued.json();
    const found = await request.get(read![1], { headers: { authorization: `Bearer ${accessToken}` } });
    expect(found.status()).toBe(200);
    expect(found.headers()['ratelimit-policy']).toBe('10;w=1, 10000;w=86400');
    expect(await found.json()).toMatchObject({ receiptNumber: read![1].split('/').pop(), formType: 'N-400' });
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

  const scriptSrc = (csp?: string) => csp?.split(';').find((d) => d.trim().startsWith('script-src'))?.trim();

  test('pages rendered per request allow only scripts carrying that response’s nonce', async ({ request }) => {
    const first = (await request.get('/sign-in')).headers()['content-security-policy'];
    const second = (await request.get('/sign-in')).headers()['content-security-policy'];
    expect(scriptSrc(first)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(scriptSrc(first)).not.toBe(scriptSrc(second));
  });

  for (const path of ['/', '/es', '/developers', '/es/developers']) {
    test(`the prerendered page ${path} allows exactly the inline scripts it contains, by hash`, async ({ request }) => {
      const response = await request.get(path);
      // One policy: a second one would be enforced as well and block what the first allows.
      expect(response.headersArray().filter(({ name }) => name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
      const policy = scriptSrc(response.headers()['content-security-policy']);
      expect(policy).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
      expect(policy).not.toContain('unsafe-inline');
      const html = await response.text();
      const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(([, body]) => body);
      expect(inline.length).toBeGreaterThan(0);
      const allowed = new Set(policy!.split(' ').slice(2).map((source) => source.slice(1, -1)));
      for (const body of inline) expect(allowed).toContain(`sha256-${createHash('sha256').update(body).digest('base64')}`);
    });
  }
});

test('the health check answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toMatchObject({ status: 'ok', store: { reachable: true } });
});

import { expect, expectNoAxeViolations, test } from './fixtures';

// The demo store mails Account Access Notices for the cases waiting to be linked; with no mail
// server configured, the worker keeps them in the local outbox, which /dev/outbox shows.
test.describe('local outbox', () => {
  test('lists the mailed access notices with their full text, newest first', async ({ page }) => {
    await page.goto('/dev/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Local outbox' })).toBeVisible();
    const notices = page.locator('main section').filter({ hasText: 'Account Access Notice' });
    // Mailed to most applicants; emailed to I-134A beneficiaries.
    const letters = notices.filter({ hasText: 'Channel:Letter' });
    const emails = notices.filter({ hasText: 'Channel:Email' });
    await expect.poll(() => letters.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await emails.count()).toBeGreaterThan(0);
    await expect(letters.first()).toContainText(/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/);
    await expect(emails.first()).toContainText('I-134A');
    // The first time in each message is when it was queued: newest first means they never increase.
    const queued = await page.locator('main section').evaluateAll((sections) =>
      sections.map((s) => s.querySelector('time')?.getAttribute('datetime') ?? ''),
    );
    expect(queued.length).toBeGreaterThan(1);
    expect([...queued].sort().reverse()).toEqual(queued);
    await expectNoAxeViolations(page);
  });

  test('is in Spanish under /es', async ({ page }) => {
    await page.goto('/es/dev/outbox');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Local outbox');
    await expectNoAxeViolations(page);
  });
});

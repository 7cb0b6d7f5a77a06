import { randomUUID } from 'node:crypto';
import { systemClock } from '@/lib/clock';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { e2eStore } from './support/accounts';
import { parseIcs } from './support/documents';

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

  test('offers the calendar file that came with a scheduled appointment email', async ({ page }) => {
    // What an officer's "schedule" decision queues for the requester (lib/appointment-requests/review.ts).
    const reference = `AR-${randomUUID().replace(/[^0-9]/g, '').padEnd(8, '2').slice(0, 4)}-7KQ2`;
    await enqueueNotification(e2eStore().db, systemClock, {
      channel: 'email',
      recipient: `journey-${randomUUID().slice(0, 12)}@example.com`,
      language: 'en',
      template: 'appointment-request-outcome',
      payload: {
        reference,
        outcome: 'scheduled',
        appointment: {
          startsAt: '2026-12-15T16:30:00.000Z',
          endsAt: '2026-12-15T17:00:00.000Z',
          timeZone: 'America/Phoenix',
          officeName: 'Phoenix Field Office',
          street: '2035 N Central Ave',
          city: 'Phoenix',
          state: 'AZ',
          zip: '85004',
        },
      },
      dedupeKey: `journey-outbox-attachment:${reference}`,
    });
    const filename = `appointment-${reference}.ics`;
    const link = page.getByRole('link', { name: filename });
    // The worker delivers every 2 seconds: reload until the message is sent and lists its file.
    await expect(async () => {
      await page.goto('/dev/outbox');
      await expect(link).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.headers()['content-disposition']).toBe(`attachment; filename="${filename}"`);
    const event = parseIcs(await download.text());
    expect(event).toMatchObject({ dtstart: '20261215T093000', tzid: 'America/Phoenix', location: 'Phoenix Field Office, 2035 N Central Ave, Phoenix, AZ 85004' });
  });
});

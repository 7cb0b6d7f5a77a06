/**
 * Reading what the portal sent, the way a person reads their inbox: open the local outbox
 * (/dev/outbox) in another tab and take the newest message to that address or number. The worker
 * delivers every 2 seconds, so these wait (by reloading) until the message is there and rendered;
 * they never sleep for a fixed time.
 */
import { expect, type Page } from '@playwright/test';

export interface OutboxMessage {
  subject: string;
  text: string;
}

export interface MessageQuery {
  /** Only messages queued at or after this instant (take it just before the action that sends). */
  after?: Date;
  /** Only this template, e.g. 'one-time-code'. */
  template?: string;
  /** How long to wait for the message to appear and be rendered (default 20 s). */
  timeout?: number;
}

interface Listed {
  recipient: string;
  template: string;
  queuedAt: string;
  subject: string;
  text: string | null;
}

/**
 * The newest message to `recipient` (an email address or an E.164 number) matching the query. It
 * opens the outbox in a new tab of the same browser context and closes it again, so the page under
 * test keeps its state.
 */
export async function latestMessageTo(page: Page, recipient: string, query: MessageQuery = {}): Promise<OutboxMessage> {
  const inbox = await page.context().newPage();
  try {
    let found: OutboxMessage | undefined;
    await expect(async () => {
      await inbox.goto('/dev/outbox');
      // Each message is a section: h2 subject, the recipient in the first <dd>, the template in <code>,
      // the queue time in the first <time>, the text in <pre> once the worker has rendered it.
      const listed: Listed[] = await inbox.locator('main section').evaluateAll((sections) =>
        sections.map((section) => ({
          recipient: section.querySelector('dd')?.textContent?.trim() ?? '',
          template: section.querySelector('code')?.textContent?.trim() ?? '',
          queuedAt: section.querySelector('time')?.getAttribute('datetime') ?? '',
          subject: section.querySelector('h2')?.textContent?.trim() ?? '',
          text: section.querySelector('pre')?.textContent ?? null,
        })),
      );
      // Newest first: the first match is the newest. If it is not rendered yet, wait for it rather
      // than take an older one.
      const newest = listed.find(
        (m) =>
          m.recipient === recipient &&
          (!query.template || m.template === query.template) &&
          (!query.after || new Date(m.queuedAt).getTime() >= query.after.getTime()),
      );
      expect(newest, `a message to ${recipient}${query.template ? ` (${query.template})` : ''} in the outbox`).toBeDefined();
      expect(newest!.text, `the message to ${recipient} has been delivered`).not.toBeNull();
      found = { subject: newest!.subject, text: newest!.text! };
    }).toPass({ timeout: query.timeout ?? 20_000, intervals: [250, 500, 1000, 2000] });
    return found!;
  } finally {
    await inbox.close();
  }
}

/** The 6-digit code in the newest one-time-code message to `recipient` (sign-in, email or phone confirmation). */
export async function latestCodeTo(page: Page, recipient: string, query: Omit<MessageQuery, 'template'> = {}): Promise<string> {
  const message = await latestMessageTo(page, recipient, { ...query, template: 'one-time-code' });
  const code = /\b(\d{6})\b/.exec(message.text)?.[1];
  expect(code, `a 6-digit code in "${message.subject}"`).toBeDefined();
  return code!;
}

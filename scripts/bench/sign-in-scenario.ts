/**
 * Sign-in round trips as a browser without JavaScript makes them: open /sign-in, post the password
 * form, open /sign-in/verify, read the emailed code (from the outbox row, as the person would read
 * their inbox), post it, and receive the session cookie. Each virtual user signs in as a different
 * demo account, because a new code replaces the previous one of the same account.
 */
import { sql } from 'drizzle-orm';
import { runSql } from '../../db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo-accounts';
import { openSealedSecrets } from '../../lib/notifications/sealing';
import { cookieHeader, keepCookies } from './cookies';
import type { RowContext } from './rows';
import { storeAt } from './store-handles';

const accounts = DEMO_ACCOUNTS; // all sign in with emailed codes

/** The hidden fields and action of the form that holds `field`, with entities decoded. */
function formFields(html: string, field: string): Record<string, string> {
  const form = html.match(/<form[\s\S]*?<\/form>/g)?.find((f) => f.includes(`name="${field}"`));
  if (!form) throw new Error(`no form with a "${field}" field on the page`);
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (!name || !/type="hidden"/.test(input)) continue;
    fields[decode(name)] = decode(input.match(/value="([^"]*)"/)?.[1] ?? '');
  }
  return fields;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function post(context: RowContext, path: string, fields: Record<string, string>, cookies: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return context.fetch(path, { method: 'POST', body, headers: { cookie: cookieHeader(cookies) } });
}

async function latestCode(storeUrl: string, email: string): Promise<string> {
  const [row] = await runSql<{ payload: unknown }>(
    storeAt(storeUrl),
    sql`SELECT payload FROM notifications WHERE recipient = ${email} AND template = 'one-time-code' ORDER BY id DESC LIMIT 1`,
  );
  const payload = typeof row?.payload === 'string' ? JSON.parse(row.payload) : row?.payload;
  const code = payload ? openSealedSecrets(payload as Record<string, unknown>).code : undefined;
  if (!code) throw new Error(`no sign-in code was sent to ${email}`);
  return code;
}

/**
 * Signs `email` in through the pages (password, then the emailed code) and returns the cookies the
 * browser holds afterwards, the session cookie among them.
 */
export async function signInThroughPages(context: RowContext, email: string, password: string): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  const page = await context.fetch('/sign-in');
  keepCookies(cookies, page);
  const passwordForm = formFields(await page.text(), 'password');
  const afterPassword = await post(context, '/sign-in', { ...passwordForm, email, password }, cookies);
  await afterPassword.arrayBuffer();
  if (!afterPassword.headers.get('location')?.includes('/sign-in/verify')) {
    throw new Error(`the password step for ${email} answered ${afterPassword.status}, not a redirect to /sign-in/verify`);
  }
  keepCookies(cookies, afterPassword);
  const verify = await context.fetch('/sign-in/verify', { headers: { cookie: cookieHeader(cookies) } });
  keepCookies(cookies, verify);
  const codeForm = formFields(await verify.text(), 'code');
  const code = await latestCode(context.storeUrl, email);
  const afterCode = await post(context, '/sign-in/verify', { ...codeForm, code }, cookies);
  await afterCode.arrayBuffer();
  keepCookies(cookies, afterCode);
  if (!Object.keys(cookies).some((name) => name.includes('session-token'))) {
    throw new Error(`the code step for ${email} answered ${afterCode.status} without a session cookie`);
  }
  return cookies;
}

export const signInUsers = accounts.length;

/** One full sign-in (password, then code) by virtual user `user`. */
export async function signInRoundTrip(context: RowContext, user: number): Promise<void> {
  const account = accounts[user % accounts.length];
  await signInThroughPages(context, account.email, DEMO_PASSWORD);
}

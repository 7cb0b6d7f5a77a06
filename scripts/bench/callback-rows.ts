/**
 * Setups of the callback rows: the officers' list with 10,000 open callbacks (written straight into
 * the store, shaped as the portal makes them), and the inbound text webhook, posted as the SMS
 * provider posts it (signed), a YES from a number with no question open: the check, the lookup and
 * the help reply, no page rendered.
 */
import { randomInt } from 'node:crypto';
import { requestDueAt } from '../../lib/appointment-requests/due-time';
import { DEMO_INBOUND_AUTH_TOKEN, INBOUND_PATH, twilioSignature } from '../../lib/callbacks/twilio-signature';
import { DEFAULT_PORTAL_URL } from '../../lib/notifications/config';
import { BENCH_PASSWORD, createAccountWithLinkedCases } from './linked-cases';
import { createOfficer, firstAnswer } from './appointment-rows';
import type { RowContext, RowRequest } from './rows';
import { signInThroughPages } from './sign-in-scenario';
import { storeAt, tablesOf, writeTransaction } from './store-handles';

const OPEN_CALLBACKS = 10_000;
const DAY_MS = 86_400_000;
const STATUSES = ['queued', 'queued', 'queued', 'retry_due', 'awaiting_reply', 'calling'] as const;

/** GET /officer/callbacks with 10,000 open callbacks of three customers. */
export async function officerCallbacks(context: RowContext): Promise<RowRequest> {
  const customers = await Promise.all([1, 2, 3].map(() => createAccountWithLinkedCases(context.storeUrl, { role: 'applicant', cases: 1, clients: 1 })));
  const store = storeAt(context.storeUrl);
  const { callbacks } = tablesOf(store);
  const now = Date.now();
  const numbers = new Set<string>();
  while (numbers.size < OPEN_CALLBACKS) numbers.add(String(randomInt(10_000_000, 100_000_000)));
  const rows = [...numbers].map((serviceRequestNumber, index) => {
    const createdAt = new Date(now - ((index * 7919) % (25 * DAY_MS)));
    const urgent = index % 7 === 0;
    const status = STATUSES[index % STATUSES.length];
    return {
      serviceRequestNumber,
      userId: customers[index % customers.length].userId,
      caseId: null,
      topic: 'case_status',
      urgency: urgent ? ('urgent' as const) : ('regular' as const),
      priority: urgent ? 0 : 1,
      phone: `+1602555${String(index % 10_000).padStart(4, '0')}`,
      language: index % 3 === 0 ? ('es' as const) : ('en' as const),
      textAhead: index % 2 === 0,
      status,
      attempts: status === 'queued' ? 0 : 1,
      nextStepAt: status === 'awaiting_reply' ? new Date(now + 30 * 60_000) : null,
      dueAt: requestDueAt(createdAt, urgent, 'America/New_York'),
      createdAt,
      updatedAt: createdAt,
    };
  });
  await writeTransaction(store, async (tx) => {
    for (let start = 0; start < rows.length; start += 500) await tx.insert(callbacks).values(rows.slice(start, start + 500));
  });
  const officer = await createOfficer(context.storeUrl);
  const cookies = await signInThroughPages(context, officer.email, BENCH_PASSWORD);
  const expect = await firstAnswer(context, '/officer/callbacks', cookies, [...numbers]);
  return { cookies, path: '/officer/callbacks', expect };
}

/** The body every webhook request of the row posts: a YES from a number no callback is waiting on. */
export const INBOUND_BODY = new URLSearchParams({ MessageSid: 'SMbench0000', From: '+16025550199', To: '+15555550100', Body: 'YES' }).toString();

/** POST /api/sms/inbound, signed for the server's public address (PORTAL_URL, or the default). */
export async function inboundWebhook(context: RowContext): Promise<RowRequest> {
  const params = Object.fromEntries(new URLSearchParams(INBOUND_BODY));
  const url = `${(process.env.PORTAL_URL?.trim() || DEFAULT_PORTAL_URL).replace(/\/+$/, '')}${INBOUND_PATH}`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(url, params, DEMO_INBOUND_AUTH_TOKEN) };
  const response = await context.fetch(INBOUND_PATH, { method: 'POST', headers, body: INBOUND_BODY });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('Reply YES')) throw new Error(`${INBOUND_PATH} answered ${response.status}: ${text.slice(0, 200)}`);
  return { headers, expect: 'Reply YES' };
}

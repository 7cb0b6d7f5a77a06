/**
 * Setups of the API rows, as a vendor's case-management software calls the API: a representative
 * with 50 linked cases and an API client written straight into the store (its secret kept as the
 * portal keeps it), a bearer token from the real token endpoint, then
 *  - GET /api/v1/cases/{receipt}: the token check, the rate limits (counted in the store, raised
 *    for the bench so every answer is a 200), the case and its history;
 *  - POST /api/v1/case-links with 100 fresh receipt numbers and codes per request (a scenario: the
 *    100 cases and their codes are made before each request, untimed).
 */
import { randomBytes } from 'node:crypto';
import { generateAccessCode, hashAccessCode } from '../../lib/access-codes/access-code';
import { secretHash } from '../../lib/api/clients';
import { createAccountWithLinkedCases } from './linked-cases';
import type { RowContext, RowRequest } from './rows';
import { storeAt, tablesOf, writeTransaction } from './store-handles';

async function apiToken(context: RowContext, userId: number): Promise<string> {
  const store = storeAt(context.storeUrl);
  const { apiClients } = tablesOf(store);
  const clientId = `live_bench${randomBytes(6).toString('hex')}`;
  const secret = `sec_${randomBytes(24).toString('base64url')}`;
  await store.db.insert(apiClients).values({ clientId, userId, name: 'Bench case manager', environment: 'production', secretHash: secretHash(secret), createdAt: new Date() });
  const response = await context.fetch('/api/v1/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  if (response.status !== 200) throw new Error(`/api/v1/oauth/token answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** GET /api/v1/cases/{receipt} of a client's case with a six-event history. */
export async function apiCaseRead(context: RowContext): Promise<RowRequest> {
  const representative = await createAccountWithLinkedCases(context.storeUrl, { role: 'representative', cases: 50, clients: 20 });
  const token = await apiToken(context, representative.userId);
  const receipt = representative.caseWithLongestHistory;
  const headers = { authorization: `Bearer ${token}` };
  const first = await context.fetch(`/api/v1/cases/${receipt}`, { headers });
  if (first.status !== 200) throw new Error(`/api/v1/cases/{receipt} answered ${first.status}: ${(await first.text()).slice(0, 200)}`);
  return { headers, path: `/api/v1/cases/${receipt}`, expect: receipt };
}

interface BatchUser {
  token: string;
}

const batchUsers = new Map<string, Promise<BatchUser>>();

/** One representative and client per virtual user and store (firms do not share an account). */
function batchUser(context: RowContext, user: number): Promise<BatchUser> {
  const key = `${context.storeUrl}#${user}`;
  let found = batchUsers.get(key);
  if (!found) {
    found = (async () => {
      const representative = await createAccountWithLinkedCases(context.storeUrl, { role: 'representative', cases: 1, clients: 1 });
      return { token: await apiToken(context, representative.userId) };
    })();
    batchUsers.set(key, found);
  }
  return found;
}

export const BATCH_SIZE = 100;

/** 100 new cases, each with a fresh representative code: a batch the portal has never seen. */
export async function prepareLinkBatch(context: RowContext, user: number): Promise<{ token: string; body: string }> {
  const { token } = await batchUser(context, user);
  const store = storeAt(context.storeUrl);
  const { cases, accessCodes } = tablesOf(store);
  const now = new Date();
  const items = Array.from({ length: BATCH_SIZE }, () => ({ receiptNumber: `IOE${String(Math.floor(Math.random() * 9e9) + 1e9)}`, accessCode: generateAccessCode() }));
  await writeTransaction(store, async (tx) => {
    const made = await tx
      .insert(cases)
      .values(
        items.map((item) => ({
          receiptNumber: item.receiptNumber,
          formType: 'I-130',
          classification: 'Immediate relative',
          receiptDate: '2026-06-01',
          applicantGivenName: 'Bench',
          applicantFamilyName: 'Client',
          applicantDateOfBirth: '1985-01-01',
          mailingAddress: { street: '1 Main St', city: 'Phoenix', state: 'AZ', zip: '85004' },
          representativeOfRecord: true,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: cases.id });
    await tx.insert(accessCodes).values(
      made.map((row, index) => ({ caseId: row.id, audience: 'representative' as const, codeHash: hashAccessCode(items[index].accessCode), issuedAt: now, expiresAt: new Date(now.getTime() + 90 * 86_400_000) })),
    );
  });
  return { token, body: JSON.stringify({ items }) };
}

/** POST /api/v1/case-links with the prepared batch; every item must link. */
export async function linkBatch(context: RowContext, _user: number, prepared: unknown): Promise<void> {
  const { token, body } = prepared as { token: string; body: string };
  const response = await context.fetch('/api/v1/case-links', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 200 || !text.startsWith(`{"linked":${BATCH_SIZE},`)) throw new Error(`/api/v1/case-links answered ${response.status}: ${text.slice(0, 300)}`);
}

/**
 * The API's acceptance suite, for vendors of case-management software: pointed at any base URL
 * with sandbox credentials, it resets the sandbox, then checks what an integration relies on —
 * tokens, problem details, the documented scenarios of linking and reading, pages of cases,
 * myProgress, Idempotency-Key and the headers every answer carries. It paces itself under the
 * limit of 10 requests a second. `npm run api:acceptance -- --base-url … --client-id … --client-secret …`
 * runs it (scripts/api-acceptance.ts); the journeys run it against the portal they start.
 *
 * Only fetch (and node:crypto for a file's SHA-256): it depends on nothing of the portal's but the
 * published API, as a vendor's would.
 */
import { createHash } from 'node:crypto';

export interface AcceptanceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Called with every answer the suite receives (e.g. to check it against the OpenAPI document). */
  onResponse?: (seen: SeenResponse) => void | Promise<void>;
  /** Minimum milliseconds between requests (default 125: 8 a second). */
  paceMs?: number;
}

export interface SeenResponse {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

interface Scenario {
  receiptNumber: string;
  scenario: string;
  accessCode?: string;
  linkResult?: string;
  latestStatus?: string;
  state?: string;
  canReschedule?: boolean;
}

class CheckFailed extends Error {}

function must(condition: unknown, detail: string): asserts condition {
  if (!condition) throw new CheckFailed(detail);
}

export async function runAcceptanceSuite(options: AcceptanceOptions): Promise<CheckResult[]> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const paceMs = options.paceMs ?? 125;
  let lastRequestAt = 0;
  let token = '';

  async function send(method: string, path: string, init: { body?: string | Uint8Array; headers?: Record<string, string>; auth?: 'bearer' | 'none' } = {}): Promise<SeenResponse> {
    const wait = lastRequestAt + paceMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastRequestAt = Date.now();
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if ((init.auth ?? 'bearer') === 'bearer') headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}${path}`, { method, headers, body: init.body as BodyInit | undefined, redirect: 'manual' });
    const text = await response.text();
    let body: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) body = JSON.parse(text);
    const seen = { method, path, status: response.status, headers: response.headers, body };
    await options.onResponse?.(seen);
    must(response.headers.get('x-request-id'), `${method} ${path}: no X-Request-Id header`);
    if (response.status >= 400) {
      must(response.headers.get('content-type') === 'application/problem+json', `${method} ${path}: a ${response.status} answer is not application/problem+json`);
      const problem = body as Record<string, unknown>;
      for (const member of ['type', 'title', 'status', 'detail', 'code']) must(problem[member] !== undefined, `${method} ${path}: problem details without "${member}"`);
    }
    return seen;
  }
  const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

  const results: CheckResult[] = [];
  async function check(name: string, run: () => Promise<void>): Promise<boolean> {
    try {
      await run();
      results.push({ name, ok: true });
      return true;
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  const tokenForm = new URLSearchParams({ grant_type: 'client_credentials' }).toString();
  const basic = (secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
  const tokenOk = await check('a token from the client credentials (HTTP Basic), living 30 minutes', async () => {
    const answer = await send('POST', '/api/v1/oauth/token', { auth: 'none', body: tokenForm, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(options.clientSecret) } });
    must(answer.status === 200, `the token endpoint answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const body = answer.body as { access_token?: string; token_type?: string; expires_in?: number };
    must(body.token_type?.toLowerCase() === 'bearer' && body.expires_in === 1800 && body.access_token, `unexpected token answer ${JSON.stringify(body)}`);
    token = body.access_token;
  });
  if (!tokenOk) return results;

  await check('a wrong secret is refused with 401 and problem details', async () => {
    const answer = await send('POST', '/api/v1/oauth/token', { auth: 'none', body: tokenForm, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(`${options.clientSecret}x`) } });
    must(answer.status === 401, `answered ${answer.status}`);
  });
  await check('a request without a token is refused with 401 and WWW-Authenticate', async () => {
    const answer = await send('GET', '/api/v1/cases', { auth: 'none' });
    must(answer.status === 401 && answer.headers.get('www-authenticate')?.startsWith('Bearer'), `answered ${answer.status}`);
  });

  let scenarios: Scenario[] = [];
  const sandboxOk = await check('the sandbox resets to its documented scenarios', async () => {
    const answer = await send('POST', '/api/v1/sandbox/reset', { ...json({}), headers: { ...json({}).headers, 'idempotency-key': `reset-${Date.now()}-${Math.random()}` } });
    must(answer.status === 200, `the reset answered ${answer.status}: ${JSON.stringify(answer.body)} (are these sandbox credentials?)`);
    const listed = await send('GET', '/api/v1/sandbox/scenarios');
    must(listed.status === 200, `the scenarios answered ${listed.status}`);
    scenarios = (listed.body as { scenarios: Scenario[] }).scenarios;
    must(scenarios.some((s) => s.accessCode) && scenarios.some((s) => s.latestStatus), 'no linking or reading scenarios listed');
  });
  if (!sandboxOk) return results;

  const linkItems = scenarios.filter((s) => s.accessCode).map((s) => ({ receiptNumber: s.receiptNumber, accessCode: s.accessCode }));
  const batchKey = `acceptance-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  let firstBatch: unknown;
  await check('batch linking gives each documented result, in order', async () => {
    const answer = await send('POST', '/api/v1/case-links', { ...json({ items: linkItems }), headers: { 'content-type': 'application/json', 'idempotency-key': batchKey } });
    must(answer.status === 200, `answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    firstBatch = answer.body;
    const results = (answer.body as { results: { index: number; code: string }[] }).results;
    const expected = scenarios.filter((s) => s.accessCode).map((s) => s.linkResult);
    must(JSON.stringify(results.map((r) => r.code)) === JSON.stringify(expected), `got ${results.map((r) => r.code).join(', ')}; expected ${expected.join(', ')}`);
    must(results.every((r, i) => r.index === i), 'results out of order');
  });
  await check('the same Idempotency-Key replays the first answer', async () => {
    const answer = await send('POST', '/api/v1/case-links', { ...json({ items: linkItems }), headers: { 'content-type': 'application/json', 'idempotency-key': batchKey } });
    must(answer.status === 200 && answer.headers.get('idempotent-replayed') === 'true', `answered ${answer.status}, Idempotent-Replayed: ${answer.headers.get('idempotent-replayed')}`);
    must(JSON.stringify(answer.body) === JSON.stringify(firstBatch), 'the replay differs from the first answer');
  });
  await check('the same Idempotency-Key with another body is refused with 422', async () => {
    const answer = await send('POST', '/api/v1/case-links', { ...json({ items: linkItems.slice(1) }), headers: { 'content-type': 'application/json', 'idempotency-key': batchKey } });
    must(answer.status === 422 && (answer.body as { code?: string }).code === 'idempotency-key-reused', `answered ${answer.status}`);
  });
  await check('an invalid batch names the offending field by JSON pointer', async () => {
    const answer = await send('POST', '/api/v1/case-links', json({ items: [] }));
    const errors = (answer.body as { errors?: { pointer?: string }[] }).errors ?? [];
    must(answer.status === 422 && errors.some((e) => e.pointer === '/items'), `answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });

  const readable = scenarios.filter((s) => s.latestStatus);
  await check('the linked cases come a page at a time with a cursor, each once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await send('GET', `/api/v1/cases?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      must(answer.status === 200, `answered ${answer.status}`);
      must(answer.headers.get('ratelimit') && answer.headers.get('ratelimit-policy'), 'no RateLimit headers');
      const page = answer.body as { cases: { receiptNumber: string }[]; nextCursor: string | null };
      must(page.cases.length <= 10, 'a page larger than its limit');
      seen.push(...page.cases.map((c) => c.receiptNumber));
      cursor = page.nextCursor;
      pages += 1;
      must(pages <= 20, 'more pages than cases');
    } while (cursor);
    must(new Set(seen).size === seen.length, 'a case came twice');
    for (const s of readable) must(seen.includes(s.receiptNumber), `${s.receiptNumber} (${s.scenario}) is missing from the list`);
  });
  await check('each status scenario reads back with its status and state', async () => {
    for (const s of readable) {
      const answer = await send('GET', `/api/v1/cases/${s.receiptNumber}`);
      const body = answer.body as { latestStatus?: { code: string }; state?: string; history?: unknown[] };
      must(answer.status === 200, `${s.receiptNumber}: answered ${answer.status}`);
      must(body.latestStatus?.code === s.latestStatus && body.state === s.state, `${s.receiptNumber}: ${body.latestStatus?.code}/${body.state}, expected ${s.latestStatus}/${s.state}`);
      must(Array.isArray(body.history) && body.history.length > 0, `${s.receiptNumber}: no history`);
    }
  });
  await check('a case’s myProgress has its milestones and an estimate', async () => {
    const pending = readable.find((s) => s.state === 'pending');
    must(pending, 'no pending case among the scenarios');
    const answer = await send('GET', `/api/v1/cases/${pending.receiptNumber}/progress`);
    const body = answer.body as { milestones?: { key: string }[]; estimate?: { kind: string } };
    must(answer.status === 200 && body.milestones?.[0]?.key === 'received' && body.estimate?.kind, `answered ${answer.status}: ${JSON.stringify(body)}`);
  });
  await check('each biometrics scenario says whether it may be rescheduled, and the reschedulable one moves to an open time', async () => {
    const biometrics = scenarios.filter((s) => s.canReschedule !== undefined);
    must(biometrics.length > 0, 'no biometrics scenarios listed');
    for (const s of biometrics) {
      const answer = await send('GET', `/api/v1/cases/${s.receiptNumber}/biometrics`);
      const body = answer.body as { canReschedule?: boolean; blockedBy?: string | null };
      must(answer.status === 200 && body.canReschedule === s.canReschedule, `${s.receiptNumber} (${s.scenario}): ${JSON.stringify(body)}`);
      must(s.canReschedule || body.blockedBy, `${s.receiptNumber}: refused without the rule`);
    }
    const centres = await send('GET', '/api/v1/ascs?zip=85004');
    const code = (centres.body as { centres?: { code: string }[] }).centres?.[0]?.code;
    must(centres.status === 200 && code, `the centres near 85004: ${centres.status}`);
    const week = await send('GET', `/api/v1/ascs/${code}/slots?week=1`);
    const open = (week.body as { days?: { slots: { id: number }[] }[] }).days?.flatMap((d) => d.slots)[0];
    must(week.status === 200 && open, `no open time at ${code} next week`);
    const reschedulable = biometrics.find((s) => s.canReschedule)!;
    const moved = await send('POST', `/api/v1/cases/${reschedulable.receiptNumber}/biometrics/reschedule`, json({ slotId: open.id, goodCause: 'planned_travel' }));
    must(moved.status === 200 && (moved.body as { appointment?: { rescheduleCount: number } }).appointment?.rescheduleCount === 1, `the reschedule answered ${moved.status}: ${JSON.stringify(moved.body)}`);
    const refused = biometrics.find((s) => !s.canReschedule)!;
    const blocked = await send('POST', `/api/v1/cases/${refused.receiptNumber}/biometrics/reschedule`, json({ slotId: open.id, goodCause: 'planned_travel' }));
    must(blocked.status === 409 && (blocked.body as { code?: string }).code === 'reschedule-not-allowed', `a blocked reschedule answered ${blocked.status}`);
  });
  await check('an appointment request about a case is made, read and cancelled', async () => {
    const about = readable.find((s) => s.state === 'pending')!;
    // The first weekday from three days on that the offices are open (a federal holiday is refused by rule).
    let made: SeenResponse | null = null;
    for (let ahead = 3; ahead < 10 && (!made || made.status === 422); ahead += 1) {
      const date = new Date(Date.now() + ahead * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      made = await send('POST', '/api/v1/appointment-requests', json({ receiptNumber: about.receiptNumber, reason: 'adit_stamp', fieldOfficeCode: 'PHO', preferredDates: [{ date: date.toISOString().slice(0, 10), period: 'morning' }], contactPreference: 'email' }));
    }
    const reference = (made?.body as { reference?: string } | undefined)?.reference;
    must(made?.status === 201 && reference, `answered ${made?.status}: ${JSON.stringify(made?.body)}`);
    const read = await send('GET', `/api/v1/appointment-requests/${reference}`);
    must(read.status === 200 && (read.body as { status?: string }).status === 'submitted', `reading answered ${read.status}`);
    const cancelled = await send('POST', `/api/v1/appointment-requests/${reference}/cancel`, json({}));
    must(cancelled.status === 200 && (cancelled.body as { status?: string }).status === 'cancelled', `cancelling answered ${cancelled.status}`);
  });
  await check('a callback is asked for, read and cancelled', async () => {
    const made = await send('POST', '/api/v1/callbacks', json({ receiptNumber: readable[0].receiptNumber, topic: 'case_status', urgency: 'regular', phone: '+12025550143', language: 'en' }));
    const number = (made.body as { serviceRequestNumber?: string }).serviceRequestNumber;
    must(made.status === 201 && number, `answered ${made.status}: ${JSON.stringify(made.body)}`);
    const cancelled = await send('POST', `/api/v1/callbacks/${number}/cancel`, json({}));
    must(cancelled.status === 200 && (cancelled.body as { closedReason?: string }).closedReason === 'cancelled', `cancelling answered ${cancelled.status}`);
  });
  await check('an evidence upload of 8 MiB and a bit arrives in two chunks, resumes from where the file ends, and is checked', async () => {
    const size = 8 * 1024 * 1024 + 1024;
    const file = new Uint8Array(size);
    file.set([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    for (let i = 5; i < size; i++) file[i] = (i * 31 + 7) & 0xff;
    const sha256 = createHash('sha256').update(file).digest('hex');
    const made = await send('POST', `/api/v1/cases/${readable[0].receiptNumber}/uploads`, json({ fileName: 'evidence.pdf', contentType: 'application/pdf', size, sha256 }));
    const upload = made.body as { id?: string; chunkSize?: number };
    must(made.status === 201 && upload.id && upload.chunkSize, `beginning answered ${made.status}: ${JSON.stringify(made.body)}`);
    const chunk = (offset: number, bytes: Uint8Array) => send('PUT', `/api/v1/uploads/${upload.id}`, { body: bytes, headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) } });
    const first = await chunk(0, file.subarray(0, upload.chunkSize));
    must(first.status === 200 && first.headers.get('upload-offset') === String(upload.chunkSize), `the first chunk answered ${first.status}: ${JSON.stringify(first.body)}`);
    const repeated = await chunk(0, file.subarray(0, 16));
    must(repeated.status === 409 && repeated.headers.get('upload-offset') === String(upload.chunkSize), `a chunk out of place answered ${repeated.status}`);
    const last = await chunk(upload.chunkSize!, file.subarray(upload.chunkSize));
    must(last.status === 200 && (last.body as { status?: string }).status === 'complete', `the last chunk answered ${last.status}: ${JSON.stringify(last.body)}`);
  });
  await check('a receipt number not linked to the account is 404 case-not-found', async () => {
    const answer = await send('GET', '/api/v1/cases/IOE0000000000');
    must(answer.status === 404 && (answer.body as { code?: string }).code === 'case-not-found', `answered ${answer.status}`);
  });
  await check('a bad query parameter is named in errors[]', async () => {
    const answer = await send('GET', '/api/v1/cases?limit=0');
    const errors = (answer.body as { errors?: { parameter?: string }[] }).errors ?? [];
    must(answer.status === 422 && errors.some((e) => e.parameter === 'limit'), `answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  });
  return results;
}

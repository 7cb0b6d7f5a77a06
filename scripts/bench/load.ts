/** One row under load with autocannon, in this process: a warm-up whose numbers are dropped, then the run. */
import autocannon from 'autocannon';
import type { BenchRow, RowContext, RowRequest } from './rows';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers with another status than the row expects (200 unless it says). */
  wrongStatus: number;
  /** Answers without the text the row expects. */
  wrongContent: number;
  /** Size of one answer's body (a page's HTML with its inline payload), from the request made between warm-up and run. */
  bodyBytes?: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Share of attempts that failed: errors, wrong statuses and wrong contents alike. */
  failureRate: number;
}

let running: autocannon.Instance | undefined;

/** Stops the run in progress, if any (Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
}

export async function runRow(
  baseUrl: string,
  row: BenchRow,
  request: RowRequest,
  options: { durationSeconds: number; warmupSeconds: number; connections: number },
): Promise<LoadResult> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.cookies && Object.keys(request.cookies).length > 0) {
    headers.cookie = Object.entries(request.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
  const expected = request.expect ?? row.expect;
  const target: autocannon.Options = {
    url: new URL(request.path ?? row.path, baseUrl).toString(),
    method: row.method ?? 'GET',
    body: row.body,
    headers,
    connections: options.connections,
    // Every answer is read: a row that measures an error page or a sign-in redirect measures nothing.
    ...(expected ? { verifyBody: (body: unknown) => String(body).includes(expected) } : {}),
  };
  await fire({ ...target, duration: options.warmupSeconds });
  const bodyBytes = await caughtUp(target);
  const result = await fire({ ...target, duration: options.durationSeconds });
  const status = row.status ?? 200;
  const answered = result.requests.total;
  const rightStatus = (result.statusCodeStats as Record<string, { count: number }> | undefined)?.[String(status)]?.count ?? 0;
  const wrongStatus = Math.max(0, answered - rightStatus);
  const wrongContent = result.mismatches ?? 0;
  const attempts = answered + result.errors;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: answered,
    bodyBytes,
    wrongStatus,
    wrongContent,
    errors: result.errors,
    failureRate: attempts === 0 ? 1 : (wrongStatus + wrongContent + result.errors) / attempts,
  };
}

/**
 * Waits for one more answer to the row's request. autocannon lets go of the requests still in
 * flight when the warm-up ends, but the server goes on rendering them: for a page that takes tens
 * of milliseconds, 50 of them would eat the first seconds of the run (and its p99). The extra
 * request is answered once the server has worked through them, so the run starts on an idle server.
 */
async function caughtUp(target: autocannon.Options): Promise<number | undefined> {
  try {
    const response = await fetch(target.url, {
      method: target.method,
      body: target.body as string | undefined,
      headers: target.headers as Record<string, string>,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return (await response.arrayBuffer()).byteLength;
  } catch {
    // The run itself reports a server that does not answer.
    return undefined;
  }
}

function fire(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    running = autocannon(options, (error, result) => {
      running = undefined;
      if (error) reject(error);
      else resolve(result);
    });
  });
}

/**
 * A scenario row: virtual users repeat the journey back to back for the duration (after a warm-up);
 * throughput is completed journeys per second, latency is per journey.
 */
export async function runScenario(
  row: BenchRow,
  context: RowContext,
  options: { durationSeconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const users = row.scenarioUsers ?? 4;
  const drive = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: unknown;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: users }, async (_, user) => {
        while (performance.now() < until && !scenarioStopped) {
          try {
            const prepared = row.prepareScenario ? await row.prepareScenario(context, user) : undefined;
            const started = performance.now();
            await row.scenario!(context, user, prepared);
            latencies.push(performance.now() - started);
          } catch (error) {
            errors += 1;
            firstError ??= error;
          }
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors, firstError };
  };
  await drive(options.warmupSeconds);
  const run = await drive(options.durationSeconds);
  if (run.latencies.length === 0 && run.firstError) throw run.firstError;
  const at = (q: number) => Math.round(run.latencies[Math.min(run.latencies.length - 1, Math.floor(q * run.latencies.length))] ?? 0);
  const attempts = run.latencies.length + run.errors;
  return {
    requestsPerSecond: run.latencies.length / options.durationSeconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: run.latencies.length,
    wrongStatus: 0,
    wrongContent: 0,
    errors: run.errors,
    failureRate: attempts === 0 ? 1 : run.errors / attempts,
  };
}

let scenarioStopped = false;
/** Stops scenario rows too (Ctrl-C). */
export function stopScenarios(): void {
  scenarioStopped = true;
}

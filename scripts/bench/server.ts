/** The production server under test: `next start` on a free port, its log kept in a file. */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { buildPortal } from '../build';
import { onCleanup } from './cleanup';
import { stopTree } from './process-tree';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** The server could not be built or started: the one failure that makes the whole bench meaningless. */
export class ServerStartError extends Error {}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The portal's build (scripts/build.ts), with its output shown: a build takes long enough that silence looks like a hang. */
export async function buildApp(): Promise<void> {
  let undo: (() => Promise<void>) | undefined;
  const code = await buildPortal(process.env, (stop) => {
    undo = onCleanup('stop the build', stop);
  });
  await undo?.();
  if (code !== 0) throw new ServerStartError(`the build failed (exit code ${code})`);
}

export async function startServer(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  startupTimeoutMs?: number;
  /** The app to serve (the portal by default; the bench's floor app). */
  cwd?: string;
  /** Asked until it answers 200 before the server counts as started. */
  readyPath?: string;
}): Promise<RunningServer> {
  const { port, env, logFile, startupTimeoutMs = 60_000, cwd, readyPath = '/api/health' } = options;
  const log = openSync(logFile, 'a');
  // Bound to the loopback interface: the bench sends load to this machine only and exposes nothing.
  // By name, not as 127.0.0.1: Next addresses its own rewrites to http://localhost:<port>, and under
  // any other hostname it takes the locale rewrite of `/` for an external one and proxies it to itself.
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', 'localhost'], {
    stdio: ['ignore', log, log],
    env,
    cwd,
  });
  closeSync(log);
  if (child.pid === undefined) throw new ServerStartError('next start could not be spawned');
  const pid = child.pid;
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
  });
  const stop = onCleanup(`stop the server (pid ${pid})`, () => stopTree(pid));
  const baseUrl = `http://localhost:${port}`;

  const deadline = Date.now() + startupTimeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (exitCode !== undefined) {
      await stop();
      throw new ServerStartError(`next start exited (code ${exitCode}) before ${readyPath} answered\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new ServerStartError(
        `${readyPath} did not answer 200 within ${startupTimeoutMs / 1000} s (${lastProblem})\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}${readyPath}`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { pid, baseUrl, stop };
      lastProblem = `last answer: ${response.status} ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function tail(file: string, lines = 30): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
    return `--- last lines of the server log ---\n${text.join('\n')}`;
  } catch {
    return '(no server log)';
  }
}

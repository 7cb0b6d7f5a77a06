/**
 * Runs the contention race (contention-race.ts) against a store in a child process and reads its
 * result: the target is every one of the 200 answered within 10 seconds, with 0 seats oversold.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './cleanup';

export interface ContentionResult {
  people: number;
  seatsLeft: number;
  successes: number;
  taken: number;
  oversold: number;
  seconds: number;
}

export const CONTENTION_TARGET_SECONDS = 10;
const raceScript = fileURLToPath(new URL('./contention-race.ts', import.meta.url));

export async function contentionRun(storeUrl: string, options: { workDir: string; env: NodeJS.ProcessEnv }): Promise<ContentionResult | { error: string }> {
  const summaryFile = path.join(options.workDir, `contention-${randomBytes(4).toString('hex')}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', raceScript, '--summary', summaryFile], { env: { ...options.env, DATABASE_URL: storeUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  const undo = onCleanup('stop the contention run', () => {
    child.kill('SIGTERM');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  await undo();
  if (code !== 0 || !existsSync(summaryFile)) return { error: `the contention run failed (exit code ${code}): ${output.trimEnd().split('\n').slice(-5).join(' ')}` };
  return JSON.parse(readFileSync(summaryFile, 'utf8')) as ContentionResult;
}

export function formatContention(result: ContentionResult | { error: string }): string {
  if ('error' in result) return `contention run: ${result.error}`;
  const met = result.oversold === 0 && result.successes === result.seatsLeft && result.seconds < CONTENTION_TARGET_SECONDS;
  return (
    `contention run: ${result.people} people reschedule at once into the last ${result.seatsLeft} seats: ${result.successes} booked, ` +
    `${result.taken} told "just taken", ${result.oversold} seats oversold, ${result.seconds} s ` +
    `(target: ${result.seatsLeft} booked, 0 oversold, under ${CONTENTION_TARGET_SECONDS} s: ${met ? 'met' : 'MISSED'})`
  );
}

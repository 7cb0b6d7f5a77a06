/**
 * Lighthouse on the home page, mobile defaults (its simulated slow phone and network), when a
 * Chromium is installed (CHROMIUM_PATH, or Debian's /usr/bin/chromium). Run once per bench run.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LighthouseScores {
  url: string;
  /** Category → score out of 100. */
  scores: Record<string, number>;
  metrics: Record<string, string>;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
const flags = '--headless=new --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

export async function lighthouse(url: string, workDir: string): Promise<LighthouseScores | { url: string; error: string }> {
  if (!existsSync(chromium)) return { url, error: `no Chromium at ${chromium}` };
  const output = path.join(workDir, 'lighthouse.json');
  const run = spawn(
    process.execPath,
    [cli, url, '--quiet', '--output=json', `--output-path=${output}`, '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags}`],
    { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  run.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
  if (code !== 0 || !existsSync(output)) return { url, error: `lighthouse exited ${code}: ${stderr.trim().split('\n').pop()}` };
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { displayValue?: string }>;
  };
  return {
    url,
    scores: Object.fromEntries(Object.entries(report.categories).map(([name, category]) => [name, Math.round(category.score * 100)])),
    metrics: Object.fromEntries(metrics.map((name) => [name, report.audits[name]?.displayValue ?? '–'])),
  };
}

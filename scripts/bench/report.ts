/** The printed tables and the JSON record of a run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import type { PageWeight } from './page-weight';
import type { MemoryPeak } from './process-tree';
import type { LighthouseScores } from './lighthouse';
import { formatContention, type ContentionResult } from './contention';
import { DASHBOARD_PAGE_BUDGET_BYTES, HOME_JS_OVER_FLOOR_BUDGET_BYTES } from './budgets';
import { P99_BUDGET_MS, type Reference, type Target } from './rows';
import type { StoreKind } from './stores';

export interface RowOutcome extends Partial<LoadResult> {
  name: string;
  path: string;
  reference?: Reference;
  /** requests/second as a percentage of the static file's and of the floor's, same store, same run. */
  percentOf?: Partial<Record<Reference, number>>;
  target?: Target;
  /** The target and the p99 budget both met; undefined for rows without a target. */
  targetMet?: boolean;
  error?: string;
}


export interface StoreOutcome {
  store: StoreKind;
  label: string;
  prepareSeconds?: number;
  seedSummary?: unknown;
  rows: RowOutcome[];
  memory?: MemoryPeak;
  pages: (PageWeight | { path: string; error: string })[];
  lighthouse?: LighthouseScores | { url: string; error: string };
  /** The floor app's page, measured the same way as `pages`. */
  floorPage?: PageWeight | { path: string; error: string };
  /** The 200-way race for the last 5 seats (scripts/bench/contention.ts). */
  contention?: ContentionResult | { error: string };
  /** Set when the store or its server could not be brought up: nothing was measured. */
  error?: string;
}

type Align = 'left' | 'right';

export function formatTable(header: string[], body: string[][], align: Align[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => row[i].length)));
  const pad = (cell: string, i: number) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

const ms = (value: number | undefined) =>
  value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(1);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function formatStore(outcome: StoreOutcome, run: { durationSeconds: number; connections: number }): string {
  const title = `### ${outcome.label} — ${run.durationSeconds} s per row, ${run.connections} connections`;
  if (outcome.error) return `${title}\n\nnot measured: ${outcome.error.split('\n')[0]}`;
  const pct = (row: RowOutcome, of: Reference) => (row.percentOf?.[of] === undefined ? '–' : `${row.percentOf[of]!.toFixed(1)} %`);
  const goal = (row: RowOutcome) =>
    row.target ? `${row.targetMet ? 'met' : 'MISSED'}: ≥ ${row.target.percent} % of ${row.target.of}, p99 < ${P99_BUDGET_MS} ms` : '';
  const table = formatTable(
    ['row', 'path', 'req/s', 'p50 ms', 'p99 ms', 'page kB', 'wrong answers', 'errors', '% of static', '% of floor', 'target'],
    outcome.rows.map((row) =>
      row.error
        ? [row.name, row.path, '–', '–', '–', '–', '–', '–', '–', '–', `failed: ${row.error}`]
        : [
            row.name,
            row.path,
            Math.round(row.requestsPerSecond ?? 0).toString(),
            ms(row.p50Ms),
            ms(row.p99Ms),
            row.bodyBytes === undefined ? '–' : (row.bodyBytes / 1000).toFixed(1),
            String((row.wrongStatus ?? 0) + (row.wrongContent ?? 0)),
            String(row.errors ?? 0),
            pct(row, 'static'),
            pct(row, 'floor'),
            goal(row),
          ],
    ),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const lines = [title, '', table, ''];
  const seeded = outcome.seedSummary as { historicalCases?: number; progressRefreshSeconds?: number } | undefined;
  if (seeded?.progressRefreshSeconds !== undefined) {
    lines.push(
      `myProgress refresh (npm run progress:refresh) with ${seeded.historicalCases?.toLocaleString('en-US')} historical cases in the store: ${seeded.progressRefreshSeconds.toFixed(1)} s ` +
        `(${seeded.progressRefreshSeconds < 60 ? 'met' : 'MISSED'}: < 60 s)`,
    );
  }
  if (outcome.memory) {
    const { peakRssMiB, highWaterMiB, processes, samples } = outcome.memory;
    lines.push(
      `server memory: peak ${peakRssMiB.toFixed(1)} MiB resident (next start and children, ${processes} process${processes === 1 ? '' : 'es'}, ${samples} samples); high-water marks add up to ${highWaterMiB.toFixed(1)} MiB`,
    );
  }
  const pages = outcome.pages.map((page) =>
    'error' in page
      ? `${page.path} not measured (${page.error})`
      : `${page.path} ${kB(page.scriptGzipBytes)} in ${page.scriptFiles} files (+ ${kB(page.inlineScriptGzipBytes)} inline, HTML ${kB(page.htmlGzipBytes)})${page.status === 200 ? '' : ` [answered ${page.status}]`}`,
  );
  if (pages.length > 0) lines.push(`JavaScript per page, gzip: ${pages.join(' · ')}`);
  const home = outcome.pages.find((page): page is PageWeight => page.path === '/' && !('error' in page));
  const floor = outcome.floorPage && !('error' in outcome.floorPage) ? outcome.floorPage : undefined;
  if (home && floor) {
    const over = home.scriptGzipBytes - floor.scriptGzipBytes;
    lines.push(
      `home page JavaScript over the bare framework's (floor app ${kB(floor.scriptGzipBytes)} in ${floor.scriptFiles} files): ` +
        `${kB(over)} (budget ${kB(HOME_JS_OVER_FLOOR_BUDGET_BYTES)}: ${over <= HOME_JS_OVER_FLOOR_BUDGET_BYTES ? 'met' : 'MISSED'})`,
    );
  }
  const dashboard = outcome.rows.find((row) => row.name.startsWith('representative dashboard') && row.bodyBytes !== undefined);
  if (dashboard) {
    lines.push(
      `representative dashboard page (25 clients), HTML with its inline payload: ${kB(dashboard.bodyBytes!)} ` +
        `(budget ${kB(DASHBOARD_PAGE_BUDGET_BYTES)}: ${dashboard.bodyBytes! <= DASHBOARD_PAGE_BUDGET_BYTES ? 'met' : 'MISSED'})`,
    );
  }
  if (outcome.lighthouse) {
    const result = outcome.lighthouse;
    lines.push(
      'error' in result
        ? `Lighthouse (home page): not run (${result.error})`
        : `Lighthouse (home page, mobile defaults): ${Object.entries(result.scores)
            .map(([category, score]) => `${category} ${score}`)
            .join(', ')} (${Object.entries(result.metrics)
            .map(([metric, value]) => `${metric} ${value}`)
            .join(', ')}; target performance ≥ 90, accessibility 100: ${
            (result.scores.performance ?? 0) >= 90 && result.scores.accessibility === 100 ? 'met' : 'MISSED'
          })`,
    );
  }
  if (outcome.contention) lines.push(formatContention(outcome.contention));
  if (outcome.prepareSeconds !== undefined) lines.push(`store migrated and seeded in ${outcome.prepareSeconds.toFixed(1)} s`);
  return lines.join('\n');
}

/** Writes bench-results/<timestamp>.json and returns its path relative to the project. */
export function writeResults(startedAt: Date, record: unknown): string {
  const file = path.join('bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

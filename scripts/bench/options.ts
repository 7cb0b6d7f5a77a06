import { parseArgs } from 'node:util';

export interface BenchOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  quick: boolean;
  /** Passed to the demo seed (a million unless --historical-cases says otherwise). */
  historicalCases: number;
  /** Only the rows whose name contains this (the references always run), and no page or contention checks. */
  only: string | null;
}

export const BENCH_HISTORICAL_CASES = 1_000_000;

const usage = `npm run bench -- [--quick] [--duration SECONDS] [--connections N] [--historical-cases N] [--only TEXT]`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'historical-cases': { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const durationSeconds = positiveInteger('--duration', values.duration) ?? (quick ? 3 : 10);
  return {
    quick,
    durationSeconds,
    // Long enough for Next to load each route's modules and for V8 to optimise the hot paths, short
    // enough that a smoke run stays a smoke run.
    warmupSeconds: quick ? 1 : Math.min(3, Math.max(1, Math.round(durationSeconds / 5))),
    connections: positiveInteger('--connections', values.connections) ?? 50,
    // myProgress is measured against a million historical cases unless told otherwise.
    historicalCases: positiveInteger('--historical-cases', values['historical-cases']) ?? BENCH_HISTORICAL_CASES,
    only: values.only?.trim() || null,
  };
}

function positiveInteger(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${flag} takes a positive whole number, not "${raw}"\nusage: ${usage}`);
    process.exit(2);
  }
  return value;
}

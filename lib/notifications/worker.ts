/**
 * The background worker: runs a list of periodic jobs — the outbox delivery, hourly the purge of
 * spent sessions, counters and codes, daily myProgress's curves, the end of callbacks' text-ahead
 * waits, the API's webhook deliveries — until told to stop. Jobs keep their state in the database, so any number of workers can run and a restart
 * resumes where the last one stopped. A job that did a full batch runs again at once; otherwise
 * the worker waits `intervalMs` before the next round.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { getDb, type Db } from '@/db/client';
import { systemClock, type Clock } from '@/lib/clock';
import { purgeJob } from '@/lib/housekeeping/purge';
import { log } from '@/lib/log';
import { progressRefreshJob } from '@/lib/progress/refresh';
import { callbackStepsJob } from '@/lib/callbacks/callbacks';
import { webhookDeliveryJob } from '@/lib/api/webhooks/deliveries';
import { deliverDueNotifications } from './deliver';
import { closeTransports, transportsFromConfig, type Transports } from './transports';

export interface JobContext {
  db: Db;
  clock: Clock;
  signal: AbortSignal;
}

export interface JobResult {
  /** Logged when any is non-zero; counts only, never who or what. */
  counts?: Record<string, number>;
  /** More work is waiting: run the next round without pausing. */
  more?: boolean;
}

export interface WorkerJob {
  name: string;
  run(context: JobContext): Promise<JobResult>;
}

export function notificationDeliveryJob(transports: Transports, options: { limit?: number } = {}): WorkerJob {
  const limit = options.limit ?? 20;
  return {
    name: 'deliver-notifications',
    async run({ db, clock }) {
      const report = await deliverDueNotifications(db, clock, transports, { limit });
      return { counts: { ...report }, more: report.claimed >= limit };
    },
  };
}

export interface WorkerOptions {
  signal: AbortSignal;
  clock?: Clock;
  /** The pause between rounds when there was nothing more to do. */
  intervalMs?: number;
  db?: Db;
  /** The delivery job over the configured transports and the hourly purge when omitted. */
  jobs?: WorkerJob[];
}

export const DEFAULT_WORKER_INTERVAL_MS = 2_000;

/** Resolves after `signal` aborts and the round in progress has finished. */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const { signal, clock = systemClock, intervalMs = DEFAULT_WORKER_INTERVAL_MS } = options;
  const db = options.db ?? getDb();
  const ownTransports = options.jobs ? undefined : transportsFromConfig();
  const jobs = options.jobs ?? [notificationDeliveryJob(ownTransports!), purgeJob(), progressRefreshJob(), callbackStepsJob(), webhookDeliveryJob()];
  const context: JobContext = { db, clock, signal };

  log.info({ jobs: jobs.map((job) => job.name), intervalMs }, 'worker started');
  try {
    while (!signal.aborted) {
      let more = false;
      for (const job of jobs) {
        if (signal.aborted) break;
        more = (await runJob(job, context)) || more;
      }
      if (!more) await pause(intervalMs, signal);
    }
  } finally {
    if (ownTransports) closeTransports(ownTransports);
    log.info('worker stopped');
  }
}

async function runJob(job: WorkerJob, context: JobContext): Promise<boolean> {
  const started = performance.now();
  try {
    const result = await job.run(context);
    if (result.counts && Object.values(result.counts).some((n) => n > 0)) {
      log.info({ job: job.name, ...result.counts, ms: Math.round(performance.now() - started) }, 'job ran');
    }
    return result.more ?? false;
  } catch (error) {
    // Name and code only: driver errors quote the statement's parameters, which hold personal data.
    const code = (error as { code?: unknown } | null)?.code;
    log.error(
      { job: job.name, errorName: error instanceof Error ? error.name : typeof error, errorCode: typeof code === 'string' ? code : undefined },
      'job failed; it runs again next round',
    );
    return false;
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

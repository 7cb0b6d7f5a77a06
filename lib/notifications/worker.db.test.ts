import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { fixedClock } from '@/lib/clock';
import { enqueueNotification } from './enqueue';
import { letterTransport, localTransport } from './transports';
import { notificationDeliveryJob, runWorker, type WorkerJob } from './worker';

process.env.APP_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';

describe('the worker', () => {
  it('runs its jobs in rounds, survives a failing job, and stops when asked', async () => {
    const clock = fixedClock('2026-03-02T15:00:00Z');
    for (let i = 0; i < 3; i++) {
      await enqueueNotification(getDb(), clock, {
        channel: 'email',
        recipient: `person${i}@example.com`,
        language: 'en',
        template: 'account-access-notice',
        payload: { receiptNumber: 'IOE0912345678', formType: 'I-90', applicantName: 'Ana', audience: 'applicant', expiresOn: '2026-06-01' },
        dedupeKey: `worker-test:${i}`,
        secrets: { code: '7KQ2M9XD4RTF' },
      });
    }
    const controller = new AbortController();
    const rounds: string[] = [];
    const flaky: WorkerJob = {
      name: 'flaky',
      async run() {
        rounds.push('flaky');
        if (rounds.length === 1) throw new Error('the first round fails');
        return {};
      },
    };
    const stopAfterTwoRounds: WorkerJob = {
      name: 'stop',
      async run() {
        rounds.push('stop');
        if (rounds.filter((r) => r === 'stop').length === 2) controller.abort();
        return {};
      },
    };
    const delivery = notificationDeliveryJob({ email: localTransport, sms: localTransport, letter: letterTransport }, { limit: 2 });

    await runWorker({ signal: controller.signal, clock, intervalMs: 60_000, jobs: [flaky, delivery, stopAfterTwoRounds] });

    // A full batch (2 of 3) asks for another round at once, so no 60-second pause was needed.
    expect(rounds).toEqual(['flaky', 'stop', 'flaky', 'stop']);
    const rows = await getDb().select().from(notifications);
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('returns at once when stopped while pausing', async () => {
    const controller = new AbortController();
    let rounds = 0;
    const job: WorkerJob = {
      name: 'idle',
      async run() {
        rounds += 1;
        // Stops the worker once this round is over and it has begun its hour-long pause.
        setImmediate(() => controller.abort());
        return {};
      },
    };
    await runWorker({ signal: controller.signal, intervalMs: 3_600_000, jobs: [job] });
    expect(rounds).toBe(1);
  });
});

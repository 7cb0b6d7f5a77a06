/**
 * npm run worker — the background worker: delivers the notification outbox (and the other periodic
 * jobs as they arrive) until SIGINT or SIGTERM, then finishes the round in progress and exits.
 * Runs beside the web server under `npm start`; in production run one or more next to the app.
 */
import { closeStore, getStore, migrateStore } from '../db/client';
import { log } from '../lib/log';
import { refusalToStart } from '../lib/notifications/config';
import { runWorker } from '../lib/notifications/worker';

const refusal = refusalToStart(process.env);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

const controller = new AbortController();
function stop(signal: NodeJS.Signals) {
  if (controller.signal.aborted) {
    // A second signal means "now": the round in progress is abandoned; its leases expire and
    // another worker takes the rows over.
    process.exit(130);
  }
  log.info({ signal }, 'worker stopping');
  controller.abort();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const store = getStore();
await migrateStore(store);
try {
  await runWorker({ signal: controller.signal });
} finally {
  await closeStore();
}

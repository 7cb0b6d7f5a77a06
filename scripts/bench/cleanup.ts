/**
 * Everything the bench starts or creates registers how to undo it here, so a failure or Ctrl-C
 * still stops the servers, drops the benchmark databases and removes the temporary files.
 */
type Task = () => void | Promise<void>;

const tasks: { label: string; run: Task }[] = [];

/** Registers an undo step; the returned function runs it now (once) and forgets it. */
export function onCleanup(label: string, run: Task): () => Promise<void> {
  const task = { label, run };
  tasks.push(task);
  return async () => {
    const index = tasks.indexOf(task);
    if (index === -1) return;
    tasks.splice(index, 1);
    await runTask(task);
  };
}

/** Undoes everything still registered, newest first. */
export async function cleanUpAll(): Promise<void> {
  while (tasks.length > 0) await runTask(tasks.pop()!);
}

async function runTask(task: { label: string; run: Task }) {
  try {
    await task.run();
  } catch (error) {
    console.error(`bench: could not ${task.label}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let signalled = false;

/** True once SIGINT/SIGTERM arrived: work still in flight should stop rather than start anything new. */
export function stopRequested(): boolean {
  return signalled;
}

/** On SIGINT/SIGTERM: stop whatever is running via `interrupt`, undo everything, exit. */
export function cleanUpOnSignals(interrupt: () => void): void {
  const handle = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    console.error(`\nbench: ${signal} received, stopping`);
    interrupt();
    void cleanUpAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}

/**
 * The server is more than one process (npm/next wrappers, workers Next may fork), so memory is
 * measured and processes are stopped for the whole tree under the pid the bench started.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** The pid and every live descendant, parents before children. */
export function processTree(rootPid: number): number[] {
  const seen: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.includes(pid) || !isAlive(pid)) continue;
    seen.push(pid);
    queue.push(...childrenOf(pid));
  }
  return seen;
}

function childrenOf(pid: number): number[] {
  try {
    // A process's children are listed per thread: a thread other than the main one may have forked.
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isAlive(pid)) return childrenByParentScan(pid);
    return [];
  }
}

// Kernels built without CONFIG_PROC_CHILDREN lack the children files; the parent pid in every
// process's stat line tells the same thing, only more slowly.
function childrenByParentScan(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may itself contain spaces or parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return children;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface MemoryReading {
  rssKiB: number;
  hwmKiB: number;
}

function readMemory(pid: number): MemoryReading | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
  } catch {
    return undefined;
  }
}

export interface MemoryPeak {
  /** Largest sum of the tree's resident memory seen in one sample. */
  peakRssMiB: number;
  /**
   * Sum of each process's own high-water mark (VmHWM). Catches spikes between samples, but the
   * processes may have peaked at different moments, so it is an upper bound.
   */
  highWaterMiB: number;
  processes: number;
  samples: number;
}

/** Samples the tree's memory every `intervalMs` until stopped. */
export function sampleTreeMemory(rootPid: number, intervalMs = 200): { stop(): MemoryPeak } {
  let peakRssKiB = 0;
  let samples = 0;
  const highWater = new Map<number, number>();
  const sample = () => {
    let rss = 0;
    for (const pid of processTree(rootPid)) {
      const reading = readMemory(pid);
      if (!reading) continue;
      rss += reading.rssKiB;
      highWater.set(pid, Math.max(highWater.get(pid) ?? 0, reading.hwmKiB));
    }
    peakRssKiB = Math.max(peakRssKiB, rss);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
      return {
        peakRssMiB: mib(peakRssKiB),
        highWaterMiB: mib([...highWater.values()].reduce((a, b) => a + b, 0)),
        processes: highWater.size,
        samples,
      };
    },
  };
}

/**
 * Sends `signal` to every process of the tree. The tree is read before signalling: once a parent
 * exits its children are re-parented and can no longer be found from it.
 */
export function signalTree(rootPid: number, signal: NodeJS.Signals): number[] {
  const pids = processTree(rootPid);
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  return pids;
}

/** SIGTERM to the tree, then SIGKILL to whatever is still alive after `graceMs`. */
export async function stopTree(rootPid: number, graceMs = 5000): Promise<void> {
  const pids = signalTree(rootPid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited between the check and the kill.
    }
  }
}

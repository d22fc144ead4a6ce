// How many worker threads a large run uses besides the main thread: REPLYLINT_WORKERS when set
// (0 = none), else none for a small run, else one per core but the main thread's (at most 7).
import { availableParallelism } from 'node:os';

/**
 * Heap ceiling of each worker thread in MB: REPLYLINT_WORKER_MEMORY_MB when set (0: V8's own
 * limit), else the core's default. A thread that runs out of it on one document is replaced and
 * that document is reported (runner/pool.ts).
 */
export function workerMemoryMb(): number | undefined {
  const env = process.env.REPLYLINT_WORKER_MEMORY_MB;
  return env !== undefined && /^\d+$/.test(env.trim()) ? Number(env) : undefined;
}

/** The pool options of a run (the memory ceiling from the environment). */
export function poolOptions(): { memoryMb?: number } {
  const memoryMb = workerMemoryMb();
  return memoryMb === undefined ? {} : { memoryMb };
}

export function workerThreads(largeEnough: boolean, cap = Number.POSITIVE_INFINITY): number {
  const env = process.env.REPLYLINT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), cap);
  if (!largeEnough) return 0;
  return Math.min(Math.max(availableParallelism() - 1, 0), 7);
}

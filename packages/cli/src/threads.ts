// How many worker threads a large run uses besides the main thread: REPLYLINT_WORKERS when set
// (0 = none), else none for a small run, else one per core but the main thread's (at most 7).
import { availableParallelism } from 'node:os';

export function workerThreads(largeEnough: boolean, cap = Number.POSITIVE_INFINITY): number {
  const env = process.env.REPLYLINT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), cap);
  if (!largeEnough) return 0;
  return Math.min(Math.max(availableParallelism() - 1, 0), 7);
}

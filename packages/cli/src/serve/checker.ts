// Where the service's checks run: on a pool of worker threads started once at boot (the default),
// or in the request thread (`--workers 0`). Both enforce the per-request time limit: inline between
// items (a single check cannot be interrupted in the thread that runs it), on the pool by answering
// 503 at the limit and sending none of the request's remaining chunks (the one running finishes).
import type { Linter, LinterSpec, RunnerPool, TextItem, TextResult } from '@replylint/core';
import type { Core } from '../core-loader.js';

export class CheckTimeoutError extends Error {
  override name = 'CheckTimeoutError';
  constructor(readonly limitMs: number) {
    super(`检查超过 ${limitMs} 毫秒的时限`);
  }
}

export interface Checker {
  /** Worker threads in use (0: checks run in the request thread). */
  readonly threads: number;
  check(items: TextItem[], timeoutMs: number): Promise<TextResult[]>;
  close(): Promise<void>;
}

export function inlineChecker(core: Core, linter: Linter): Checker {
  const linterFor = (name?: string): Linter => {
    if (name !== undefined) throw new RangeError(`unknown config "${name}"`);
    return linter;
  };
  return {
    threads: 0,
    async check(items, timeoutMs) {
      const started = performance.now();
      const out: TextResult[] = [];
      for (const item of items) {
        if (out.length > 0 && performance.now() - started > timeoutMs) throw new CheckTimeoutError(timeoutMs);
        out.push(core.checkItem(linterFor, item));
      }
      if (performance.now() - started > timeoutMs && items.length > 1) throw new CheckTimeoutError(timeoutMs);
      return out;
    },
    async close() {},
  };
}

/** Items per message to a thread: a list of many replies is spread over the threads. */
const CHUNK = 8;

export function poolChecker(core: Core, threads: number, spec: LinterSpec, options: { memoryMb?: number } = {}): Checker {
  const pool: RunnerPool = core.startRunnerPool(threads, spec, options);
  return {
    threads,
    async check(items, timeoutMs) {
      const chunks: TextItem[][] = [];
      for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
      // at most one chunk per thread in flight for a request: when it runs out of time, the chunks
      // not yet sent are dropped, so a timed-out request does not keep the threads busy
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(new CheckTimeoutError(timeoutMs));
        }, timeoutMs);
      });
      const results: TextResult[][] = new Array(chunks.length);
      let next = 0;
      const lane = async () => {
        while (!timedOut && next < chunks.length) {
          const i = next++;
          results[i] = await pool.run(chunks[i]!);
        }
      };
      try {
        await Promise.race([Promise.all(Array.from({ length: Math.min(threads, chunks.length) }, lane)), limit]);
        return results.flat();
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.destroy(),
  };
}

// The worker threads of runTexts(): each builds the spec's linters once and checks the chunks of
// items it is sent, one after another; a chunk goes to the thread with the fewest in flight.
//
// One document, one fate: a thread that is stuck in one document (a regex that backtracks for
// ever, a native call: the engine's own time budget is checked only between steps), or that runs
// out of memory on one (resourceLimits), is ended and replaced. The document it was on gets an
// `internal-error` result; the other items of its chunks are checked again on the threads left.
// Each thread tells, through a few numbers of shared memory, which item it is on and until when it
// may run (no message per item).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { formatDuration, internalDiagnostic } from '../engine/lint.js';
import type { LinterSpec, TextItem, TextResult } from './index.js';

export interface RunnerPool {
  readonly threads: number;
  run(chunk: TextItem[]): Promise<TextResult[]>;
  /** Stops the threads; chunks still in flight are rejected. */
  destroy(): Promise<void>;
}

export interface PoolOptions {
  /** The worker module (tests; default: runner-worker.js beside this module). */
  workerUrl?: URL;
  /** Heap ceiling of each thread in MB (resourceLimits.maxOldGenerationSizeMb; default DEFAULT_WORKER_MEMORY_MB). */
  memoryMb?: number;
}

export const RUNNER_WORKER = 'replylint-runner';

/**
 * Default heap ceiling of a worker thread (MB). The largest input the CLI admits (20 MB) needs
 * well under 1 GB; the ceiling only stops a document that would take the whole process down.
 */
export const DEFAULT_WORKER_MEMORY_MB = 1536;

/**
 * How long past its time budget a document may hold a thread before the thread is ended: the
 * engine stops at the budget between steps, so a thread still on the document this much later is
 * stuck inside one step.
 */
export const hardLimitMs = (budgetMs: number): number => budgetMs + Math.max(budgetMs, 1000);

export type WorkerMessage = { id: number; results: TextResult[] } | { id: number; error: string };

/** The shared numbers of a thread (Float64Array): the message id and item index it is on, and its hard deadline. */
export const SLOT_MESSAGE = 0;
export const SLOT_ITEM = 1;
/** Date.now() after which the thread is ended (0: none). */
export const SLOT_DEADLINE = 2;
/** The hard limit in ms, for the message. */
export const SLOT_LIMIT = 3;
const SLOT_LENGTH = 4;

/** runner-worker.js beside this module (tsc output, the CLI bundle), or the built one when running from src/ (tests). */
function defaultWorkerUrl(): URL {
  const here = new URL('./runner-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/runner/runner-worker.js', import.meta.url);
}

interface Pending {
  resolve: (r: TextResult[]) => void;
  reject: (e: Error) => void;
  thread: Thread;
  chunk: TextItem[];
}

interface Thread {
  worker: Worker;
  slot: Float64Array;
  inFlight: number;
  failed?: Error;
  /** Why the thread is being ended, and the item it was on. */
  lost?: { why: 'timeout' | 'memory' | 'crash'; detail: string; message: number; item: number; limitMs: number };
}

/** How often stuck threads are looked for (ms). */
const WATCH_MS = 200;

export function startPool(threads: number, spec: LinterSpec, workerUrlOrOptions?: URL | PoolOptions): RunnerPool {
  const options: PoolOptions = workerUrlOrOptions instanceof URL ? { workerUrl: workerUrlOrOptions } : (workerUrlOrOptions ?? {});
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  // required here, not imported: only runs that start threads load node:worker_threads
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let stopping = false;
  const failAll = (thread: Thread, error: Error) => {
    thread.failed ??= error;
    for (const [id, p] of pending) {
      if (p.thread !== thread) continue;
      pending.delete(id);
      p.reject(error);
    }
  };

  const start = (): Thread => {
    const slot = new Float64Array(new SharedArrayBuffer(SLOT_LENGTH * Float64Array.BYTES_PER_ELEMENT));
    slot[SLOT_ITEM] = -1;
    const worker = new Worker(workerUrl, {
      workerData: { marker: RUNNER_WORKER, spec, slot },
      ...(memoryMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {}),
    });
    const thread: Thread = { worker, slot, inFlight: 0 };
    worker.on('message', (m: WorkerMessage) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      thread.inFlight--;
      if ('results' in m) p.resolve(m.results);
      else p.reject(new Error(m.error));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const memory = e?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const on = onItem(thread);
      // not on an item (it could not start): its chunks fail with the error, as before
      if (on.item < 0) failAll(thread, e instanceof Error ? e : new Error(String(e)));
      else thread.lost ??= { why: memory ? 'memory' : 'crash', detail: memory ? '' : (e?.name ?? 'Error'), ...on };
    });
    worker.on('exit', (code) => {
      if (stopping) return;
      recover(thread, code);
    });
    return thread;
  };

  const onItem = (t: Thread) => ({ message: t.slot[SLOT_MESSAGE]!, item: t.slot[SLOT_ITEM]!, limitMs: t.slot[SLOT_LIMIT]! });

  /** A thread has ended: its item gets its result, the rest of its work goes to the others, a new thread takes its place. */
  const recover = (thread: Thread, code: number) => {
    const lost = thread.lost;
    const mine = [...pending].filter(([, p]) => p.thread === thread);
    if (!lost || lost.item < 0 || !mine.some(([id]) => id === lost.message)) {
      // not ended on an item (it could not start, or died between chunks): as before, its chunks fail
      failAll(thread, new Error(`工作线程意外退出（退出码 ${code}）`));
      return;
    }
    thread.failed = new Error('工作线程已换新');
    const index = pool.indexOf(thread);
    if (index >= 0) pool[index] = start();
    for (const [id, p] of mine) {
      pending.delete(id);
      if (id !== lost.message) {
        api.run(p.chunk).then(p.resolve, p.reject);
        continue;
      }
      const item = p.chunk[lost.item]!;
      const diagnostic =
        lost.why === 'timeout'
          ? internalDiagnostic('threadTimeout', { budget: formatDuration(lost.limitMs) })
          : lost.why === 'memory'
            ? internalDiagnostic('threadMemory', { limit: `${memoryMb} MB` })
            : internalDiagnostic('threadCrash', { detail: lost.detail || `退出码 ${code}` });
      const result: TextResult = { id: item?.id, diagnostics: [diagnostic], suppressed: [], profile: '' };
      const rest = p.chunk.filter((_, k) => k !== lost.item);
      if (!rest.length) {
        p.resolve([result]);
        continue;
      }
      api.run(rest).then((results) => {
        results.splice(lost.item, 0, result);
        p.resolve(results);
      }, p.reject);
    }
  };

  const pool: Thread[] = Array.from({ length: threads }, start);
  const watch = setInterval(() => {
    const now = Date.now();
    for (const t of pool) {
      const deadline = t.slot[SLOT_DEADLINE]!;
      if (t.failed || t.lost || !(deadline > 0) || now <= deadline) continue;
      t.lost = { why: 'timeout', detail: '', ...onItem(t) };
      void t.worker.terminate();
    }
  }, WATCH_MS);
  watch.unref();

  const api: RunnerPool = {
    threads,
    run(chunk) {
      const live = pool.filter((t) => !t.failed);
      if (!live.length) return Promise.reject(pool[0]!.failed!);
      const thread = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const id = nextId++;
      thread.inFlight++;
      return new Promise<TextResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, thread, chunk });
        thread.worker.postMessage({ id, chunk });
      });
    },
    async destroy() {
      stopping = true;
      clearInterval(watch);
      await Promise.all(pool.map((t) => t.worker.terminate()));
      for (const t of pool) failAll(t, new Error('工作线程已停止'));
    },
  };
  return api;
}

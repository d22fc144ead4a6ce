// The worker threads of runTexts(): each builds the spec's linters once and checks the chunks of
// items it is sent, one after another; a chunk goes to the thread with the fewest in flight.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { LinterSpec, TextItem, TextResult } from './index.js';

export interface RunnerPool {
  readonly threads: number;
  run(chunk: TextItem[]): Promise<TextResult[]>;
  /** Stops the threads; chunks still in flight are rejected. */
  destroy(): Promise<void>;
}

export const RUNNER_WORKER = 'replylint-runner';

export type WorkerMessage = { id: number; results: TextResult[] } | { id: number; error: string };

/** runner-worker.js beside this module (tsc output, the CLI bundle), or the built one when running from src/ (tests). */
function defaultWorkerUrl(): URL {
  const here = new URL('./runner-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/runner/runner-worker.js', import.meta.url);
}

interface Thread {
  worker: Worker;
  inFlight: number;
  failed?: Error;
}

export function startPool(threads: number, spec: LinterSpec, workerUrl: URL = defaultWorkerUrl()): RunnerPool {
  // required here, not imported: only runs that start threads load node:worker_threads
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const pending = new Map<number, { resolve: (r: TextResult[]) => void; reject: (e: Error) => void; thread: Thread }>();
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
  const pool: Thread[] = Array.from({ length: threads }, () => {
    const thread: Thread = { worker: new Worker(workerUrl, { workerData: { marker: RUNNER_WORKER, spec } }), inFlight: 0 };
    thread.worker.on('message', (m: WorkerMessage) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      thread.inFlight--;
      if ('results' in m) p.resolve(m.results);
      else p.reject(new Error(m.error));
    });
    thread.worker.on('error', (e) => failAll(thread, e instanceof Error ? e : new Error(String(e))));
    thread.worker.on('exit', (code) => {
      if (!stopping) failAll(thread, new Error(`工作线程意外退出（退出码 ${code}）`));
    });
    return thread;
  });
  return {
    threads,
    run(chunk) {
      const live = pool.filter((t) => !t.failed);
      if (!live.length) return Promise.reject(pool[0]!.failed!);
      const thread = live.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      const id = nextId++;
      thread.inFlight++;
      return new Promise<TextResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, thread });
        thread.worker.postMessage({ id, chunk });
      });
    },
    async destroy() {
      stopping = true;
      await Promise.all(pool.map((t) => t.worker.terminate()));
      for (const t of pool) failAll(t, new Error('工作线程已停止'));
    },
  };
}

// Worker threads for large `replylint check` runs: each runs check/worker.js and checks the chunks
// of files it is sent, one after another, with the same settings as the main thread.
//
// Why not a pool library (tinypool was used before): the threads must exist the moment the file
// list is known. Importing tinypool is an asynchronous ES module load that only progresses while
// the main thread waits, and its workers boot through an entry module of their own; in a
// 10,000-file run the worker thread came into being ~0.15 s after the file list and produced its
// first results at ~0.7 s, while the second core sat idle (bench/README.md, seventh round). A
// `new Worker()` starts booting at once, on the idle core, while the main thread loads the engine.
// What is needed of a pool here is small: a queue per thread (a thread works on one chunk at a
// time, the next waits in its message queue), replies matched by id, and clean failure.
import { createRequire } from 'node:module';
import type { Worker as WorkerThread } from 'node:worker_threads';
import type { JobOutcome } from './process.js';
import type { WorkerReply, WorkerRequest, WorkerTask } from './worker.js';

export interface Pool {
  readonly threads: number;
  /** Checks a chunk in the thread with the fewest chunks in flight. */
  run(task: WorkerTask): Promise<JobOutcome[]>;
  /** Stops the threads (chunks still in flight are rejected). */
  destroy(): Promise<void>;
}

interface Thread {
  worker: WorkerThread;
  inFlight: number;
  /** Why the thread can take no more chunks (it failed or exited), once it cannot. */
  failed?: Error;
}

/** Marks a worker started by this pool (check/worker.js then listens for chunks). */
export const POOL_WORKER = 'replylint-check-pool';

/**
 * Starts `threads` worker threads now (synchronously: they boot while the caller goes on).
 * `file`: the worker module (check/worker.js; tests give their own).
 */
export function startPool(threads: number, file: URL = new URL('./worker.js', import.meta.url)): Pool {
  // required, not imported: node:worker_threads is loaded only by runs that use threads, and the
  // threads start before this function returns
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const pending = new Map<number, { resolve: (o: JobOutcome[]) => void; reject: (e: Error) => void; thread: Thread }>();
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
    const thread: Thread = { worker: new Worker(file, { workerData: POOL_WORKER }), inFlight: 0 };
    thread.worker.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      thread.inFlight--;
      if ('outcomes' in reply) p.resolve(reply.outcomes);
      else p.reject(new Error(reply.error));
    });
    thread.worker.on('error', (e) => failAll(thread, e instanceof Error ? e : new Error(String(e))));
    thread.worker.on('exit', (code) => {
      if (!stopping) failAll(thread, new Error(`工作线程意外退出（退出码 ${code}）`));
    });
    return thread;
  });
  return {
    threads,
    run(task) {
      const thread = pool.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (thread.failed) return Promise.reject(thread.failed);
      const id = nextId++;
      thread.inFlight++;
      return new Promise<JobOutcome[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, thread });
        thread.worker.postMessage({ id, task } satisfies WorkerRequest);
      });
    },
    async destroy() {
      stopping = true;
      await Promise.all(pool.map((t) => t.worker.terminate()));
      for (const t of pool) failAll(t, new Error('工作线程已停止'));
    },
  };
}

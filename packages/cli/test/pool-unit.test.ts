// check/pool.ts on its own, with stand-in worker modules: replies matched to their chunks, and
// every way a thread can fail ends the chunks in flight with an error instead of a hang.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { POOL_WORKER, startPool } from '../src/check/pool.js';
import type { WorkerTask } from '../src/check/worker.js';
import { removeDir, tempDir } from './helpers.js';

const dir = tempDir({});
afterAll(() => removeDir(dir));

/** A worker module answering each chunk with `body` (a function of the request, as source). */
function fakeWorker(name: string, body: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
if (workerData !== ${JSON.stringify(POOL_WORKER)}) throw new Error('not started by the pool');
parentPort.on('message', async (req) => { ${body} });
`,
  );
  return pathToFileURL(file);
}

const task = (n: number): WorkerTask => ({
  settings: { cwd: dir, maxBytes: 1, fix: false, fixDryRun: false, quiet: false, rules: {} },
  jobs: Array.from({ length: n }, (_, i) => ({ path: `/x/${i}.md`, filePath: `/x/${i}.md`, display: `${i}.md` })),
});

describe('startPool', () => {
  it('answers each chunk with its own outcomes, over several threads and chunks in flight', async () => {
    // answers later chunks first: replies must be matched by id, not by order
    const url = fakeWorker(
      'echo',
      `await new Promise((r) => setTimeout(r, 40 - 5 * req.task.jobs.length));
       parentPort.postMessage({ id: req.id, outcomes: req.task.jobs.map((j) => ({ inputError: j.display })) });`,
    );
    const pool = startPool(2, url);
    try {
      expect(pool.threads).toBe(2);
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(task(n))));
      expect(results.map((r) => r.length)).toEqual([1, 2, 3, 4, 5]);
      expect(results[2]).toEqual([{ inputError: '0.md' }, { inputError: '1.md' }, { inputError: '2.md' }]);
    } finally {
      await pool.destroy();
    }
  });

  it('rejects a chunk the worker reports an error for, and goes on with the next', async () => {
    const url = fakeWorker(
      'failing',
      `parentPort.postMessage(req.task.jobs.length === 2 ? { id: req.id, error: 'kaputt' } : { id: req.id, outcomes: [] });`,
    );
    const pool = startPool(1, url);
    try {
      await expect(pool.run(task(2))).rejects.toThrow('kaputt');
      await expect(pool.run(task(1))).resolves.toEqual([]);
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks in flight when a thread exits unexpectedly', async () => {
    const url = fakeWorker('exiting', `process.exit(3);`);
    const pool = startPool(1, url);
    try {
      await expect(pool.run(task(1))).rejects.toThrow('工作线程意外退出（退出码 3）');
      // a chunk sent to the exited thread fails at once instead of waiting for ever
      await expect(pool.run(task(1))).rejects.toThrow('工作线程意外退出（退出码 3）');
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks in flight when a thread throws', async () => {
    const url = fakeWorker('throwing', `throw new Error('boom in worker');`);
    const pool = startPool(1, url);
    try {
      await expect(pool.run(task(1))).rejects.toThrow('boom in worker');
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks still in flight when destroyed', async () => {
    const url = fakeWorker('slow', `await new Promise((r) => setTimeout(r, 10_000));`);
    const pool = startPool(1, url);
    const pending = pool.run(task(1));
    await pool.destroy();
    await expect(pending).rejects.toThrow('工作线程已停止');
  });
});

// runner/pool.ts on its own, with stand-in worker modules: replies matched to their chunks, and
// every way a thread can fail ends the chunks in flight with an error instead of a hang; through
// runTexts, a failed chunk becomes an error result per item and the run goes on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNNER_WORKER, SLOT_DEADLINE, SLOT_ITEM, SLOT_LIMIT, SLOT_MESSAGE, startPool } from '../../src/runner/pool.js';
import { runTexts, type TextItem } from '@replylint/core';

const dir = mkdtempSync(join(tmpdir(), 'replylint-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker module answering each chunk with `body` (source; `req` is { id, chunk }). */
function fakeWorker(name: string, body: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort, workerData } from 'node:worker_threads';
if (workerData?.marker !== ${JSON.stringify(RUNNER_WORKER)}) throw new Error('not started by the pool');
parentPort.on('message', async (req) => { ${body} });
`,
  );
  return pathToFileURL(file);
}

const chunk = (n: number): TextItem[] => Array.from({ length: n }, (_, i) => ({ id: i, text: `第${i}篇` }));

describe('runner pool', () => {
  it('ends a thread stuck on one item past its hard deadline, answers that item with internal-error/threadTimeout and the rest of its chunks on a new thread', async () => {
    // like runner-worker.js: says which item it is on; item 第1篇 never returns
    const url = fakeWorker(
      'stuck',
      `const slot = workerData.slot;
       const results = [];
       slot[${SLOT_MESSAGE}] = req.id;
       for (let k = 0; k < req.chunk.length; k++) {
         slot[${SLOT_ITEM}] = k; slot[${SLOT_LIMIT}] = 300; slot[${SLOT_DEADLINE}] = Date.now() + 300;
         if (req.chunk[k].text === '第1篇') for (;;);
         results.push({ id: req.chunk[k].id, diagnostics: [], suppressed: [], profile: 'x' });
       }
       slot[${SLOT_ITEM}] = -1; slot[${SLOT_DEADLINE}] = 0;
       parentPort.postMessage({ id: req.id, results });`,
    );
    const pool = startPool(1, {}, url);
    try {
      const [first, second] = await Promise.all([pool.run(chunk(3)), pool.run([{ id: 'later', text: '后来' }])]);
      expect(first.map((r) => r.id)).toEqual([0, 1, 2]);
      expect(first[1]!.diagnostics.map((d) => `${d.ruleId}/${d.messageId}`)).toEqual(['internal-error/threadTimeout']);
      expect(first[1]!.diagnostics[0]!.message).toContain('300 毫秒');
      expect([first[0]!, first[2]!, ...second].map((r) => r.profile)).toEqual(['x', 'x', 'x']);
      // the new thread goes on working
      await expect(pool.run(chunk(1))).resolves.toHaveLength(1);
    } finally {
      await pool.destroy();
    }
  }, 20_000);

  it('answers each chunk with its own results, over several threads and chunks in flight', async () => {
    // answers later chunks first: replies must be matched by id, not by order
    const url = fakeWorker(
      'echo',
      `await new Promise((r) => setTimeout(r, 40 - 5 * req.chunk.length));
       parentPort.postMessage({ id: req.id, results: req.chunk.map((it) => ({ id: it.text, diagnostics: [], suppressed: [], profile: 'x' })) });`,
    );
    const pool = startPool(2, {}, url);
    try {
      expect(pool.threads).toBe(2);
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(chunk(n))));
      expect(results.map((r) => r.length)).toEqual([1, 2, 3, 4, 5]);
      expect(results[2]!.map((r) => r.id)).toEqual(['第0篇', '第1篇', '第2篇']);
    } finally {
      await pool.destroy();
    }
  });

  it('rejects a chunk the worker reports an error for, and goes on with the next', async () => {
    const url = fakeWorker('failing', `parentPort.postMessage(req.chunk.length === 2 ? { id: req.id, error: 'kaputt' } : { id: req.id, results: [] });`);
    const pool = startPool(1, {}, url);
    try {
      await expect(pool.run(chunk(2))).rejects.toThrow('kaputt');
      await expect(pool.run(chunk(1))).resolves.toEqual([]);
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks in flight when a thread exits unexpectedly, and later ones at once', async () => {
    const url = fakeWorker('exiting', `process.exit(3);`);
    const pool = startPool(1, {}, url);
    try {
      await expect(pool.run(chunk(1))).rejects.toThrow('工作线程意外退出（退出码 3）');
      await expect(pool.run(chunk(1))).rejects.toThrow('工作线程意外退出（退出码 3）');
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks in flight when a thread throws', async () => {
    const pool = startPool(1, {}, fakeWorker('throwing', `throw new Error('boom in worker');`));
    try {
      await expect(pool.run(chunk(1))).rejects.toThrow('boom in worker');
    } finally {
      await pool.destroy();
    }
  });

  it('rejects the chunks still in flight when destroyed', async () => {
    const pool = startPool(1, {}, fakeWorker('slow', `await new Promise((r) => setTimeout(r, 10_000));`));
    const pending = pool.run(chunk(1));
    await pool.destroy();
    await expect(pending).rejects.toThrow('工作线程已停止');
  });

  it('through runTexts: the items of a chunk whose thread died get error results, the rest are checked', async () => {
    const url = fakeWorker(
      'half',
      `if (req.chunk[0].id === 2) process.exit(5);
       parentPort.postMessage({ id: req.id, results: req.chunk.map((it) => ({ id: it.id, diagnostics: [], suppressed: [], profile: 'recommended' })) });`,
    );
    const items = Array.from({ length: 4 }, (_, i) => ({ id: i, text: '您好！' }));
    const out = [];
    for await (const r of runTexts(items, {}, { workers: 1, chunkSize: 2, workerUrl: url })) out.push(r);
    expect(out.map((r) => [r.id, r.error ?? 'ok'])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, '检查中断：工作线程意外退出（退出码 5）'],
      [3, '检查中断：工作线程意外退出（退出码 5）'],
    ]);
  });
});

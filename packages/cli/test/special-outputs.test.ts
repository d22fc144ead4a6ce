// Outputs given as a device or a pipe (-o /dev/null, -o /dev/stdout, a named pipe): written to,
// never replaced by a regular file (the outputs are otherwise written beside their name and renamed
// into place). The test uses a named pipe in its own directory, never a real device: if the guard
// regressed, only the pipe would be replaced.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, run, tempDir } from './helpers.js';

const haveMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const dir = tempDir({
  'rows.jsonl': ['您好！已转相关部门办理。', '您好！经现场核实，占道摊点已于9月3日清理。'].map((t, i) => JSON.stringify({ 工单编号: `A${i}`, 答复内容: t })).join('\n') + '\n',
  'reply.txt': '承办人王磊，电话13812345678。\n',
});
afterAll(() => removeDir(dir));

/** Runs the CLI with `-o` a fresh named pipe, reading the pipe meanwhile; returns what came through. */
async function throughPipe(name: string, args: (pipe: string) => string[]): Promise<{ code: number; text: string; stillPipe: boolean }> {
  const pipe = join(dir, name);
  expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
  const reader = spawn('cat', [pipe]);
  let text = '';
  reader.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
  const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  const r = run(args(pipe), { cwd: dir });
  // the CLI has exited: a reader still waiting means nothing was written into the pipe
  const timer = setTimeout(() => reader.kill(), 5000);
  await done;
  clearTimeout(timer);
  return { code: r.code ?? -1, text, stillPipe: statSync(pipe).isFIFO() };
}

describe('outputs to a device or a pipe', () => {
  it.skipIf(!haveMkfifo)('batch -o <pipe> writes the results into the pipe and leaves it a pipe', async () => {
    const r = await throughPipe('batch.fifo', (pipe) => ['batch', 'rows.jsonl', '-o', pipe, '--no-progress']);
    expect(r.code).toBe(0); // the test directory's configuration checks harsh words only
    expect(r.text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['A0', 'A1']);
    expect(r.stillPipe).toBe(true);
  });

  it.skipIf(!haveMkfifo)('redact -o <pipe> writes the public version into the pipe and leaves it a pipe', async () => {
    const r = await throughPipe('redact.fifo', (pipe) => ['redact', 'reply.txt', '-o', pipe]);
    expect(r.code).toBe(0);
    expect(r.text).toBe('承办人王*，电话138****5678。\n');
    expect(r.stillPipe).toBe(true);
    expect(readFileSync(join(dir, 'reply.txt'), 'utf8')).toContain('13812345678'); // the original stays
  });
});

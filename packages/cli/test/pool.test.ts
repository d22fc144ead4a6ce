// Worker threads (check/pool.ts) give exactly the same results as the main thread alone.
// REPLYLINT_WORKERS forces the pool for a small run (normally it starts at PARALLEL_MIN_FILES).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, HARSH, removeDir, run, tempDir } from './helpers.js';

const files: Record<string, string | Buffer> = {};
for (let i = 0; i < 60; i++) files[`r/u${i % 4}/${String(i).padStart(3, '0')}.md`] = i % 3 === 0 ? `${CLEAN}\n\n${HARSH}\n` : `${CLEAN}\n`;
files['r/u1/bin.md'] = Buffer.from([0, 1, 2]);
const dir = tempDir(files);
afterAll(() => removeDir(dir));

describe('worker pool', () => {
  it('produces the same report and exit code with and without workers', () => {
    const single = run(['--format', 'json', 'r'], { cwd: dir, env: { REPLYLINT_WORKERS: '0' } });
    const pooled = run(['--format', 'json', 'r'], { cwd: dir, env: { REPLYLINT_WORKERS: '1', REPLYLINT_DEBUG: '1' } });
    expect(pooled.stderr).toMatch(/1 个工作线程 \+ 主线程/);
    expect(pooled.code).toBe(2); // bin.md
    expect(single.code).toBe(2);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(pooled.stdout)).toHaveLength(60);
    expect(pooled.stderr).toContain('bin.md：不是文本文件');
  });

  it('applies fixes in workers too', () => {
    const d = tempDir(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.md`, `<!-- replylint-disable-next-line no-harsh-language -->\n${CLEAN}\n`])));
    try {
      const r = run(['--fix', 'f*.md'], { cwd: d, env: { REPLYLINT_WORKERS: '1' } });
      expect(r.code).toBe(0);
      for (let i = 0; i < 30; i++) expect(readFileSync(join(d, `f${i}.md`), 'utf8')).toBe(`${CLEAN}\n`);
    } finally {
      removeDir(d);
    }
  });

  it('stops with exit 2 on an invalid config found by a worker', () => {
    const d = tempDir({ ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a/f${i}.md`, `${CLEAN}\n`])), 'a/.replylintrc.yaml': 'segmenter: fast\n' });
    try {
      const r = run(['a'], { cwd: d, env: { REPLYLINT_WORKERS: '1' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\.replylintrc\.yaml:1.*segmenter/);
    } finally {
      removeDir(d);
    }
  });
});

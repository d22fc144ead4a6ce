// Large inputs: checking time grows linearly with the size of a reply (decode + lint + positions).
import { describe, expect, it } from 'vitest';
import { lint, lineStarts, toLineColumn } from '@replylint/core';
import { decodeText } from '../src/io/read.js';
import { CLEAN, HARSH } from './helpers.js';

function reply(bytes: number): Buffer {
  const para = `${CLEAN}承办人已于2024年3月12日电话联系诉求人，说明了整改安排。${HARSH}\n\n`;
  return Buffer.from(para.repeat(Math.ceil(bytes / Buffer.byteLength(para))));
}

function check(buf: Buffer): { ms: number; problems: number } {
  const t0 = performance.now();
  const { text } = decodeText(buf);
  const diagnostics = lint(text);
  const starts = lineStarts(text);
  for (const d of diagnostics) toLineColumn(starts, d.range[0]);
  return { ms: performance.now() - t0, problems: diagnostics.length };
}

describe('scaling', () => {
  it('a 5 MB reply takes about five times as long as a 1 MB reply, not 25 times', () => {
    const one = reply(1024 * 1024);
    const five = reply(5 * 1024 * 1024);
    check(one); // warm-up
    const best = (b: Buffer) => Math.min(...[0, 1].map(() => check(b).ms));
    const t1 = best(one);
    const t5 = best(five);
    const r5 = check(five);
    expect(r5.problems).toBeGreaterThan(10_000); // every paragraph has one problem
    expect(t5 / t1).toBeLessThan(10);
  }, 120_000);
});

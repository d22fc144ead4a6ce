// runTexts: the same results as the linter itself, in this thread or over worker threads, ordered
// or as they finish; the source is read only as far as results are taken; bad items and fixes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, rulesDir, runTexts, type TextItem, type TextResult } from '@replylint/core';

const root = join(rulesDir(), '..');
const texts = readdirSync(join(root, 'fixtures', 'replies'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(root, 'fixtures', 'replies', f), 'utf8'));
const NOW = '2025-12-01T10:00:00+08:00';
const items: TextItem[] = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, text: texts[i % texts.length]!, now: NOW, ...(i % 4 === 0 ? { meta: { profile: 'suqian' } } : {}) }));

async function collect(source: AsyncIterable<TextResult>): Promise<TextResult[]> {
  const out: TextResult[] = [];
  for await (const r of source) out.push(r);
  return out;
}
const shape = (r: TextResult) => [r.id, r.profile, r.diagnostics.map((d) => [d.ruleId, d.messageId, d.range[0], d.range[1], d.message])];

describe('runTexts', () => {
  const linter = createLinter({ profile: undefined });
  const expected = items.map((it) => {
    const r = linter.lintDocument(it.text, { now: new Date(NOW), ...(it.meta ? { meta: it.meta } : {}) });
    return [it.id, r.profile, r.diagnostics.map((d) => [d.ruleId, d.messageId, d.range[0], d.range[1], d.message])];
  });

  it('in this thread: the linter’s results, in order', async () => {
    expect((await collect(runTexts(items))).map(shape)).toEqual(expected);
  });

  it('over two worker threads: the same results, in order, and unordered the same set', async () => {
    expect((await collect(runTexts(items, {}, { workers: 2, chunkSize: 7 }))).map(shape)).toEqual(expected);
    const unordered = await collect(runTexts(items, {}, { workers: 2, chunkSize: 5, ordered: false }));
    expect(unordered.map(shape).sort()).toEqual([...expected].sort());
  });

  it('reads the source only as far as results are taken (backpressure), and stops its threads', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<TextItem> {
      for (let i = 0; i < 10_000; i++) {
        pulled++;
        yield { id: i, text: texts[i % texts.length]!, now: NOW };
      }
    }
    let taken = 0;
    for await (const r of runTexts(source(), {}, { workers: 1, chunkSize: 4, maxPending: 2 })) {
      expect(r.id).toBe(taken);
      if (++taken === 6) break;
    }
    // two chunks pending, plus the one read while the first results went out
    expect(pulled).toBeLessThanOrEqual(4 * 4);
    expect(pulled).toBeGreaterThanOrEqual(6);
  });

  it('an item that is not text gets an error result; a fix item returns the fixed text; the rest is checked', async () => {
    const bad = { id: 'x', text: 42 } as unknown as TextItem;
    const fixable = { id: 'f', text: '依据宿政办秘[2021]32号文件的规定，现答复如下。', fix: true, now: NOW };
    for (const workers of [0, 1]) {
      const [a, b, c] = await collect(runTexts([bad, fixable, { id: 'r1', text: '您好，已转交相关部门处理。' }], {}, { workers }));
      expect(a).toMatchObject({ id: 'x', error: '答复内容应为文字', diagnostics: [] });
      expect(b!.output).toContain('宿政办秘〔2021〕32号');
      expect(b!.diagnostics.some((d) => d.ruleId === 'citation-format' && d.fix)).toBe(false);
      expect(c!.id).toBe('r1');
      expect(c!.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('a configuration error is thrown before any item is read', async () => {
    let pulled = 0;
    const source = (function* () {
      pulled++;
      yield items[0]!;
    })();
    await expect(collect(runTexts(source, { config: { extends: ['suqain'] } }, { workers: 1 }))).rejects.toThrow(/未知的规则配置「suqain」/);
    expect(pulled).toBe(0);
  });

  it('items choose among the spec’s named linters', async () => {
    const text = '您好！经查，该路段共有流动摊贩12处，已于9月24日全部清理。我局高度重视，积极协调，已按程序处理。';
    const [plain, strict] = await collect(
      runTexts(
        [
          { id: 1, text, now: NOW },
          { id: 2, text, now: NOW, config: 'office' },
        ],
        { configs: { office: { config: { phrases: { 'no-evasive-phrase': ['已按程序处理'] } } } } },
        { workers: 1 },
      ),
    );
    expect(plain!.diagnostics.some((d) => d.ruleId === 'no-evasive-phrase')).toBe(false);
    expect(strict!.diagnostics.some((d) => d.ruleId === 'no-evasive-phrase')).toBe(true);
  });
});

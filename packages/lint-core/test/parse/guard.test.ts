// Bounded work for Markdown (parse/guard.ts): markup that micromark parses super-linearly is read
// as plain text, section by section, with a warning; everything else parses exactly as before.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '@replylint/core';
import { fixturesDir } from '@replylint/core/testing';
import { plainSpans } from '../../src/parse/guard.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { buildView } from '../../src/parse/views.js';

const NOW = new Date('2025-06-30T10:00:00+08:00');
const linter = createLinter();

/** The hostile shapes of the issue (and their relatives), each about `n` characters long. */
export const HOSTILE: Record<string, { make: (n: number) => string; reason: string }> = {
  emphasis: { make: (n) => '*a'.repeat(n / 2), reason: 'emphasis' },
  strikethrough: { make: (n) => '~a'.repeat(n / 2), reason: 'emphasis' },
  'long runs': { make: (n) => `${'*'.repeat(n / 2)}a${'*'.repeat(n / 2)}`, reason: 'emphasis' },
  'dashes on one line': { make: (n) => '- '.repeat(n / 2), reason: 'nesting' },
  'nested quotes': { make: (n) => `${'>'.repeat(n)} 您好`, reason: 'nesting' },
  'staircase list': { make: (n) => Array.from({ length: n / 40 }, (_, k) => `${'  '.repeat(k % 30)}- 项目\n`).join(''), reason: 'nesting' },
  'unclosed comments': { make: (n) => 'a <!--a'.repeat(n / 7), reason: 'html' },
  'unclosed images': { make: (n) => '![a](b'.repeat(n / 6), reason: 'brackets' },
  'backtick runs': { make: (n) => Array.from({ length: 40 }, (_, k) => `${'`'.repeat(k + 1)}a`).join('').repeat(Math.max(1, n / 900)), reason: 'code' },
  table: { make: (n) => { const side = Math.round(Math.sqrt(n / 4)); const row = `|${' a |'.repeat(side)}\n`; return `${row}|${' - |'.repeat(side)}\n${row.repeat(side - 1)}`; }, reason: 'table' },
  'links in paragraphs': { make: (n) => '[链接](http://a.b/c)\n\n'.repeat(n / 19), reason: 'markup' },
};

describe('the Markdown guard', () => {
  for (const [name, { make, reason }] of Object.entries(HOSTILE)) {
    it(`reads ${name} as plain text, with a warning, quickly`, () => {
      const text = make(name === 'links in paragraphs' ? 1_000_000 : 40_000);
      const spans = plainSpans(text);
      expect(spans.length).toBeGreaterThan(0);
      expect(spans[0]!.reason).toBe(reason);
      const t0 = performance.now();
      const found = linter.lint(text, { now: NOW });
      // generous: the old code took from 2 s (the table) to minutes (dashes, long runs) on these
      expect(performance.now() - t0).toBeLessThan(15_000);
      const warning = found.find((d) => d.messageId === 'markdownFallback');
      expect(warning).toMatchObject({ ruleId: 'internal-error', severity: 1 });
      expect(warning!.message).toMatch(/^有 \d+ 段文字的 Markdown 标记异常（.+），为免解析过慢已按纯文本检查/);
      expect(found.filter((d) => d.ruleId === 'internal-error' && d.severity === 2)).toEqual([]);
    });
  }

  it('keeps the rest of the document Markdown, and every view character at its source character', () => {
    const good = '您好！经核查，该市民**无理取闹**。\n\n- 已责令整改；\n- 已复查。\n';
    const text = `---\ntype: complaint\n---\n${good}\n${'*a'.repeat(500)}\n\n${good}`;
    const parsed = parseMarkdown(text);
    expect(parsed.frontMatter?.value).toBe('type: complaint');
    expect(parsed.plain).toHaveLength(1);
    const bad = text.indexOf('*a');
    expect(parsed.plain[0]).toMatchObject({ start: bad, reason: 'emphasis' });
    const view = buildView(parsed.root, text);
    // the good sections lose their markup, the bad one keeps it as text
    expect(view.text.split('\n')).toEqual(['您好！经核查，该市民无理取闹。', '已责令整改；', '已复查。', '*a'.repeat(500), '您好！经核查，该市民无理取闹。', '已责令整改；', '已复查。']);
    view.offsets.forEach((o, k) => {
      if (view.text[k] !== '\n') expect(text[o]).toBe(view.text[k]);
    });
    const harsh = linter.lint(text, { now: NOW }).filter((d) => d.ruleId === 'no-harsh-language');
    expect(harsh.map((d) => text.slice(...d.range))).toEqual(['无理取闹', '无理取闹']);
  });

  it('reads a hundred thousand paragraphs over the budget as plain text without overflowing the stack', () => {
    const text = '**您好**\n\n'.repeat(150_000);
    const found = linter.lint(text, { now: NOW });
    expect(found.find((d) => d.messageId === 'markdownFallback')!.message).toContain('标记符号总量过多');
    expect(found.filter((d) => d.severity === 2 && d.ruleId === 'internal-error')).toEqual([]);
  });

  it('leaves every fixture and document of the repository as it was', () => {
    const dirs = [join(fixturesDir(), 'replies'), join(fixturesDir(), '..', 'docs')];
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        expect(plainSpans(text), f).toEqual([]);
        n++;
      }
    }
    expect(n).toBeGreaterThan(20);
  });

  it('allows what replies use: a few levels of lists, bold phrases, fill-in blanks, citations, small tables', () => {
    const list = ['1. 一级', '   - 二级', '     - 三级', '       - 四级', '         - 五级'].join('\n');
    const prose = '依据宿政办发[2021]32号文件，**经核查**，您反映的问题属实（见附件）。签名：________________ 日期：________________\n'.repeat(200);
    const table = `| 事项 | 结果 |\n| --- | --- |\n${'| 路灯 | **已修复** |\n'.repeat(100)}`;
    for (const text of [list, prose, table, `> 引用\n>\n> > 二级引用\n`]) expect(plainSpans(text)).toEqual([]);
  });
});

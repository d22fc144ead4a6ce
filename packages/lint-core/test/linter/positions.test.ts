// Positions that are always right (the hostile-input issue, rows 8 and 13): after character
// references, backslash escapes, a byte order mark given to the API, lone-CR line endings and
// continuation lines; ranges never split a surrogate pair; a fix whose range does not hold exactly
// the text the rule saw is offered as a suggestion, never dropped; zero-width characters do not
// hide a phrase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinter, lineStarts, toLineColumn } from '@replylint/core';

const NOW = new Date('2025-06-30T10:00:00+08:00');
const linter = createLinter();
const find = (text: string, ruleId: string) => linter.lint(text, { now: NOW }).filter((d) => d.ruleId === ruleId);
const slices = (text: string, ruleId: string) => find(text, ruleId).map((d) => text.slice(...d.range));
const CITE = '依据宿政办秘[2021]32号文件办理。';

describe('positions', () => {
  it('are exact after character references and escapes', () => {
    for (const before of ['您好&nbsp;&amp;', '&#x4e2d;&#20013;&lt;&gt;', '&#x20BB7;𠮷', '您好\\*\\_\\[', '**强调**&copy;']) {
      const text = `${before}该市民无理取闹。${CITE}`;
      expect(slices(text, 'no-harsh-language'), before).toEqual(['无理取闹']);
      const docnum = find(text, 'citation-format').find((d) => d.messageId === 'docnum')!;
      expect(text.slice(...docnum.range), before).toBe('[2021]32号');
      expect(linter.fix(text, { now: NOW }).output, before).toBe(`${before}该市民无理取闹。依据宿政办秘〔2021〕32号文件办理。`);
    }
  });

  it('are exact on continuation lines of list items and block quotes', () => {
    const text = `- 第一项\n  该市民无理取闹，${CITE}\n\n> 引用\n> 该市民无理取闹\n`;
    expect(slices(text, 'no-harsh-language')).toEqual(['无理取闹', '无理取闹']);
    expect(find(text, 'citation-format').find((d) => d.messageId === 'docnum')!.fix).toEqual({ range: [22, 31], text: '〔2021〕32号' });
  });

  it('count a byte order mark given to the API, and still read the front matter after it', () => {
    const text = `\uFEFF---\ntype: complaint\n---\n该市民无理取闹。${CITE}`;
    const r = linter.lintDocument(text, { now: NOW });
    expect(r.meta.type).toBe('complaint');
    expect(r.diagnostics.filter((d) => d.ruleId === 'no-harsh-language').map((d) => text.slice(...d.range))).toEqual(['无理取闹']);
    expect(linter.fix(text, { now: NOW }).output).toBe(`\uFEFF---\ntype: complaint\n---\n该市民无理取闹。依据宿政办秘〔2021〕32号文件办理。`);
  });

  it('put a finding after lone-CR line endings on its own line', () => {
    const text = '您好！\r经核查，\r该市民无理取闹。\r';
    const [d] = find(text, 'no-harsh-language');
    expect(text.slice(...d!.range)).toBe('无理取闹');
    expect(toLineColumn(lineStarts(text), d!.range[0])).toEqual({ line: 3, column: 4 });
    expect(lineStarts('a\r\nb\rc\nd')).toEqual([0, 3, 5, 7]);
  });

  it('offer a fix over an escape or markup as a suggestion to review, never drop it', () => {
    const text = '该市民已于今日办结。依据宿政办秘\\[2021\\]32号文件办理。';
    const docnum = find(text, 'citation-format').find((d) => d.messageId === 'docnum')!;
    expect(docnum.fix).toBeUndefined();
    expect(docnum.suggestions![0]).toMatchObject({ messageId: 'reviewFix', fix: { range: docnum.range, text: '〔2021〕32号' } });
    expect(docnum.suggestions![0]!.desc).toMatch(/请核对后应用/);
    expect(text.slice(...docnum.range)).toBe('\\[2021\\]32号');
  });
});

describe('zero-width characters', () => {
  it('do not hide a phrase, and the range covers them in the source', () => {
    for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\uFEFF']) {
      const text = `根${zw}据相关规定，该市民无${zw}理取闹。`;
      expect(slices(text, 'no-harsh-language'), JSON.stringify(zw)).toEqual([`无${zw}理取闹`]);
      expect(slices(text, 'policy-citation-needed'), JSON.stringify(zw)).toEqual([`根${zw}据相关规定`]);
    }
  });

  it('are left out of what a fix sees but stay in the text around it', () => {
    const text = '依据宿政办秘[20\u200b21]32号文件办理。';
    const docnum = find(text, 'citation-format').find((d) => d.messageId === 'docnum')!;
    expect(docnum.fix).toEqual({ range: [6, 16], text: '〔2021〕32号' });
  });
});

describe('ranges (property)', () => {
  const piece = fc.constantFrom('𠮷', '😀', '&amp;', '&#x20BB7;', '\\*', '\u200b', '\uFEFF', '\r', '\n', '\n\n', '**', '> ', '- ', '无理取闹', '该市民', '根据相关规定', CITE, '宿政办秘[2021]32号', '。', 'a');
  const docs = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));
  const inPair = (t: string, i: number) => i > 0 && i < t.length && /[\uD800-\uDBFF]/.test(t[i - 1]!) && /[\uDC00-\uDFFF]/.test(t[i]!);

  it('never split a surrogate pair, and a fix replaces exactly the text its finding names', () => {
    fc.assert(
      fc.property(docs, (text) => {
        for (const d of linter.lint(text, { now: NOW })) {
          for (const r of [d.range, d.fix?.range, ...(d.suggestions ?? []).map((s) => s.fix.range)]) {
            if (!r) continue;
            expect(inPair(text, r[0]) || inPair(text, r[1]), `${d.ruleId} ${JSON.stringify(r)} in ${JSON.stringify(text)}`).toBe(false);
          }
          if (d.ruleId === 'no-harsh-language') expect(text.slice(...d.range).replace(/[\u200b\uFEFF]/g, '')).toBe('无理取闹');
        }
      }),
      { numRuns: 300 },
    );
  });
});

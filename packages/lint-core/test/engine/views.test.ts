import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { buildView } from '../../src/parse/views.js';
import { splitSentences } from '../../src/parse/sentences.js';

function view(text: string) {
  return buildView(parseMarkdown(text).root, text);
}

describe('text views', () => {
  it('maps prose back to exact source offsets through emphasis, links and CRLF', () => {
    const text = '---\r\nid: 1\r\n---\r\n# 标题\r\n\r\n您好，**注意：**已处理。见[链接](http://x)说明。\r\n';
    const v = view(text);
    for (let i = 0; i < v.text.length; i++) {
      if (v.text[i] === '\n') continue;
      expect(text[v.offsets[i]!]).toBe(v.text[i]);
    }
    expect(v.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    const i = v.text.indexOf('注意');
    expect(text.slice(...v.toSource(i, i + 2))).toBe('注意');
  });

  it('parses CJK emphasis the way Chinese writers expect (**注意：**正文 is bold)', () => {
    const root = parseMarkdown('**注意：**正文').root;
    const para = root.children[0] as { children: { type: string }[] };
    expect(para.children[0]!.type).toBe('strong');
  });

  it('keeps astral characters intact and offsets aligned', () => {
    const text = '𠮷野家门店无理取闹';
    const v = view(text);
    expect(v.text).toBe(text);
    const i = v.text.indexOf('无理');
    expect(v.toSource(i, i + 4)).toEqual([i, i + 4]);
  });

  it('skips code, HTML comments and front matter; includes table cells and list items', () => {
    const text = '---\ntype: complaint\n---\n<!-- 注释 -->\n\n```\n代码\n```\n\n| 节点 | 时间 |\n|---|---|\n| 受理 | 9月1日 |\n\n- 列表项\n';
    const v = view(text);
    expect(v.text).not.toContain('代码');
    expect(v.text).not.toContain('注释');
    expect(v.text).not.toContain('complaint');
    expect(v.text).toContain('9月1日');
    expect(v.blocks.find((b) => v.text.slice(b.start, b.end) === '列表项')?.inList).toBe(true);
  });
});

describe('sentences', () => {
  it('splits on Chinese terminators and keeps closing quotes', () => {
    const t = '他说：“已处理。”我们核实了！是否满意？满意；谢谢';
    expect(splitSentences(t).map(([s, e]) => t.slice(s, e))).toEqual(['他说：“已处理。”', '我们核实了！', '是否满意？', '满意；', '谢谢']);
  });
  it('splits on line breaks and ellipses, trims whitespace', () => {
    const t = '  第一行\n第二行……第三行  ';
    expect(splitSentences(t).map(([s, e]) => t.slice(s, e))).toEqual(['第一行', '第二行……', '第三行']);
  });
});

describe('view offsets (property)', () => {
  // markdown-ish documents: Chinese prose, emphasis, links, breaks, lists, headings, and (in the
  // second family) entities, escapes and spaces before a line end, where the prose differs from
  // the source (a character reference or an escape maps as a whole to the character it stands for)
  const exactPiece = fc.constantFrom('您好', '经核实，', '**注意：**', '*强调*', '[链接](http://x)', '。', '\n', '\n\n', '- 列表项\n', '# 标题\n', '𠮷野家', '  \n甲', 'abc');
  const anyPiece = fc.oneof(exactPiece, fc.constantFrom('&amp;', '&lt;甲&gt;', '\\*', '\\[', '&#x4e2d;', 'abc ', ' \n'));
  const doc = (piece: fc.Arbitrary<string>) => fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

  it('maps prose characters to the same characters in the source', () => {
    fc.assert(
      fc.property(doc(exactPiece), (text) => {
        const v = view(text);
        for (let i = 0; i < v.text.length; i++) if (v.text[i] !== '\n') expect(text[v.offsets[i]!]).toBe(v.text[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives nondecreasing offsets inside the source, and toSource agrees with them', () => {
    fc.assert(
      fc.property(doc(anyPiece), fc.nat(), fc.nat(), (text, a, b) => {
        const v = view(text);
        const n = v.text.length;
        expect(v.offsets.length).toBe(n);
        const ends: number[] = [];
        for (let i = 0; i < n; i++) {
          expect(v.offsets[i]!).toBeGreaterThanOrEqual(i ? v.offsets[i - 1]! : 0);
          expect(v.offsets[i]!).toBeLessThan(text.length);
          const [lo, hi] = v.toSource(i, i + 1);
          expect(lo).toBe(v.offsets[i]!);
          expect(hi).toBeGreaterThan(lo);
          expect(hi).toBeLessThanOrEqual(text.length);
          ends.push(hi);
        }
        if (n) {
          const s = a % n;
          const e = s + (b % (n - s)) + 1;
          expect(v.toSource(s, e)).toEqual([v.offsets[s]!, ends[e - 1]!]);
          expect(v.toSource(n, n)).toEqual([ends[n - 1]!, ends[n - 1]!]);
        } else {
          expect(v.toSource(0, 0)).toEqual([0, 0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps every prose character to itself, or to the whole character reference or escape that stands for it', () => {
    const decode: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#x4e2d;': '中', '\\*': '*', '\\[': '[' };
    fc.assert(
      fc.property(doc(anyPiece), (text) => {
        const v = view(text);
        for (let i = 0; i < v.text.length; i++) {
          if (v.text[i] === '\n') continue;
          const src = text.slice(...v.toSource(i, i + 1));
          expect(src === v.text[i] || decode[src] === v.text[i], `${JSON.stringify(src)} for ${JSON.stringify(v.text[i])}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

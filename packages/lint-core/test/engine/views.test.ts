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

// The plain-prose fast path must build exactly the view remark would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parsePlain } from '../../src/parse/plain.js';
import { buildView } from '../../src/parse/views.js';

function views(text: string) {
  const fast = parseMarkdown(text);
  const slow = parseMarkdown(text, { plainFastPath: false });
  const strip = (p: typeof fast) => {
    const v = buildView(p.root, text);
    return { text: v.text, offsets: [...v.offsets], blocks: v.blocks, fm: p.frontMatter, comments: p.comments };
  };
  return { fast: strip(fast), slow: strip(slow) };
}

const pieces = fc.constantFrom(
  '您好', '，', '。', '王磊', '9月23日', '0527-84361234', '2024.9.23', '1.噪音', '1、', '（一）', '　　', '“', '”', '𠮷', ':', '：',
  ' ', '  ', '\t', '\n', '\n\n', '\uFEFF', '\r\n', '\r\n\r\n', '---', '---\n', '- ', '1. ', '#', '*', '_', '`', '[', ']', '<', '&', '\\', '|', '~', '=', '>', 'www.example.com', 'a@b.cn', 'http://x.cn', '[2021]', '宿政办[2021]032号', '](x)', ']: x', '[^1]', '!', '(', ')', ':', '^', '\n[a]: http://x\n',
);
const docs = fc.tuple(fc.boolean(), fc.array(pieces, { maxLength: 30 })).map(([fm, xs]) => (fm ? '---\nid: 1\ntype: complaint\n---\n' : '') + xs.join(''));

// A text that opens a `---` front matter fence and never closes it: remark-frontmatter (5.0.0,
// unpatched) then reads a block quote after the fence as a paragraph (`---\n\n> a` → thematic
// break + paragraph "> a"; remark without the extension gives a block quote), while the fast path,
// which parses block by block, gives the block quote. Such a text gets the `unclosed` front matter
// warning either way; the property holds for every other text.
const unclosedFence = (text: string) => /^---\r?\n/.test(text) && !/\n---[ \t]*(?:\r?\n|$)/.test(text);

describe('plain fast path', () => {
  it('is taken for typical plain replies', () => {
    expect(parsePlain('---\nid: 1\n---\n您好！\n\n　　经核实，已于9月23日处理。\r\n谢谢。\n')).toBeDefined();
    expect(parsePlain('您好，**注意**')).toBeUndefined();
    expect(parsePlain('1. 第一点')).toBeUndefined();
    expect(parsePlain('依据宿政办[2021]032号文件')).toBeDefined();
    expect(parsePlain('见[文件](http://x.cn)')).toBeUndefined();
  });
  it('differs from remark only where remark-frontmatter misreads an unclosed fence', () => {
    const { fast, slow } = views('---\n\n\n> a');
    expect(fast.text).toBe('a');
    expect(fast.blocks[0]!.inQuote).toBe(true);
    // if this starts failing, remark-frontmatter was fixed: drop the fc.pre below
    expect(slow.text).toBe('> a');
    expect(views('---\n\n\n> a\n---\n').fast).toEqual(views('---\n\n\n> a\n---\n').slow);
  });
  it('does not cut before a bare list marker (micromark: a paragraph after indented code, an empty list alone)', () => {
    for (const text of ['\t您好\n\n1. ', '    您好\n\n- ', '\t您好\n\n2)\n\n谢谢']) {
      const { fast, slow } = views(text);
      expect(fast).toEqual(slow);
    }
  });
  it('builds the same view as remark for arbitrary input', { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(docs, (text) => {
        fc.pre(!unclosedFence(text));
        const { fast, slow } = views(text);
        expect(fast).toEqual(slow);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
  });
});

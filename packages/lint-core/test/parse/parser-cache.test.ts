// micromark and mdast-util-from-markdown are patched (patches/): the combined syntax extensions and
// the mdast compiler are kept per list of extensions instead of being rebuilt for every document
// (they cost more than parsing a short one). A kept parser must give exactly what a fresh one gives,
// whatever was parsed before it, and a changed list of extensions must not be served from the cache.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import type { Root } from 'mdast';

type Processor = { parse(text: string): Root; data(key: string): unknown };
const build = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).freeze() as unknown as Processor;

// a new processor has new lists of extensions: nothing of it is found in the caches
const fresh = (text: string) => build().parse(text);

const SNIPPETS = [
  '---\ntitle: 答复\n---\n',
  '**一、夜间施工噪音。** 9月23日到现场核查。\n',
  '[依据][1]\n\n[1]: https://example.org/a\n',
  '见[^注]。\n\n[^注]: 《噪声污染防治法》第四十三条\n',
  '| 事项 | 结果 |\n| --- | --- |\n| 噪音 | 已整改 |\n',
  '1. 噪音\n2. 渣土车\n   - 已冲洗\n',
  '> 引用的诉求\n继续一行\n',
  '```\n未闭合的代码块\n',
  '<div>\n*不是强调*\n',
  '~~删除线~~ 与 *强调*和**加粗**。\n',
  '- [ ] 待办\n- [x] 已办\n',
  '承办人：周文涛\n',
  '[未定义的引用][nope]\n',
  '&nbsp;&amp;\\*转义\n',
  'https://example.org 与 <a@b.cn>\n',
  '',
];

describe('kept markdown parser (patched micromark / mdast-util-from-markdown)', () => {
  it('gives what a fresh parser gives, on any sequence of documents', () => {
    const kept = build();
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (docs) => {
        for (const parts of docs) {
          const text = parts.join('\n');
          expect(kept.parse(text)).toEqual(fresh(text));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not carry one document\'s definitions or compile state into the next', () => {
    const kept = build();
    kept.parse('[依据][1]\n\n[1]: https://example.org/a\n\n见[^注]。\n\n[^注]: 注释\n');
    const after = kept.parse('[依据][1] 见[^注]。\n');
    expect(after).toEqual(fresh('[依据][1] 见[^注]。\n'));
    expect(JSON.stringify(after)).not.toContain('linkReference');
    expect(JSON.stringify(after)).not.toContain('footnoteReference');
  });

  it('keeps processors with different extensions apart, also one derived from another', () => {
    const base = unified().use(remarkParse) as unknown as Processor & (() => { use(plugin: unknown): Processor });
    expect(JSON.stringify(base.parse('~~删除~~'))).not.toContain('"delete"');
    const derived = base().use(remarkGfm);
    expect(JSON.stringify(derived.parse('~~删除~~'))).toContain('"delete"');
    expect(JSON.stringify(base.parse('~~删除~~'))).not.toContain('"delete"');
  });
});

describe('pieces kept across calls (parse/markdown.ts)', () => {
  it('gives the same tree for a document parsed again, and the caller may shift it in place', async () => {
    const { parseMarkdown } = await import('../../src/parse/markdown.js');
    const doc = '您好：\n\n**一、夜间施工噪音。** 9月23日到现场核查。\n\n1. 噪音\n2. 渣土车\n\n| 事项 | 结果 |\n| --- | --- |\n| 噪音 | 已整改 |\n';
    const first = parseMarkdown(doc).root;
    const snapshot = structuredClone(first);
    const again = parseMarkdown(doc).root; // its marked-up pieces come from the cache
    expect(again).toEqual(snapshot);
    // moving the pieces (an edit above them) shifts the kept trees' copies, never the kept trees
    const moved = parseMarkdown(`前言一句。\n\n${doc}`).root;
    const fresh = parseMarkdown(`前言一句。\n\n${doc}`, { plainFastPath: false }).root;
    // (the plain fast path gives offsets only, remark also lines and columns: offsets are compared)
    const offsets = (r: typeof moved) => JSON.stringify(r, (k, v) => (k === 'line' || k === 'column' ? undefined : v));
    expect(offsets(moved)).toBe(offsets(fresh));
    expect(parseMarkdown(doc).root).toEqual(snapshot);
  });
});

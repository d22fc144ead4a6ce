// Very large documents are parsed in pieces (parse/chunks.ts). For documents made of real
// replies the pieces must give exactly the view a whole parse gives; for pathological shapes
// (one giant paragraph or line) the text and offsets must still be exact.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '@replylint/core/testing';
import { blockBoundaries, pieceBoundaries } from '../../src/parse/chunks.js';
import { parseMarkdown, type ParseOptions } from '../../src/parse/markdown.js';
import { buildView } from '../../src/parse/views.js';

const SMALL = { wholeMaxChars: 2_000, pieceChars: 500 } satisfies ParseOptions;

function view(text: string, options: ParseOptions) {
  const p = parseMarkdown(text, options);
  const v = buildView(p.root, text);
  return { text: v.text, offsets: [...v.offsets], blocks: v.blocks.map(({ kind, inList, inQuote }) => ({ kind, inList, inQuote })), fm: p.frontMatter, comments: p.comments };
}

const dir = join(fixturesDir(), 'replies');
const bodies = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));

describe('parsing large documents in pieces', () => {
  it('cuts a document of whole replies only between blocks, with the same view as one parse', () => {
    const text = `---\ntype: complaint\n---\n${bodies.join('\n\n<!-- 分隔 -->\n\n')}\n\n\`\`\`\n代码\n\n块\n\`\`\`\n\n尾。\n`;
    expect(text.length).toBeGreaterThan(SMALL.wholeMaxChars * 4);
    const cuts = pieceBoundaries(text, 0, SMALL.pieceChars);
    expect(cuts.length).toBeGreaterThan(5);
    for (const c of cuts) expect(text.slice(c - 2, c)).toMatch(/\n[ \t]*\n$|\n\n/);
    expect(view(text, SMALL)).toEqual(view(text, { wholeMaxChars: Infinity }));
  });

  it('never cuts inside fenced code or an HTML comment', () => {
    const code = '```\n' + '代码行。\n\n'.repeat(200) + '```\n';
    const comment = '<!--\n' + '备注。\n\n'.repeat(200) + '-->\n';
    const text = `开头。\n\n${code}\n中间。\n\n${comment}\n结尾。\n`;
    const cuts = pieceBoundaries(text, 0, 100);
    const inCode = [text.indexOf('```'), text.lastIndexOf('```')];
    const inComment = [text.indexOf('<!--'), text.indexOf('-->')];
    for (const c of cuts) {
      expect(c > inCode[0]! && c <= inCode[1]!).toBe(false);
      expect(c > inComment[0]! && c <= inComment[1]!).toBe(false);
    }
    expect(view(text, { wholeMaxChars: 100, pieceChars: 100 })).toEqual(view(text, { wholeMaxChars: Infinity }));
  });

  it('keeps text and offsets exact for one huge paragraph and one huge line', () => {
    const s = '9月23日上午10时，承办人王磊电话联系了您，告知**检查结果**，您表示满意。';
    for (const text of [`${s}\n`.repeat(300), s.repeat(300)]) {
      const v = view(text, SMALL);
      expect(pieceBoundaries(text, 0, SMALL.pieceChars).length).toBeGreaterThan(5);
      expect(v.text.replace(/\n/g, '')).toBe(text.replace(/\*\*|\n/g, ''));
      v.offsets.forEach((o, k) => {
        if (v.text[k] !== '\n') expect(text[o]).toBe(v.text[k]);
      });
    }
  });

  it('keeps front matter in the first piece and never starts a piece with ---', () => {
    const text = `---\nid: 1\n---\n${'段落。\n\n---\n\n'.repeat(400)}`;
    const p = parseMarkdown(text, SMALL);
    expect(p.frontMatter?.value).toBe('id: 1');
    for (const c of pieceBoundaries(text, 0, SMALL.pieceChars)) expect(text.startsWith('---', c)).toBe(false);
    expect(view(text, SMALL)).toEqual(view(text, { wholeMaxChars: Infinity }));
  });
});

describe('parsing an ordinary document block by block', () => {
  it('cuts before each unindented line after a blank line, outside fenced code', () => {
    const text = '您好！\n\n**一、噪音。** 已处理。\n\n```\n代码\n\n块\n```\n\n    缩进\n\n---\n\n尾。\n';
    const cuts = blockBoundaries(text);
    expect(cuts.map((c) => text.slice(c, c + 4))).toEqual(['**一、', '```\n', '尾。\n']); // not before `---` (a thematic break or front matter)
    // the blank line inside the fence, the indented line and nothing before the first block
    expect(cuts).not.toContain(text.indexOf('块'));
    expect(cuts).not.toContain(text.indexOf('    缩进'));
  });

  it('does not cut before a line that starts with U+FEFF (micromark would drop it and shift the piece)', () => {
    const text = '**甲**\n\n\uFEFF无理取闹。\n';
    expect(blockBoundaries(text)).toEqual([]);
    expect(view(text, {})).toEqual(view(text, { plainFastPath: false }));
  });

  it('does not cut documents whose markup reaches across blank lines', () => {
    for (const text of ['见[文件][1]。\n\n[1]: http://x.cn\n', '注[^1]。\n\n[^1]: 说明\n', '<pre>\n\n代码\n</pre>\n\n尾。\n', '甲。\r\n\r\n乙。\r\n']) {
      expect(blockBoundaries(text)).toEqual([]);
    }
  });

  it('gives the view of a whole parse for every fixture, with bold headings parsed by micromark block by block', () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : []));
    let cut = 0;
    for (const f of walk(fixturesDir())) {
      const text = readFileSync(f, 'utf8');
      if (blockBoundaries(text).length && !parseMarkdown(text).root.children.every((c) => c.type !== 'paragraph' || c.children.length === 1)) cut++;
      expect(view(text, {}), f).toEqual(view(text, { plainFastPath: false }));
    }
    expect(cut).toBeGreaterThan(5);
  });
});

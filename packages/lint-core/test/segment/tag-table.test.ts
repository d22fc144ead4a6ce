import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTagTable, tagByCharacters } from '../../src/segment/tag-table.js';
import { getSegmenter, loadSegmentDict } from '../../src/segment/index.js';
import { toNodeRsDict, userTags } from '../../src/segment/dict.js';

const requireFromCore = createRequire(new URL('../../package.json', import.meta.url));
const REPLIES = fileURLToPath(new URL('../../../../fixtures/replies/', import.meta.url));

describe('tag table', () => {
  it('finds each word of the dictionary text with its tag, and nothing else', () => {
    const t = buildTagTable('物业 500 n\n约谈 30 vn\n4S店 3 n\n物业 10 nz\nabc\n');
    expect(t.get('物业')).toBe('nz'); // a later line of a word wins
    expect(t.get('约谈')).toBe('vn');
    expect(t.get('4S店')).toBe('n');
    expect(t.size).toBe(3); // the line without a tag is not an entry
    for (const w of ['物', '物业公司', '约', '', 'abc', '4s店']) expect(t.get(w), w).toBeUndefined();
  });

  it('tags unknown words by their characters, as jieba-rs does', () => {
    expect(tagByCharacters('蔚来')).toBe('x');
    expect(tagByCharacters('，')).toBe('x');
    expect(tagByCharacters('2023')).toBe('m');
    expect(tagByCharacters('3.5')).toBe('m');
    expect(tagByCharacters('A市')).toBe('eng');
    expect(tagByCharacters('abc123')).toBe('eng');
    expect(tagByCharacters('１２３')).toBe('x'); // full-width digits are not ASCII
  });

  describe('node-rs tag() = native tag() with the user dictionary\'s tags', () => {
    const lib = requireFromCore('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const data = requireFromCore('@node-rs/jieba/dict') as { dict: Uint8Array };
    const native = lib.Jieba.withDict(data.dict);
    const words = loadSegmentDict();
    native.loadDict(toNodeRsDict(words));
    const tags = userTags(words);
    const expected = (text: string) => native.tag(text, true).map((t) => ({ word: t.word, tag: tags.get(t.word) ?? t.tag }));
    const seg = getSegmenter('node-rs');

    it('on every line of every sample reply', () => {
      const lines = readdirSync(REPLIES)
        .filter((f) => f.endsWith('.md'))
        .flatMap((f) => readFileSync(join(REPLIES, f), 'utf8').split('\n'));
      expect(lines.length).toBeGreaterThan(100);
      for (const line of lines) expect(seg.tag(line), line).toEqual(expected(line));
      // a word looked up alone gets the tag it has in the sentence
      for (const line of lines) expect(seg.cut(line).map((w) => ({ word: w, tag: seg.tagWord!(w) })), line).toEqual(expected(line));
    });

    it('on mixed scripts, digits, symbols and lone surrogates', () => {
      for (const s of ['A市4S店维修abc123，共3.5万元', 'C++ 与 #话题 100% e-mail a_b', '１２３号楼（２）单元', '𠀀𠀁 \ud800孤', '12345热线转办'])
        expect(seg.tag(s), s).toEqual(expected(s));
    });

    it('on random text over Han characters, letters, digits and punctuation', () => {
      const pieces = ['物业', '小区', '噪音', '约谈', '整改', '城管', 'A', 'b', '4S店', '12', '.', '，', '。', ' ', '号楼', '投诉', '𠀀', '的', '了', '是'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
          const s = parts.join('');
          expect(seg.tag(s)).toEqual(expected(s));
        }),
        { numRuns: 300 },
      );
    });
  });
});

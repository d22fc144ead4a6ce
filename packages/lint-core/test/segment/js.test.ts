// The pure-JavaScript backend re-implements jieba-rs's cut: it must give node-rs's words and tags on
// every real reply and request of both corpora, on random strings, and wasm's keywords.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getSegmenter, isSegmenterAvailable, loadSegmentDict, SegmenterUnavailableError } from '../../src/segment/index.js';
import { createJsSegmenter, setJiebaDataFiles } from '../../src/segment/js.js';
import { buildDictTable, wordSlot } from '../../src/segment/jieba/dict-table.js';
import { parseHmmModel } from '../../src/segment/jieba/hmm.js';

const CORPORA = fileURLToPath(new URL('../../../../../shared/corpora/', import.meta.url));
const corpusTexts = (): string[] => {
  const texts: string[] = [];
  for (const f of ['tipdm-2020-replies.jsonl', 'web-replies.jsonl']) {
    const file = CORPORA + f;
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as Record<string, unknown>;
      for (const k of ['reply', 'request', 'title']) if (typeof o[k] === 'string') texts.push(o[k]);
    }
  }
  return texts;
};
const HAVE_CORPORA = existsSync(CORPORA + 'tipdm-2020-replies.jsonl');
// the project's own replies (fixtures of every rule, sample replies), present in every clone
const FIXTURES = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));
const fixtureTexts = (): string[] =>
  readdirSync(FIXTURES, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md') || f.endsWith('.txt'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

describe('js backend', () => {
  const js = () => getSegmenter('js');
  const ref = () => getSegmenter('node-rs');

  it(`cuts and tags every fixture${HAVE_CORPORA ? ' and every real reply, request and title' : ' (../shared/corpora not found: fixtures only)'} exactly like node-rs`, () => {
    const texts = [...fixtureTexts(), ...corpusTexts()];
    expect(texts.length).toBeGreaterThan(HAVE_CORPORA ? 5000 : 200);
    let words = 0;
    const differing: string[] = [];
    for (const t of texts) {
      const a = ref().cut(t);
      const b = js().cut(t);
      words += a.length;
      if (a.length !== b.length || a.some((w, i) => w !== b[i])) differing.push(t.slice(0, 30));
    }
    expect(differing).toEqual([]);
    expect(words).toBeGreaterThan(HAVE_CORPORA ? 1_000_000 : 20_000);
    for (const t of texts.slice(0, 1500)) expect(js().tag(t)).toEqual(ref().tag(t));
  }, 120_000);

  it('cuts random mixtures of words, punctuation, letters, digits and astral characters like node-rs', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        ...['中华人民共和国', '承办人', '诉求', '人', '经辦', '长江大桥', '研究生命', '，', '。', '“', '、', ' ', '\r\n', '\n', '\t', '\u3000'],
        ...['𠮷', '𪚥', '😀', 'abc', 'iPhone', 'C++', 'C#', '3.14', '30%', '12345', '-', '_', '&', '热线', '王晓明', '\ud800', '\udc00', 'ＡＢ１２'],
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(js().cut(text)).toEqual(ref().cut(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('extracts the same keywords as the wasm backend', () => {
    const text = '您反映的东城花园小区3号楼楼下烧烤店夜间噪音扰民及油烟污染问题已收悉。经城管局执法人员现场核查，该烧烤店油烟直排，已责令整改。iPhone 12 用户 ABC123。';
    const a = getSegmenter('wasm').keywords(text, 8);
    const b = js().keywords(text, 8);
    expect(b.map((k) => k.keyword)).toEqual(a.map((k) => k.keyword));
    b.forEach((k, i) => expect(k.weight).toBeCloseTo(a[i]!.weight, 12));
  });

  it('is available from the installed packages', () => {
    expect(isSegmenterAvailable('js')).toBe(true);
  });

  it('reports missing data files as SegmenterUnavailableError in Chinese', () => {
    setJiebaDataFiles({ dict: '/nonexistent/dict.txt', hmm: '/nonexistent/hmm.model', idf: '/nonexistent/idf.txt' });
    try {
      let error: unknown;
      try {
        createJsSegmenter(loadSegmentDict());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SegmenterUnavailableError);
      expect((error as Error).message).toContain('分词后端 js');
      expect((error as Error).message).not.toContain('/nonexistent');
    } finally {
      setJiebaDataFiles(undefined);
    }
  });
});

describe('dictionary table', () => {
  it('keeps a word\'s first tag and its last frequency, as jieba-rs load_dict does', () => {
    const t = buildDictTable('长江 10 ns\n大桥 5 n\n长江 20 nr\n', [{ word: '大桥', freq: 7, tag: 'nz' }, { word: '长江大桥', freq: 3, tag: 'ns' }]);
    const tagOf = (w: string) => t.tagNames[t.tag[wordSlot(t, w)]!];
    expect(tagOf('长江')).toBe('ns');
    expect(tagOf('大桥')).toBe('n');
    expect(t.total).toBe(20 + 7 + 3);
    expect(t.logFreq[wordSlot(t, '长江')]).toBe(Math.log(20));
    expect(wordSlot(t, '长')).toBe(-1); // a prefix, not a word
    expect(wordSlot(t, '长江大')).toBe(-1);
    expect(wordSlot(t, '黄河')).toBe(-1);
  });

  it('rejects a frequency that is not an integer', () => {
    expect(() => buildDictTable('长江 1x ns\n')).toThrow(/frequency/);
  });

  it('rejects a malformed HMM model', () => {
    expect(() => parseHmmModel('# only comments\n')).toThrow(/9 data lines/);
  });
});

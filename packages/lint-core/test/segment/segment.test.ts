import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { getSegmenter, isSegmenterAvailable, loadSegmentDict, SegmenterUnavailableError, type SegmenterName } from '../../src/segment/index.js';
import { DEFAULT_WORD_FREQ, toJiebaDictText } from '../../src/segment/dict.js';
import { toSimplified } from '../../src/parse/t2s.js';
import { ConfigError, ReplylintError } from '../../src/util/errors.js';

const requireFromCore = createRequire(new URL('../../package.json', import.meta.url));
const loadedNodeRs = () => Object.keys(requireFromCore.cache).some((k) => k.includes('@node-rs/jieba'));

const REPLIES = fileURLToPath(new URL('../../../../fixtures/replies/', import.meta.url));
const NODEJIEBA_BUILT = isSegmenterAvailable('nodejieba');
const SKIP_NOTE = ' [skipped: optional nodejieba is not installed / its native binding was not built]';

const COMPLAINT_REPLY =
  '您好，您反映的东城花园小区3号楼楼下烧烤店夜间噪音扰民及油烟污染问题已收悉。' +
  '经城管局执法人员现场核查，该烧烤店存在占道经营、油烟直排问题，已责令其立即整改，安装油烟净化设备，并规定晚上十点后停止室外经营。' +
  '下一步，城管局将会同社区居委会加强巡查，防止烧烤店油烟和噪音问题反弹。';

describe('segmenter registry', () => {
  it('loads the backend only on the first getSegmenter call, then caches it', () => {
    // this file runs in its own worker and nothing above has asked for node-rs yet
    expect(loadedNodeRs()).toBe(false);
    const a = getSegmenter();
    expect(loadedNodeRs()).toBe(true);
    expect(a.name).toBe('node-rs');
    expect(getSegmenter('node-rs')).toBe(a);
    expect(isSegmenterAvailable('node-rs')).toBe(true);
  });

  it('rejects unknown backend names', () => {
    expect(() => getSegmenter('hanlp' as SegmenterName)).toThrow(/未知的分词后端「hanlp」/);
  });

  it('explains an unavailable backend in Chinese', () => {
    const e = new SegmenterUnavailableError('nodejieba', { cause: new Error('binding missing') });
    expect(e).toBeInstanceOf(ReplylintError);
    expect(e.code).toBe('segmenter-unavailable');
    expect(e.message).toContain('nodejieba 是可选后端，需要本机编译器');
    expect(e.message).toContain('`segmenter: nodejieba`');
    expect((e.cause as Error).message).toBe('binding missing');
  });

  it('throws SegmenterUnavailableError when nodejieba cannot be required', async () => {
    vi.resetModules();
    vi.doMock('node:module', async (importOriginal) => {
      const real = await importOriginal<typeof import('node:module')>();
      const missing = (id: string) => Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
      return {
        ...real,
        createRequire(url: string | URL) {
          const r = real.createRequire(url);
          const fake = ((id: string) => {
            if (id.includes('nodejieba')) throw missing(id);
            return r(id);
          }) as NodeRequire;
          fake.resolve = ((id: string, options?: { paths?: string[] }) => {
            if (id.includes('nodejieba')) throw missing(id);
            return r.resolve(id, options);
          }) as NodeRequire['resolve'];
          return fake;
        },
      };
    });
    try {
      const fresh = await import('../../src/segment/index.js');
      expect(fresh.isSegmenterAvailable('nodejieba')).toBe(false);
      let err: unknown;
      try {
        fresh.getSegmenter('nodejieba');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(fresh.SegmenterUnavailableError);
      expect((err as Error).message).toContain('请改用默认的 node-rs 后端');
      expect(((err as Error).cause as Error).message).toContain("Cannot find module 'nodejieba");
    } finally {
      vi.doUnmock('node:module');
      vi.resetModules();
    }
  });
});

describe('segment dictionary', () => {
  const words = loadSegmentDict();

  it('has 40–80 distinct Simplified domain terms with defaults applied', () => {
    expect(words.length).toBeGreaterThanOrEqual(40);
    expect(words.length).toBeLessThanOrEqual(80);
    expect(new Set(words.map((w) => w.word)).size).toBe(words.length);
    for (const term of ['承办人', '经办人', '诉求人', '此为最终答复', '12345热线', '市长信箱', '工单', '不予受理', '一次性告知', '督办件', '住建局', '营商环境局']) {
      expect(words.map((w) => w.word)).toContain(term);
    }
    for (const w of words) {
      expect(w.freq).toBeGreaterThan(0);
      expect(w.tag).toMatch(/^[a-z]+$/);
      // segmentation runs on the Simplified view, so entries must be Simplified themselves
      expect(toSimplified(w.word)).toBe(w.word);
    }
    expect(words.find((w) => w.word === '工单')).toEqual({ word: '工单', freq: DEFAULT_WORD_FREQ, tag: 'n' });
    expect(words.find((w) => w.word === '住建局')?.tag).toBe('nt');
  });

  it('never lowers the frequency of a word in the built-in jieba dictionary', () => {
    const builtin = new Map<string, number>();
    const dictFile = join(requireFromCore.resolve('@node-rs/jieba/package.json'), '..', 'dict.txt');
    for (const line of readFileSync(dictFile, 'utf8').split('\n')) {
      const [w, f] = line.split(' ');
      if (w && f) builtin.set(w, Number(f));
    }
    const lowered = words.filter((w) => (builtin.get(w.word) ?? 0) > w.freq).map((w) => `${w.word} ${w.freq} < ${builtin.get(w.word)}`);
    expect(lowered).toEqual([]);
  });

  it('writes three-column jieba lines (cppjieba reads two columns as word + tag)', () => {
    expect(toJiebaDictText([{ word: '诉求人', freq: 1000, tag: 'n' }, { word: '12345热线', freq: 20, tag: 'nz' }])).toBe('诉求人 1000 n\n12345热线 20 nz\n');
  });

  describe('validation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replylint-segdict-test-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const load = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return () => loadSegmentDict(file);
    };

    it('reports a word with spaces at its line', () => {
      const run = load('space.yaml', 'words:\n  - { word: 承办人 }\n  - { word: 诉求 人 }\n');
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(/space\.yaml:3: words\[1\]\.word: 应为不含空白的词语/);
    });

    it('reports duplicates, bad tags and unknown keys', () => {
      expect(load('dup.yaml', 'words:\n  - { word: 工单 }\n  - { word: 工单 }\n')).toThrow(/dup\.yaml:3: words\[1\]\.word: 词语「工单」重复/);
      expect(load('tag.yaml', 'words:\n  - { word: 工单, tag: Noun }\n')).toThrow(/tag\.yaml:2: words\[0\]\.tag: 应为小写字母的词性标记/);
      expect(load('key.yaml', 'words:\n  - { word: 工单, weight: 3 }\n')).toThrow(/key\.yaml:2: words\[0\]\.weight: 未知的键「weight」/);
      expect(load('freq.yaml', 'words:\n  - { word: 工单, freq: 0 }\n')).toThrow(/freq\.yaml:2: words\[0\]\.freq/);
    });
  });
});

const backends: { name: SegmenterName; skip: boolean; note: string }[] = [
  { name: 'node-rs', skip: false, note: '' },
  { name: 'nodejieba', skip: !NODEJIEBA_BUILT, note: NODEJIEBA_BUILT ? '' : SKIP_NOTE },
  { name: 'wasm', skip: false, note: '' },
  { name: 'js', skip: false, note: '' },
];

for (const { name, skip, note } of backends) {
  describe(`${name} backend`, () => {
    const seg = () => getSegmenter(name);

    it.skipIf(skip)(`loads once and is cached${note}`, () => {
      const s = seg();
      expect(s.name).toBe(name);
      expect(getSegmenter(name)).toBe(s);
    });

    it.skipIf(skip)(`keeps every dictionary term whole${note}`, () => {
      const split = loadSegmentDict()
        .filter((w) => seg().cut(w.word).length !== 1)
        .map((w) => `${w.word} → ${seg().cut(w.word).join('/')}`);
      expect(split).toEqual([]);
    });

    it.skipIf(skip)(`keeps domain terms whole in sentences${note}`, () => {
      // the built-in jieba dictionary alone cuts 诉求/人, 12345/热线, 住/建局, 市场/监管局
      const a = seg().cut('请承办人联系诉求人');
      expect(a).toEqual(['请', '承办人', '联系', '诉求人']);
      const b = seg().cut('您通过12345热线反映的问题，已由住建局会同市场监管局办结，此为最终答复。');
      for (const term of ['12345热线', '住建局', '市场监管局', '办结', '此为最终答复']) expect(b).toContain(term);
      const c = seg().cut('该工单已签收并转办至营商环境局，督办件须在办理时限内回访。');
      for (const term of ['工单', '签收', '转办', '营商环境局', '督办件', '办理时限', '回访']) expect(c).toContain(term);
    });

    it.skipIf(skip)(`tags person names as nr and dictionary terms with their tag${note}`, () => {
      const tags = seg().tag('经办人王晓明已于3月5日电话联系您');
      expect(tags.map((t) => t.word).join('')).toBe('经办人王晓明已于3月5日电话联系您');
      expect(tags).toContainEqual({ word: '王晓明', tag: 'nr' });
      expect(tags).toContainEqual({ word: '经办人', tag: 'n' });
      expect(tags.filter((t) => t.tag === 'nr').map((t) => t.word)).toEqual(['王晓明']);
      expect(seg().tag('已转住建局办理')).toContainEqual({ word: '住建局', tag: 'nt' });
      // words the built-in dictionary already has (物业公司 n, 约谈 vn, 判决书 v) take the dictionary's tag
      const known = seg().tag('依据判决书，市场监管局已约谈物业公司');
      for (const t of [{ word: '判决书', tag: 'n' }, { word: '约谈', tag: 'v' }, { word: '物业公司', tag: 'nt' }, { word: '市场监管局', tag: 'nt' }]) {
        expect(known).toContainEqual(t);
      }
    });

    it.skipIf(skip)(`extracts the subject words of a complaint as keywords${note}`, () => {
      const kw = seg().keywords(COMPLAINT_REPLY, 5);
      expect(kw).toHaveLength(5);
      const top = kw.map((k) => k.keyword);
      expect(top.slice(0, 2).sort()).toEqual(['油烟', '烧烤店']);
      expect(top).toContain('城管局');
      for (let i = 1; i < kw.length; i++) expect(kw[i]!.weight).toBeLessThanOrEqual(kw[i - 1]!.weight);
      expect(kw.every((k) => k.weight > 0)).toBe(true);
      expect(seg().keywords(COMPLAINT_REPLY, 0)).toEqual([]);
      expect(seg().keywords('', 5)).toEqual([]);
    });

    it.skipIf(skip)(`returns words that concatenate back to the input${note}`, () => {
      expect(seg().cut('')).toEqual([]);
      const unit = fc.oneof(
        fc.constantFrom(...['承办人', '诉求', '人', '经辦', '，', '。', '、', ' ', '\r\n', '\t', '𠮷', '😀', 'abc', '12345', '-', '热线', '王晓明']),
        fc.string({ unit: 'binary', maxLength: 3 }),
      );
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
          const text = parts.join('');
          expect(seg().cut(text).join('')).toBe(text);
          expect(seg().tag(text).map((t) => t.word).join('')).toBe(text);
        }),
        { numRuns: 300 },
      );
      // a lone surrogate cannot cross into the native side: it comes back as one U+FFFD
      expect(seg().cut('诉求\ud800人').join('')).toBe('诉求\ufffd人');
    });
  });
}

describe('wasm backend', () => {
  const replies = readdirSync(REPLIES).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(REPLIES, f), 'utf8'));

  it('segments, tags and extracts keywords exactly like node-rs on every sample reply', () => {
    expect(replies.length).toBeGreaterThan(10);
    const a = getSegmenter('node-rs');
    const b = getSegmenter('wasm');
    for (const text of replies) {
      for (const line of text.split('\n')) {
        expect(b.cut(line), line).toEqual(a.cut(line));
        expect(b.tag(line), line).toEqual(a.tag(line));
      }
      const ka = a.keywords(text, 10);
      const kb = b.keywords(text, 10);
      expect(kb.map((k) => k.keyword)).toEqual(ka.map((k) => k.keyword));
      kb.forEach((k, i) => expect(k.weight).toBeCloseTo(ka[i]!.weight, 9));
    }
  });

  it('is available without a native binary', () => {
    expect(isSegmenterAvailable('wasm')).toBe(true);
    expect(new SegmenterUnavailableError('wasm').message).toContain('`segmenter: js`');
  });
});

describe('both backends', () => {
  it.skipIf(!NODEJIEBA_BUILT)(`cut domain sentences the same way${NODEJIEBA_BUILT ? '' : SKIP_NOTE}`, () => {
    const sentences = [
      '请承办人联系诉求人',
      '经办人王晓明已于3月5日电话联系您',
      '您反映的问题已办结，我们将于近期回访。',
      '市场监管局已约谈物业公司，责令其限期整改。',
      COMPLAINT_REPLY,
    ];
    for (const s of sentences) expect(getSegmenter('nodejieba').cut(s), s).toEqual(getSegmenter('node-rs').cut(s));
    // tags agree except for numbers (node-rs m, nodejieba x for a bare "5")
    for (const s of sentences.filter((x) => !/\d/.test(x))) expect(getSegmenter('nodejieba').tag(s), s).toEqual(getSegmenter('node-rs').tag(s));
  });

  it.skipIf(!NODEJIEBA_BUILT)(`differ where cppjieba's HMM merges dictionary words${NODEJIEBA_BUILT ? '' : SKIP_NOTE}`, () => {
    // jieba-rs (like Python jieba) keeps 如/有 apart because 如有 is a dictionary word; cppjieba
    // sends every run of single characters to the HMM, which joins them
    expect(getSegmenter('node-rs').cut('如有其他问题')).toEqual(['如', '有', '其他', '问题']);
    expect(getSegmenter('nodejieba').cut('如有其他问题')).toEqual(['如有', '其他', '问题']);
  });
});

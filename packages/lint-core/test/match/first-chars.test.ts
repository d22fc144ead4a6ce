import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstChars, prefilterOf } from '../../src/match/first-chars.js';
import { matchSpans } from '../../src/match/scan.js';
import { loadBuiltinRules, loadList } from '../../src/pack/load.js';
import { expandMacros } from '../../src/match/source.js';

const chars = (source: string, flags = '') => {
  const set = firstChars(source, flags);
  return set ? [...set].map((c) => String.fromCharCode(c)).sort().join('') : undefined;
};
const spans = (re: RegExp, text: string) => {
  const flat = matchSpans(re, text, prefilterOf(re));
  const out: [number, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, text.slice(flat[i], flat[i + 1])]);
  return out;
};
const reference = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('firstChars', () => {
  it('knows the first characters of literals, classes, groups, alternatives and optional atoms', () => {
    expect(chars('高度重视|积极协调')).toBe('积高');
    expect(chars('(?:联系|致电)(?:了)?您')).toBe('联致');
    expect(chars('a?b*c')).toBe('abc');
    expect(chars('a{0,2}b')).toBe('ab');
    expect(chars('a{2}b')).toBe('a');
    expect(chars('(?<y>x)|[-/.]')).toBe('-./x');
    expect(chars('\\d+年')).toBe('0123456789');
    expect(chars('[\\]a-c]')).toBe(']abc');
    expect(chars('\\u4e00x')).toBe('一');
    expect(chars('{x')).toBe('{'); // a literal brace
  });

  it('skips assertions, which consume nothing', () => {
    expect(chars('(?=a)a')).toBe('a');
    expect(chars('(?<!请|可[^，]{0,3})联系(?!电话)')).toBe('联');
    expect(chars('^a|b$')).toBe('ab');
    expect(chars('\\bx')).toBe('x');
    expect(chars('(a)\\1')).toBe('a');
    expect(chars('^a', 'm')).toBe('a');
  });

  it('reads the rest of a sequence only for its end: later atoms may be anything', () => {
    expect(chars('关于[^。！？\\n]{2,40}的')).toBe('关');
    expect(chars('经.+?[\\u4e00-\\u9fa5]{1,14}\\S')).toBe('经');
  });

  it('gives up where the first character can be anything, or the set would be large', () => {
    for (const source of ['a*', 'x|', '.x', '[^a]', '[]a', '\\Sx', '\\1a', '\\p{L}', '[\\u4e00-\\u9fa5]', '(?:a|.)b', 'a{0}']) {
      expect(chars(source), source).toBeUndefined();
    }
    expect(chars('abc', 'i')).toBeUndefined();
    expect(chars('abc', 'u')).toBeUndefined();
    expect(chars('[a-z]\\d', '')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(chars('\\w')).toHaveLength(63);
  });
});

describe('matchSpans with the prefilter', () => {
  const text = '我局高度重视，积极协调相关部门。9月24日上午，承办人电话联系了您，告知了处理结果；您表示满意。高度重视！';
  // 26 more possible first characters (full-width letters, absent from the texts): enough for the
  // prefilter to be used (small sets are left to V8), without changing what matches
  const wide = (source: string) => `${source}|[Ａ-Ｚ]`;

  it('find exactly what a plain scan finds', () => {
    for (const source of ['高度重视|积极协调', '(联系|致电)(了)?(您|市民)', '[，。；！]', '\\d+月\\d+日', '不存在的说法', '(?<!请)联系(?!电话)']) {
      const re = new RegExp(wide(source), 'g');
      expect(prefilterOf(re), source).toBeDefined();
      expect(prefilterOf(new RegExp(source, 'g')), source).toBeUndefined();
      expect(spans(re, text)).toEqual(reference(re, text));
      expect(re.lastIndex).toBe(0);
    }
  });

  it('agree with a plain scan for every pattern of the rule lists, on the sample replies', () => {
    const replies = join(__dirname, '../../../../fixtures/replies');
    const texts = readdirSync(replies).map((f) => readFileSync(join(replies, f), 'utf8'));
    const sources = new Set<string>();
    const listsDir = join(__dirname, '../../../../rules/lists');
    for (const f of readdirSync(listsDir)) {
      if (!f.endsWith('.yaml') || f === 'surnames.yaml' || f === 'laws.yaml' || f === 'segment-dict.yaml') continue;
      const list = loadList(f.replace(/\.yaml$/, ''));
      for (const p of list) sources.add(p);
      sources.add(list.map((p) => `(?:${p})`).join('|'));
    }
    for (const rule of loadBuiltinRules().values()) {
      const patterns = (rule.options as { patterns?: unknown }).patterns;
      if (Array.isArray(patterns)) for (const p of patterns) if (typeof p === 'string') sources.add(p);
    }
    let prefiltered = 0;
    for (const source of sources) {
      for (const re of [new RegExp(expandMacros(source), 'g'), new RegExp(wide(expandMacros(source)), 'g')]) {
        if (prefilterOf(re)) prefiltered++;
        for (const t of texts) expect(spans(re, t), source).toEqual(reference(re, t));
      }
    }
    // the point of the prefilter: the long phrase lists get one as they are
    expect(prefilterOf(new RegExp(loadList('cliches').map((p) => `(?:${p})`).join('|'), 'g'))).toBeDefined();
    expect(prefiltered).toBeGreaterThan(sources.size / 2);
  });

  it('agree with a plain scan on random patterns and texts', () => {
    const atom = fc.constantFrom('a', 'b', '甲', '乙', '[ab]', '[丙-乙]', '\\d', '(?:a|乙)', '(a)', '(?:b?)', '\\s', '[^a]', '.', '(?=a)', '(?<!b)', '(?!甲)', '^', '$', '\\b', '\\1');
    const quant = fc.constantFrom('', '', '?', '*', '+', '{0,2}', '{2}', '??');
    const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => a + q), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
    const pattern = fc.array(seq, { minLength: 1, maxLength: 3 }).map((xs) => xs.join('|'));
    const textArb = fc.array(fc.constantFrom('a', 'b', '甲', '乙', '丙', '1', ' ', '，', 'x'), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(pattern, textArb, (source, t) => {
        let re: RegExp;
        try {
          re = new RegExp(wide(source), 'g');
        } catch {
          return; // e.g. a quantifier after an assertion
        }
        expect(spans(re, t)).toEqual(reference(re, t));
      }),
      { numRuns: 2000 },
    );
  });
});

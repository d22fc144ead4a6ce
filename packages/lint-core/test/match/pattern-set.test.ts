// The contract of PatternSet: each method answers what plain RegExps over the same sources answer.
// The shapes the set builds inside (joined alternations, widened scans, first-character
// prefilters) only make the answers faster, never different.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePatterns, type PatternSet } from '../../src/match/index.js';
import { prefilterOf } from '../../src/match/first-chars.js';
import { expandMacros, joinedRuns, widenedSource } from '../../src/match/source.js';

// ---------- reference answers, from one plain RegExp per source ----------

const plain = (source: string, flags = 'g') => new RegExp(expandMacros(source), flags);

function refTest(sources: readonly string[], text: string): boolean {
  return sources.some((s) => plain(s, '').test(text));
}

/** [pattern, start, end] of every match of every source in text[start, end). */
function refEach(sources: readonly string[], text: string, start: number, end: number): number[][] {
  const body = text.slice(start, end);
  return sources.flatMap((s, p) => [...body.matchAll(plain(s))].map((m) => [p, start + m.index, start + m.index + m[0].length]));
}

function refFirstIndex(sources: readonly string[], text: string, start: number, end: number): number {
  const at = refEach(sources, text, start, end).map(([, s]) => s!);
  return at.length ? Math.min(...at) : -1;
}

/**
 * One alternation of the sources, by its definition: the leftmost position where some source
 * matches, there the first source that does; go on after the match.
 */
function refSpans(sources: readonly string[], text: string): number[] {
  const sticky = sources.map((s) => plain(s, 'y'));
  const out: number[] = [];
  for (let pos = 0; pos <= text.length; ) {
    let found: [number, number] | undefined;
    for (let q = pos; q <= text.length && !found; q++) {
      for (const re of sticky) {
        re.lastIndex = q;
        const m = re.exec(text);
        if (m) {
          found = [q, q + m[0].length];
          break;
        }
      }
    }
    if (!found) break;
    out.push(...found);
    pos = found[1] > found[0] ? found[1] : found[1] + 1;
  }
  return out;
}

// ---------- random pattern lists and texts ----------

const atom = fc.constantFrom(
  '高', '度', '重', '视', '联', '系', '您', 'a', 'b', '1',
  '[高联]', '[0-9]', '\\d', '(?:高度|联系)', '(重)', '(?:视?)', '\\s', '[^，]', '.',
  '(?=您)', '(?<!已)', '(?!度)', '^', '$', '\\1', '(?<n>系)', '{{article}}',
);
const quant = fc.constantFrom('', '', '', '?', '*', '+', '{0,2}', '{2}', '??');
const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => a + q), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
const source = fc.array(seq, { minLength: 1, maxLength: 2 }).map((xs) => xs.join('|'));
// 26 possible first characters that the texts never contain: with it a list has enough first
// characters for the prefilters (V8 handles small sets itself), and matches the same
const WIDE = '[Ａ-Ｚ]';
const list = fc
  .tuple(fc.array(source, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([xs, wide]) => (wide ? [...xs, WIDE] : xs))
  .filter((xs) =>
    xs.every((s) => {
      try {
        plain(s);
        return true;
      } catch {
        return false; // e.g. a quantifier after an assertion
      }
    }),
  );
/** Texts from the patterns' own characters (and a few others), with sentence ends. */
const text = fc.array(fc.constantFrom('高', '度', '重', '视', '联', '系', '您', '已', 'a', 'b', '1', '第', '3', '条', ' ', '，', '。'), { maxLength: 40 }).map((xs) => xs.join(''));
/** A range [start, end) of a text, possibly empty. */
const rangeIn = (t: string) => fc.tuple(fc.nat(t.length), fc.nat(t.length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
const listAndText = fc.tuple(list, text).chain(([l, t]) => fc.tuple(fc.constant(l), fc.constant(t), rangeIn(t)));

const RUNS = 1500;

function collect(set: PatternSet, t: string, start: number, end: number): number[][] {
  const out: number[][] = [];
  set.forEachMatch(t, start, end, (s, e, p) => {
    out.push([p, s, e]);
  });
  return out;
}

describe('PatternSet', () => {
  it('test / firstIndex: what the sources answer on the range (an empty range holds no match), prefiltered or not', () => {
    let prefiltered = 0;
    fc.assert(
      fc.property(listAndText, ([sources, t, [start, end]]) => {
        const set = compilePatterns(sources);
        const runs = joinedRuns(sources.map(expandMacros));
        if (runs.length === 1 && prefilterOf(new RegExp(runs[0]!, 'g'))) prefiltered++;
        const slice = t.slice(start, end);
        expect(set.test(t, start, end)).toBe(end > start && refTest(sources, slice));
        expect(set.test(slice)).toBe(refTest(sources, slice));
        expect(set.firstIndex(t, start, end)).toBe(refFirstIndex(sources, t, start, end));
        expect(set.firstIndex(slice)).toBe(refFirstIndex(sources, slice, 0, slice.length));
      }),
      { numRuns: RUNS },
    );
    expect(prefiltered).toBeGreaterThan(RUNS / 10);
  });

  it('forEachMatch: every match of each source in list order; true stops, false skips to the next pattern', () => {
    fc.assert(
      fc.property(listAndText, ([sources, t, [start, end]]) => {
        const set = compilePatterns(sources);
        const all = refEach(sources, t, start, end);
        expect(collect(set, t, start, end)).toEqual(all);
        // the first match of each pattern
        const firsts: number[][] = [];
        expect(set.forEachMatch(t, start, end, (s, e, p) => (firsts.push([p, s, e]), false))).toBe(false);
        expect(firsts).toEqual(all.filter((m, i) => i === 0 || all[i - 1]![0] !== m[0]));
        // stop at the second match
        const two: number[][] = [];
        expect(set.forEachMatch(t, start, end, (s, e, p) => (two.push([p, s, e]) === 2 ? true : undefined))).toBe(all.length >= 2);
        expect(two).toEqual(all.slice(0, 2));
      }),
      { numRuns: RUNS },
    );
  });

  it('spans: the matches of one alternation of the sources (prefiltered or not)', () => {
    let prefiltered = 0;
    fc.assert(
      fc.property(list, text, (sources, t) => {
        const set = compilePatterns(sources);
        const runs = joinedRuns(sources.map(expandMacros));
        if (runs.length === 1 && prefilterOf(new RegExp(runs[0]!, 'g'))) prefiltered++;
        expect(set.spans(t)).toEqual(refSpans(sources, t));
      }),
      { numRuns: RUNS },
    );
    expect(prefiltered).toBeGreaterThan(RUNS / 10);
  });

  it('gate / mayMatch: never close a sentence, nor a text, where a source matches', () => {
    let widened = 0;
    let closed = 0;
    fc.assert(
      fc.property(list, text, (sources, t) => {
        const set = compilePatterns(sources);
        if (widenedSource(sources.map(expandMacros)) !== undefined) widened++;
        // sentences: the text cut after each 。
        const sentences: { start: number; end: number }[] = [];
        for (let s = 0; s < t.length; ) {
          const e = t.indexOf('。', s) + 1 || t.length;
          sentences.push({ start: s, end: e });
          s = e;
        }
        const gate = set.gate(t);
        for (const s of sentences) {
          const matches = refEach(sources, t, s.start, s.end).some(([, a, b]) => b! > a!);
          const open = gate ? gate(s) : false;
          if (matches) expect(open).toBe(true);
          else if (!open) closed++;
          if (matches) expect(set.mayMatch(t)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    expect(widened).toBeGreaterThan(RUNS / 4);
    expect(closed).toBeGreaterThan(0); // the gate does skip sentences
  });

  it('endsWith / matchesWhole: a match ending at the range end / covering the whole text', () => {
    fc.assert(
      fc.property(listAndText, ([sources, t, [start, end]]) => {
        const set = compilePatterns(sources);
        const slice = t.slice(start, end);
        expect(set.endsWith(t, start, end)).toBe(sources.some((s) => plain(`(?:${s})$`, '').test(slice)));
        expect(set.matchesWhole(slice)).toBe(sources.some((s) => plain(`^(?:${s})$`, '').test(slice)));
      }),
      { numRuns: RUNS },
    );
  });

  it('is one object per list, and an empty list matches nothing', () => {
    expect(compilePatterns(['高度重视', '联系'])).toBe(compilePatterns(['高度重视', '联系']));
    expect(compilePatterns(['高度重视', '联系'])).not.toBe(compilePatterns(['联系', '高度重视']));
    const none = compilePatterns([]);
    expect([none.size, none.test(''), none.firstIndex('x'), none.spans('x'), none.gate('x'), none.mayMatch('x'), none.matchesWhole('')]).toEqual([0, false, -1, [], undefined, false, false]);
    expect(collect(none, 'x', 0, 1)).toEqual([]);
  });

  it('a visitor may use a set that shares its regexes', () => {
    const outer = compilePatterns(['联系', '您']);
    const inner = compilePatterns(['联系']);
    const t = '联系您，联系了您，又联系';
    const seen: number[] = [];
    outer.forEachMatch(t, 0, t.length, (s, e) => {
      seen.push(s);
      inner.forEachMatch(t, 0, t.length, () => {});
      expect(inner.test(t, s, e)).toBe(e - s === 2);
    });
    expect(seen).toEqual(collect(outer, t, 0, t.length).map(([, s]) => s));
    expect(seen).toEqual([0, 4, 10, 2, 7]);
  });
});

// The document prefilter (PatternSet#gate and #mayMatch, built on widenPattern) must never hide a
// match: wherever a rule's pattern matches a sentence slice, the widened pattern matches the whole text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '@replylint/core/testing';
import { dropLeadingClass, expandMacros, widenedSource, widenPattern } from '../../src/match/source.js';
import { compilePatterns } from '../../src/match/index.js';
import { loadBuiltinRules } from '../../src/pack/load.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { buildView } from '../../src/parse/views.js';

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* markdownFiles(p);
    else if (name.endsWith('.md')) yield p;
  }
}

/** Every pattern a rule runs per sentence: phrase `patterns`, conditional `trigger`. */
function sentencePatterns(): string[] {
  const out = new Set<string>();
  for (const rule of loadBuiltinRules().values()) {
    const o = rule.defaultOptions;
    if (rule.kind === 'phrase') for (const p of o.patterns as (string | { pattern: string })[]) out.add(typeof p === 'string' ? p : p.pattern);
    if (rule.kind === 'conditional') for (const p of (o.trigger as string[] | undefined) ?? []) out.add(p);
  }
  return [...out];
}

describe('widened patterns (document prefilter)', () => {
  it('drops anchors and lookaround, keeps classes, rejects backreferences', () => {
    expect(widenPattern('^(?<!是否)不符合[^。^$]{0,3}(?=条件)$')).toBe('不符合[^。^$]{0,3}');
    expect(widenPattern('(?<y>\\d{4})年(?!(?:前|后))')).toBe('(?:\\d{4})年');
    expect(widenPattern('(a)\\1')).toBeUndefined();
    expect(widenPattern('1(?!度){2}高')).toBe('1高'); // the assertion goes with its quantifier
    expect(widenedSource(['^(?=x)'])).toBeUndefined(); // widens to nothing
    expect(dropLeadingClass('[\\u4e00-\\u9fa5]{1,14}所回复如下')).toBe('所回复如下');
    expect(dropLeadingClass('[a-z]+x|y')).toBe('[a-z]+x|y'); // a top-level alternative: kept
    expect(dropLeadingClass('[a-z]+')).toBe('[a-z]+'); // nothing would be left
  });

  it('matches the whole text wherever a rule pattern matches a sentence (all fixtures)', () => {
    const patterns = sentencePatterns().map((p) => ({ p, re: new RegExp(expandMacros(p), 'g'), set: compilePatterns([p]), widened: widenedSource([expandMacros(p)]) !== undefined }));
    expect(patterns.length).toBeGreaterThan(20);
    let hits = 0;
    for (const f of markdownFiles(fixturesDir())) {
      const text = readFileSync(f, 'utf8');
      const view = buildView(parseMarkdown(text).root, text);
      for (const { p, re, set, widened } of patterns) {
        if (!widened) continue;
        for (const s of view.sentences) {
          re.lastIndex = 0;
          if (!re.test(view.simp.slice(s.start, s.end))) continue;
          hits++;
          expect([p, set.mayMatch(view.simp)]).toEqual([p, true]);
          break;
        }
      }
    }
    expect(hits).toBeGreaterThan(50);
  });

  it('the sentence gate keeps every sentence a rule pattern matches (all fixtures, per rule)', () => {
    const rules = [...loadBuiltinRules().values()].flatMap((rule) => {
      const o = rule.defaultOptions;
      const sources =
        rule.kind === 'phrase'
          ? (o.patterns as (string | { pattern: string })[]).map((p) => (typeof p === 'string' ? p : p.pattern))
          : rule.kind === 'conditional' || rule.kind === 'enumeration'
            ? ((o.trigger as string[] | undefined) ?? [])
            : [];
      return sources.length ? [{ id: rule.id, res: sources.map((p) => new RegExp(expandMacros(p), 'g')), set: compilePatterns(sources) }] : [];
    });
    expect(rules.length).toBeGreaterThan(8);
    let kept = 0;
    let skipped = 0;
    for (const f of markdownFiles(fixturesDir())) {
      const text = readFileSync(f, 'utf8');
      const view = buildView(parseMarkdown(text).root, text);
      for (const { id, res, set } of rules) {
        const gate = set.gate(view.simp);
        for (const s of view.sentences) {
          const body = view.simp.slice(s.start, s.end);
          const matches = res.some((re) => {
            re.lastIndex = 0;
            return [...body.matchAll(re)].some((m) => m[0].length > 0);
          });
          const open = gate ? gate(s) : false;
          if (matches) {
            kept++;
            expect([id, f, s.start, open]).toEqual([id, f, s.start, true]);
          } else if (!open) skipped++;
        }
      }
    }
    expect(kept).toBeGreaterThan(50);
    expect(skipped).toBeGreaterThan(kept); // the gate does skip work
  });
});

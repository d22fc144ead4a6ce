// `phrase`: flags phrases (regexes over the Simplified view) unless an exception pattern
// occurs in the chosen scope. Optional `replace` yields a fix (only for exact substitutions).
import { z } from 'zod';
import { defineKind, suggestReplace } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compileAnyOf, compilePattern, compileUnion } from '../match/source.js';
import { prepared } from '../util/memo.js';
import { patternSchema, scopeSchema } from './options.js';
import { anyMatch, scopeRange, sentenceGate } from './scope.js';
import { execAll } from '../match/scan.js';
import { prefilterOf } from '../match/first-chars.js';

const entrySchema = z.union([
  patternSchema,
  z.strictObject({
    pattern: patternSchema,
    messageId: z.string().optional(),
    /** Exact replacement (fix). `$&` = the match. */
    replace: z.string().optional(),
    /** Suggested rewrite (not applied by --fix). */
    suggest: z.string().optional(),
    unless: z.array(patternSchema).optional(),
  }),
]);

const options = z.strictObject({
  patterns: z.array(entrySchema).min(1),
  /** Exception patterns: a match is not reported when one occurs in `unlessScope`. */
  unless: z.array(patternSchema).default([]),
  /** Exception patterns that must occur after the match (within `unlessScope`). */
  unlessAfter: z.array(patternSchema).default([]),
  unlessScope: scopeSchema.default('sentence'),
  messageId: z.string().default('found'),
  /** Report at most this many matches per document (0 = all). */
  maxReports: z.number().int().min(0).default(0),
  /** Report as a warning (even when the rule is an error) unless the ticket type is one of these. */
  warnUnlessType: z.array(z.string()).optional(),
});

type PhraseOptions = z.infer<typeof options>;

function preparePhrase(o: PhraseOptions) {
  const entries = o.patterns.map((p) => (typeof p === 'string' ? { pattern: p } : p));
  const any = compileAnyOf(entries.map((e) => e.pattern), 'g');
  return {
    compiled: entries.map((e) => ({
      ...e,
      re: compilePattern(e.pattern),
      unlessRes: compileUnion(e.unless ?? []),
    })),
    unless: compileUnion(o.unless),
    unlessAfter: compileUnion(o.unlessAfter),
    any,
    anyPrefilter: any && prefilterOf(any),
  };
}

export const phraseKind = defineKind({
  kind: 'phrase',
  description: '出现某类词句即报告（可设例外语境）',
  options,
  messageIds: (o) => [o.messageId, ...(o.patterns.some((p) => typeof p !== 'string' && p.suggest !== undefined) ? ['suggestReplace'] : [])],
  extraPhrasesOption: 'patterns',
  fixable: (o) => o.patterns.some((p) => typeof p !== 'string' && p.replace !== undefined),
  create(ctx, o) {
    const { compiled, unless, unlessAfter, any, anyPrefilter } = prepared(o, preparePhrase);
    // one scan of the whole text tells which sentences can match at all
    const gate = sentenceGate(any, ctx.doc.simp, anyPrefilter);
    if (!gate) return {};
    let reported = 0;
    const downgrade = o.warnUnlessType !== undefined && !o.warnUnlessType.includes(ctx.meta.type ?? '');
    return {
      sentence(s) {
        if (!gate(s)) return;
        const { simp, text } = ctx.doc;
        const body = simp.slice(s.start, s.end);
        // candidates from every pattern; overlapping ones keep the earliest, then longest
        const found: { start: number; end: number; e: (typeof compiled)[number] }[] = [];
        for (const e of compiled) {
          for (const m of execAll(e.re, body)) {
            if (m[0].length) found.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, e });
          }
        }
        found.sort((a, b) => a.start - b.start || b.end - a.end);
        let lastEnd = -1;
        for (const { start, end, e } of found) {
          if (start < lastEnd) continue;
          if (o.maxReports && reported >= o.maxReports) return;
          const [ss, se] = scopeRange(ctx.doc, s, o.unlessScope);
          if (anyMatch(unless, simp, ss, se) || anyMatch(e.unlessRes, simp, ss, se)) continue;
          if (anyMatch(unlessAfter, simp, end, se)) continue;
          lastEnd = end;
          const phrase = text.slice(start, end);
          const range = ctx.doc.toSource(start, end);
          const replacement = e.replace?.replace(/\$&/g, phrase);
          ctx.report({
            messageId: e.messageId ?? o.messageId,
            data: { phrase: maskQuoted(phrase, ctx), ...(replacement !== undefined ? { replacement: maskQuoted(replacement, ctx) } : {}), ...(e.suggest ? { suggestion: e.suggest } : {}) },
            at: [start, end],
            ...(downgrade ? { downgrade: true } : {}),
            ...(replacement !== undefined ? { fix: { range, text: replacement } } : {}),
            ...(e.suggest ? { suggestions: [suggestReplace(range, e.suggest)] } : {}),
          });
          reported++;
        }
      },
    };
  },
});

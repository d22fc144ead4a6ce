// `phrase`: flags phrases (regexes over the Simplified view) unless an exception pattern
// occurs in the chosen scope. Optional `replace` yields a fix (only for exact substitutions).
import { z } from 'zod';
import { defineKind, suggestReplace } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema, scopeSchema } from './options.js';
import { scopeRange } from './scope.js';
import { findNonAnswer, nonAnswerMessageIds, nonAnswerSchema, prepareNonAnswer, type NonAnswerFinding } from './non-answer.js';
import type { Sentence } from '../parse/views.js';

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
    /**
     * Not a match that opens the document (only whitespace before it): e.g. 某局回复： heading a
     * unit's own reply, where the same words after a greeting mark another unit's reply pasted in.
     */
    notAtStart: z.boolean().optional(),
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
  /** Also judge the reply as a whole: a reply of stock statements only is one finding (kinds/non-answer.ts). */
  nonAnswer: nonAnswerSchema.optional(),
});

type PhraseOptions = z.infer<typeof options>;

function preparePhrase(o: PhraseOptions) {
  const entries = o.patterns.map((p) => (typeof p === 'string' ? { pattern: p } : p));
  return {
    // pattern i of `patterns` is entry i
    patterns: compilePatterns(entries.map((e) => e.pattern)),
    compiled: entries.map((e) => ({ ...e, unlessPatterns: compilePatterns(e.unless ?? []) })),
    unless: compilePatterns(o.unless),
    unlessAfter: compilePatterns(o.unlessAfter),
    nonAnswer: o.nonAnswer ? prepareNonAnswer(o.nonAnswer) : undefined,
  };
}

export const phraseKind = defineKind({
  kind: 'phrase',
  description: '出现某类词句即报告（可设例外语境）',
  options,
  messageIds: (o) => [
    o.messageId,
    ...(o.patterns.some((p) => typeof p !== 'string' && p.suggest !== undefined) ? ['suggestReplace'] : []),
    ...(o.nonAnswer ? nonAnswerMessageIds(o.nonAnswer) : []),
  ],
  extraPhrasesOption: 'patterns',
  fixable: (o) => o.patterns.some((p) => typeof p !== 'string' && p.replace !== undefined),
  create(ctx, o) {
    const { patterns, compiled, unless, unlessAfter, nonAnswer } = prepared(o, preparePhrase);
    const downgrade = o.warnUnlessType !== undefined && !o.warnUnlessType.includes(ctx.meta.type ?? '');
    // a reply that is a non-answer as a whole is one finding: its stock phrases are not reported again.
    // A reply whose account only ends without a result (the outcome judgement) keeps its named
    // stock phrases instead when it has any: the judgement is reported only if none was
    let whole = false;
    let deferred: NonAnswerFinding | undefined;
    const reportWhole = (found: NonAnswerFinding) =>
      ctx.report({ messageId: found.messageId, at: found.at, ...(downgrade || found.downgrade ? { downgrade: true } : {}) });
    const document = nonAnswer
      ? () => {
          const found = findNonAnswer(ctx, o.nonAnswer!, nonAnswer);
          if (!found) return;
          if (gate && found.messageId !== o.nonAnswer!.messageId) {
            deferred = found;
            return;
          }
          whole = true;
          reportWhole(found);
        }
      : undefined;
    // one scan of the whole text tells which sentences can match at all
    const gate = patterns.gate(ctx.doc.simp);
    if (!gate) return document ? { document } : {};
    let reported = 0;
    const lastSentence = ctx.doc.sentences[ctx.doc.sentences.length - 1];
    const scan = (s: Sentence) => {
      const { simp, text } = ctx.doc;
      // candidates from every pattern; overlapping ones keep the earliest, then longest
      const found: { start: number; end: number; e: (typeof compiled)[number] }[] = [];
      patterns.forEachMatch(simp, s.start, s.end, (start, end, i) => {
        if (end > start) found.push({ start, end, e: compiled[i]! });
      });
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      let lastEnd = -1;
      for (const { start, end, e } of found) {
        if (start < lastEnd) continue;
        if (o.maxReports && reported >= o.maxReports) return;
        const [ss, se] = scopeRange(ctx.doc, s, o.unlessScope);
        if (unless.test(simp, ss, se) || e.unlessPatterns.test(simp, ss, se)) continue;
        if (e.notAtStart && simp.slice(0, start).trim() === '') continue;
        if (unlessAfter.test(simp, end, se)) continue;
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
    };
    return {
      ...(document ? { document } : {}),
      sentence(s) {
        if (!whole && gate(s)) scan(s);
        if (deferred && s === lastSentence) {
          if (reported === 0) reportWhole(deferred);
          deferred = undefined;
        }
      },
    };
  },
});

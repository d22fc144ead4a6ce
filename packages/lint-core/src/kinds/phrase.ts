// `phrase`: flags phrases (regexes over the Simplified view) unless an exception pattern
// occurs in the chosen scope. Optional `replace` yields a fix (only for exact substitutions).
import { z } from 'zod';
import { defineKind, suggestReplace } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema, scopeSchema } from './options.js';
import { scopeRange } from './scope.js';
import { findNonAnswer, isStockReply, nonAnswerMessageIds, nonAnswerSchema, prepareNonAnswer, type NonAnswerFinding } from './non-answer.js';
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
     * Counted only when one of these also occurs in `unlessScope` (co-occurrence): 属某局管理 is the
     * whole answer only in a reply that also sends the requester to some body (可直接与某局联系).
     */
    onlyWith: z.array(patternSchema).optional(),
    /** Where this entry's `unless` and `onlyWith` (and the shared `unless`) are looked for; default `unlessScope`. */
    scope: scopeSchema.optional(),
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
  /**
   * A match may run on into the next sentence of the same block (由市委市政府决策部署。请向上级部门
   * 咨询: whose matter it is, then where to ask). Only matches that start in a sentence and end in
   * the next are added; a pattern that excludes 。 never crosses.
   */
  acrossSentences: z.boolean().optional(),
  /** Also judge the reply as a whole: a reply of stock statements only is one finding (kinds/non-answer.ts). */
  nonAnswer: nonAnswerSchema.optional(),
  /**
   * Patterns that count only in a reply of stock statements only (the first judgement of
   * kinds/non-answer.ts, with `judge`'s lists and limits; the same lists as another rule's share
   * its reading of the document). After nothing but 已转…, 如有问题请电话咨询…（电话…） leaves the
   * requester only a number to call; after an answer it is an offer. The first match is reported.
   */
  inStockReply: z
    .strictObject({
      patterns: z.array(patternSchema).min(1),
      /** Not a match whose sentence says this before it (如在办理过程中遇到问题，请拨打…: a later contingency). */
      unlessBefore: z.array(patternSchema).default([]),
      judge: nonAnswerSchema,
    })
    .optional(),
});

type PhraseOptions = z.infer<typeof options>;

function preparePhrase(o: PhraseOptions) {
  const entries = o.patterns.map((p) => (typeof p === 'string' ? { pattern: p } : p));
  return {
    // pattern i of `patterns` is entry i
    patterns: compilePatterns(entries.map((e) => e.pattern)),
    compiled: entries.map((e) => ({ ...e, unlessPatterns: compilePatterns(e.unless ?? []), onlyWithPatterns: e.onlyWith ? compilePatterns(e.onlyWith) : undefined })),
    unless: compilePatterns(o.unless),
    unlessAfter: compilePatterns(o.unlessAfter),
    nonAnswer: o.nonAnswer ? prepareNonAnswer(o.nonAnswer) : undefined,
    inStock: o.inStockReply
      ? { patterns: compilePatterns(o.inStockReply.patterns), unlessBefore: compilePatterns(o.inStockReply.unlessBefore), judge: prepareNonAnswer(o.inStockReply.judge) }
      : undefined,
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
    const { patterns, compiled, unless, unlessAfter, nonAnswer, inStock } = prepared(o, preparePhrase);
    const downgrade = o.warnUnlessType !== undefined && !o.warnUnlessType.includes(ctx.meta.type ?? '');
    // a reply that is a non-answer as a whole is one finding: its stock phrases are not reported again.
    // A reply whose account only ends without a result (the outcome judgement) keeps its named
    // stock phrases instead when it has any: the judgement is reported only if none was
    let whole = false;
    let deferred: NonAnswerFinding | undefined;
    const reportWhole = (found: NonAnswerFinding) =>
      ctx.report({ messageId: found.messageId, at: found.at, ...(downgrade || found.downgrade ? { downgrade: true } : {}) });
    const judgeWhole = nonAnswer
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
    // a referral that leaves only a number, in a reply of stock statements only: reported when the
    // rule's own phrases found nothing (they say more precisely where the referral is)
    let referral: [number, number] | undefined;
    const reportReferral = ([start, end]: [number, number]) =>
      ctx.report({ messageId: o.messageId, data: { phrase: maskQuoted(ctx.doc.text.slice(start, end), ctx) }, at: [start, end], ...(downgrade ? { downgrade: true } : {}) });
    const inStockReply = inStock
      ? () => {
          const { simp, sentences } = ctx.doc;
          const spans = inStock.patterns.spans(simp);
          if (spans.length === 0 || !isStockReply(ctx, o.inStockReply!.judge, inStock.judge)) return;
          let start = -1;
          let end = -1;
          for (let i = 0, si = 0; i < spans.length && start < 0; i += 2) {
            while (si < sentences.length - 1 && sentences[si]!.end <= spans[i]!) si++;
            const from = Math.min(sentences[si]?.start ?? 0, spans[i]!);
            if (!inStock.unlessBefore.test(simp, from, spans[i]!)) [start, end] = [spans[i]!, spans[i + 1]!];
          }
          if (start < 0) return;
          if (gate) referral = [start, end];
          else reportReferral([start, end]);
        }
      : undefined;
    const document =
      judgeWhole && inStockReply
        ? () => {
            judgeWhole();
            if (!whole) inStockReply();
          }
        : (judgeWhole ?? inStockReply);
    // one scan of the whole text tells which sentences can match at all
    const gate = patterns.gate(ctx.doc.simp);
    if (!gate) return document ? { document } : {};
    let reported = 0;
    const { sentences } = ctx.doc;
    const lastSentence = sentences[sentences.length - 1];
    let at = 0; // index of the sentence scanned (sentences come in order)
    const scan = (s: Sentence) => {
      const { simp, text } = ctx.doc;
      // candidates from every pattern; overlapping ones keep the earliest, then longest
      const found: { start: number; end: number; e: (typeof compiled)[number] }[] = [];
      patterns.forEachMatch(simp, s.start, s.end, (start, end, i) => {
        if (end > start) found.push({ start, end, e: compiled[i]! });
      });
      if (o.acrossSentences) {
        while (at < sentences.length && sentences[at] !== s) at++;
        if (at === sentences.length) at = sentences.indexOf(s);
        const next = sentences[at + 1];
        if (next && next.block === s.block) {
          patterns.forEachMatch(simp, s.start, next.end, (start, end, i) => {
            if (start < s.end && end > s.end) found.push({ start, end, e: compiled[i]! });
          });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      let lastEnd = -1;
      for (const { start, end, e } of found) {
        if (start < lastEnd) continue;
        if (o.maxReports && reported >= o.maxReports) return;
        const [ss, se] = scopeRange(ctx.doc, s, e.scope ?? o.unlessScope);
        if (unless.test(simp, ss, se) || e.unlessPatterns.test(simp, ss, se)) continue;
        if (e.onlyWithPatterns && !e.onlyWithPatterns.test(simp, ss, se)) continue;
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
        if (referral && s === lastSentence) {
          if (reported === 0) reportReferral(referral);
          referral = undefined;
        }
      },
    };
  },
});

// `count`: occurrences of listed phrases per document against a threshold (e.g. 官话套话).
// Every occurrence is reported once the total exceeds `max`, so an editor shows each one.
// Occurrences inside a cited title (《关于进一步加强…的意见》) are quoted, not written, and do not count;
// with `ignoreQuoted`, neither do those inside quotation marks (the request restated: 您反映的“…增强
// 幸福感…”的问题).
// With `distinct`, the same wording repeated counts once (also when written once in full, once shortened); with `minDensity`, the phrases must also be
// dense in the reply (per 100 characters): a few stock phrases beside a long account of facts are not
// a reply made of stock phrases. With `factRatio`, the phrases must also outnumber the sentences that
// state concrete facts (`facts`: a number, a date, a cited title) that many times over: a reply of
// slogans, not an account with a few slogans at its end.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns, type PatternSet } from '../match/index.js';
import { execAll } from '../match/scan.js';
import { patternSchema } from './options.js';
import { prepared } from '../util/memo.js';
import { documentTitles } from './citations.js';

const options = z.strictObject({
  patterns: z.array(patternSchema).min(1),
  max: z.number().int().min(0).default(2),
  messageId: z.string().default('tooMany'),
  /** Skip occurrences inside 《…》 (titles of cited documents). */
  ignoreInTitles: z.boolean().default(true),
  /** Skip occurrences inside quotation marks (“…”, 「…」, "…" on one line): someone else's words. */
  ignoreQuoted: z.boolean().default(false),
  /** Count each distinct wording once (高度重视 three times is one phrase; so is 高压态势 beside 保持高压态势). */
  distinct: z.boolean().default(false),
  /** Also require this many counted phrases per 100 characters of the reply (whitespace not counted); 0 = off. */
  minDensity: z.number().min(0).default(0),
  /** Sentences that state a concrete fact (a number, a date, a cited title), for `factRatio`. */
  facts: z.array(patternSchema).default([]),
  /** Also require the counted phrases to be at least this many times the sentences matching `facts`; 0 = off. */
  factRatio: z.number().min(0).default(0),
});

/** A reply's own date line (…监督！2017年10月30日) is not a fact it states. */
const TRAILING_DATE = /(?:\d{4}|[〇零一二三四五六七八九○Ｏ]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日\s*$/;

/** Quoted passages (at most 300 characters, not across a blank line): their words are not the reply's. */
const QUOTATION = /“[^”]{1,300}”|「[^」]{1,300}」|"[^"\n]{1,300}"/g;

/** `hits` (in text order) without those inside one of `spans` (in text order): one merge pass. */
function outside(hits: [number, number][], spans: { start: number; end: number }[]): void {
  let t = 0;
  let kept = 0;
  for (const h of hits) {
    while (t < spans.length && spans[t]!.end <= h[0]) t++;
    const inside = t < spans.length && spans[t]!.start < h[0] && h[1] <= spans[t]!.end;
    if (!inside) hits[kept++] = h;
  }
  hits.length = kept;
}

function quotations(simp: string): { start: number; end: number }[] {
  return execAll(QUOTATION, simp).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Distinct wordings, a wording written inside a longer one counted with it: 保持高压态势 … 高压态势
 * is one phrase written twice, not two.
 */
function distinctCount(words: string[]): number {
  const set = [...new Set(words)];
  if (set.length < 2) return set.length;
  return set.filter((w) => !set.some((o) => o !== w && o.includes(w))).length;
}

/** Longest first: scanned as one alternation (spans), overlapping entries count once. */
function longestFirst(o: z.infer<typeof options>): PatternSet {
  return compilePatterns([...o.patterns].sort((a, b) => b.length - a.length));
}

export const countKind = defineKind({
  kind: 'count',
  description: '统计全文中某类词语的出现次数，超过上限时逐处提示',
  options,
  messageIds: (o) => [o.messageId],
  extraPhrasesOption: 'patterns',
  create(ctx, o) {
    const patterns = prepared(o, longestFirst);
    const facts = prepared(o.facts, compilePatterns);
    return {
      document() {
        const { simp, text } = ctx.doc;
        const hits: [number, number][] = [];
        const spans = patterns.spans(simp);
        for (let i = 0; i < spans.length; i += 2) if (spans[i + 1]! > spans[i]!) hits.push([spans[i]!, spans[i + 1]!]);
        // hits, titles and quotations are all in text order
        if (o.ignoreInTitles && hits.length > o.max) outside(hits, documentTitles(ctx.doc));
        if (o.ignoreQuoted && hits.length > o.max) outside(hits, quotations(simp));
        const count = o.distinct ? distinctCount(hits.map(([s, e]) => simp.slice(s, e))) : hits.length;
        if (count <= o.max) return;
        if (o.minDensity > 0) {
          const length = simp.replace(/\s+/g, '').length;
          if (length > 0 && (count * 100) / length < o.minDensity) return;
        }
        if (o.factRatio > 0 && facts.size > 0) {
          let stated = 0;
          for (const s of ctx.doc.sentences) {
            const date = TRAILING_DATE.exec(simp.slice(s.start, s.end));
            const end = date ? s.start + date.index : s.end;
            if (end > s.start && facts.test(simp, s.start, end)) stated++;
          }
          if (count < o.factRatio * stated) return;
        }
        const distinct = [...new Set(hits.map(([s, e]) => text.slice(s, e)))];
        for (const [s, e] of hits) {
          ctx.report({
            messageId: o.messageId,
            data: { phrase: maskQuoted(text.slice(s, e), ctx), count, max: o.max, list: maskQuoted(distinct.slice(0, 6).join('、'), ctx) },
            at: [s, e],
          });
        }
      },
    };
  },
});

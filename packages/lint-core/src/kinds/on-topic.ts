// `on-topic`: the reply addresses the request, each point of it when the request lists several.
// Keywords come from word segmentation (this is where it earns its place: only documents with
// `request` metadata load the segmenter). Real replies answer in their own words (路灯不亮 → 已通电
//亮灯) and refer back with 您反映的问题, so a reply that shares few words with the request is
// often a fine answer: measured on 500 labelled real replies, keyword coverage of the whole request
// does not tell answered from unanswered. What does: the request's own demands — a numbered point,
// or a sentence that asks (为什么…？ 能否…) or demands (希望/要求/请…) — of which the reply
// mentions none of the specific words. A numbered point that only recounts a matter (1. 水库被养殖
// 污染；2. 供水管年久失修) is judged too, on all its words, when the reply does not go point by point
// and the list is not one of reasons, effects or the situation (理由如下：). Words too common in
// real requests (小区, 问题, 部门…) and words shared between points say nothing about which point
// was answered and are left out; a keyword also counts as mentioned through an equivalent
// (路灯 ~ 照明). The rule speaks only when
// two demands (or a numbered point) go unanswered, and abstains otherwise — except on a reply of
// stock statements alone (已转…办理, kinds/non-answer.ts), which has no words of its own to answer
// in: there one unanswered demand is enough. The demands of a long letter are often appeals and
// rhetorical questions (谁来保障？恳请主持公道): a reply of its own words that names what the request
// keeps coming back to (its repeated nouns) is on the subject and is not reported as answering none.
import { z } from 'zod';
import { defineKind } from './define.js';
import { toSimplified } from '../parse/t2s.js';
import type { Segmenter } from '../segment/types.js';
import { taggedWhere } from '../segment/candidates.js';
import { maskQuoted } from '../detect/mask.js';
import { prepared } from '../util/memo.js';
import { compilePatterns, type PatternSet } from '../match/index.js';
import { execAll } from '../match/scan.js';
import { patternSchema } from './options.js';
import { isStockReply, nonAnswerSchema, prepareNonAnswer, type PreparedNonAnswer } from './non-answer.js';

const options = z.strictObject({
  /** Share of a point's keywords the reply must mention (at least one). */
  minCoverage: z.number().min(0).max(1).default(0.3),
  /** Keywords taken per point. */
  maxKeywords: z.number().int().min(1).default(8),
  /** Points with fewer keywords than this are not judged (one word is too fragile a test). */
  minKeywords: z.number().int().min(1).default(2),
  /** Words never used as keywords (greetings, generic verbs of complaint). */
  stopwords: z.array(z.string()).default([]),
  /** Words so common in real requests that they do not show what a demand is about (a list). */
  commonWords: z.array(z.string()).default([]),
  /** A request sentence with one of these asks or demands something (希望/要求/请…, questions). */
  demandMarkers: z.array(patternSchema).default([]),
  /** A numbered point without a demand of its own is judged (on all its words) only when this short and the text before the list asks. */
  maxListedPoint: z.number().int().min(0).default(100),
  /** Text before a numbered list that presents it as the matters raised (以下几个问题：), besides the demand markers. */
  listIntro: z.array(patternSchema).default([]),
  /**
   * A numbered point that neither demands nor follows such a lead-in (1. 水库被养殖污染；2. 供水管
   * 年久失修) is still a matter the request raises: it is judged, on all its words, when it is at most
   * this long and the reply does not go point by point itself (0: never).
   */
  maxAccountPoint: z.number().int().min(0).default(0),
  /** Text before a numbered list that presents it as reasons, effects or the situation (理由如下：, 造成的危害：): its points are not matters raised. */
  accountIntroUnless: z.array(patternSchema).default([]),
  /** A numbered point with one of these is no matter raised (谢谢您看完…). */
  accountPointUnless: z.array(patternSchema).default([]),
  /** A sentence with one of these is not judged (a rhetorical question: 难道…？). */
  demandUnless: z.array(patternSchema).default([]),
  /** Unanswered demand sentences (of a request not in numbered points) needed before the rule speaks. */
  minUnanswered: z.number().int().min(1).default(2),
  /**
   * The whole-reply judgement of a non-answer (kinds/non-answer.ts; the same lists and limits as
   * substance's, so the document is judged once): a reply of nothing but stock statements
   * (已转…办理, 正在处理) has no words of its own to answer in, so `minUnansweredNonAnswer`
   * unanswered demands are enough there.
   */
  nonAnswer: nonAnswerSchema.optional(),
  minUnansweredNonAnswer: z.number().int().min(1).default(1),
  /** Equivalents: each pattern is one group; a keyword matching a group wholly counts as mentioned when the reply has any of it. */
  equivalents: z.array(patternSchema).default([]),
  /**
   * A reply with words of its own that names this many of the request's core matters (nouns the
   * request repeats `coreRepeats` times or more) is on the subject: it is not reported as answering
   * none of the demands, whose words it leaves out (0: never so judged).
   */
  onSubjectNamed: z.number().int().min(0).default(0),
  coreRepeats: z.number().int().min(2).default(2),
  /** Characters (not counting spaces) a reply needs before it is taken to speak in words of its own there. */
  onSubjectMinLength: z.number().int().min(0).default(80),
  /**
   * Questions whose answer has a kind the reply can be checked for: a request that asks one
   * (`ask`: 何时能修好？) and a reply with nothing of that kind anywhere (`answer`: no date, period
   * or time word) leave it unanswered, whatever else the reply says. `what` names the answer
   * missing in the message (何时办成). Judged only when the demands gave no report.
   */
  questions: z
    .array(z.strictObject({ what: z.string().min(1), ask: z.array(patternSchema).min(1), answer: z.array(patternSchema).min(1) }))
    .default([]),
});

// 1. / 1、 / （1） / ① / 一是 / 第一，  at the start of a line or after whitespace/punctuation
// (（1） and ① mark a point anywhere)
const POINT_MARKER = /(?:^|[\s，,；;。：:])(?:\d{1,2}[.、．)）](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、])|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩]/g;
// the end of a request sentence, for quoting the question asked
const SENTENCE_END = /[。！？!?\n]/;
const KEEP_TAG = /^(?:n|nr|ns|nt|nz|vn|v|an|a|eng|l|i|j)$/;
// a reply's own points: 1. / 1、 / 一、 / 一是 at the start of a line or after punctuation
const REPLY_POINT = /(?:^|[\s，,；;。：:！!？?])(?:\d{1,2}[.、．)）](?!\d)|[一二三四五六七八九十][、．是](?!\d))/g;

export function splitPoints(request: string): string[] {
  return splitPointsWithIntro(request).points;
}

/** The request's numbered points (or the whole request as one) and the text before the first. */
export function splitPointsWithIntro(request: string): { intro: string; points: string[] } {
  const marks = execAll(POINT_MARKER, request);
  if (marks.length < 2) return { intro: '', points: [request.trim()].filter(Boolean) };
  const points: string[] = [];
  for (let i = 0; i < marks.length; i++) {
    const start = marks[i]!.index + marks[i]![0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index + (/[\s，,；;。：:]/.test(marks[i + 1]![0][0]!) ? 1 : 0) : request.length;
    const p = request.slice(start, end).trim();
    if (p) points.push(p);
  }
  return { intro: request.slice(0, marks[0]!.index + 1), points };
}

// Full-width sentence punctuation: the segmenter cuts there anyway (only Han characters, Latin
// letters and digits join into words), so tagging a point clause by clause gives the same words
// as tagging it whole, and lets pointKeywords stop at the clause where it has enough.
const CLAUSE_END = /[。！？；，、：\n]/g;
/** Digits, punctuation and spaces only: no keyword. */
const NOT_A_WORD = /^[\d\p{P}\s]+$/u;

export function pointKeywords(seg: Segmenter, point: string, stop: ReadonlySet<string>, max: number, common: ReadonlySet<string> = new Set(), keep: RegExp = KEEP_TAG): string[] {
  const out: string[] = [];
  let from = 0;
  // clauses of ~60 characters or more at a time: one call per tiny clause would cost more
  while (from < point.length && out.length < max) {
    let to = point.length;
    CLAUSE_END.lastIndex = Math.min(from + 60, point.length);
    const end = CLAUSE_END.exec(point);
    if (end) to = end.index + 1;
    for (const { word, tag } of taggedWhere(seg, point.slice(from, to), (w) => w.length >= 2 && !stop.has(w) && !common.has(w) && !NOT_A_WORD.test(w))) {
      if (!keep.test(tag) || out.includes(word)) continue;
      out.push(word);
      if (out.length >= max) break;
    }
    from = to;
  }
  return out;
}

// Nouns and noun-like words of a demand sentence: what it is about (its verbs are mostly 希望/解决).
const DEMAND_TAG = /^(?:n|nr|ns|nt|nz|vn|s|eng|l|j)$/;
const SENTENCE_ENDS = /[。！？!?；;\n]/g;
const CLAUSE_START = /[，,：:、]/;
const QUOTED = /“[^”]*”|「[^」]*」|"[^"]*"/g;
const HAS_QUOTE = /[“「"]/;

/** The request's sentences (Simplified), split at 。！？； and line breaks. */
export function requestSentences(request: string): string[] {
  const out: string[] = [];
  let from = 0;
  // one regex scan for the sentence ends, not a regex test per character (requests run to hundreds
  // of characters and are split for every reply checked)
  SENTENCE_ENDS.lastIndex = 0;
  for (let m = SENTENCE_ENDS.exec(request); m; m = SENTENCE_ENDS.exec(request)) {
    const t = request.slice(from, m.index + 1).trim();
    if (t) out.push(t);
    from = m.index + 1;
  }
  const rest = request.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

interface Equivalents {
  groups: PatternSet[];
}

function mentioned(reply: string, keyword: string, eq: Equivalents, parsed: Parsed): boolean {
  if (reply.includes(keyword)) return true;
  // the groups a keyword belongs to wholly are found once and kept with the request (an editor
  // checks the same request at every keystroke)
  let groups = parsed.groups.get(keyword);
  if (!groups) parsed.groups.set(keyword, (groups = eq.groups.filter((g) => g.matchesWhole(keyword))));
  for (const g of groups) if (g.test(reply)) return true;
  if (keyword.length < 3) return false;
  for (let i = 0; i + 2 <= keyword.length; i++) if (reply.includes(keyword.slice(i, i + 2))) return true;
  return false;
}

interface Parsed {
  /** The request (Simplified), for its core matters (coreMatters()). */
  text: string;
  /** Nouns the request repeats: what it keeps coming back to (computed when first needed). */
  core?: string[];
  points: string[];
  /** Keywords of each point (numbered requests only). */
  all: string[][];
  /** Keywords of each point that only recounts a matter (numbered requests only; [] for the others). */
  account: string[][];
  /**
   * Demand sentences (requests not in numbered points), with the clause that demands; its keywords
   * are worked out when a reply first needs them (demandKeywords()).
   */
  demands: { text: string; clause: string; keywords?: string[] }[];
  /** The equivalence groups of the keywords looked up so far (mentioned()). */
  groups: Map<string, PatternSet[]>;
  /** Per question kind (options.questions), the request's sentence that asks it, quoted; null when it does not (judgeQuestions()). */
  asked?: (string | null)[];
}

/** The sentence of `request` (Simplified) where `ask` first matches, quoted around the question word when long; null when it does not match. */
function askedSentence(request: string, ask: PatternSet): string | null {
  const at = ask.firstIndex(request);
  if (at < 0) return null;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(request[start - 1]!)) start--;
  let end = at;
  while (end < request.length && !SENTENCE_END.test(request[end]!)) end++;
  const sentence = request.slice(start, Math.min(request.length, end + 1)).trim();
  if (sentence.length <= 30) return sentence;
  // a long sentence is quoted around the question word, from a clause start where it can
  const from = Math.max(0, at - start - 12);
  const to = at - start + 18;
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to).replace(/^[，,、；;：:\s]+/, '')}${to < sentence.length ? '…' : ''}`;
}

/** The clause of `sentence` where it first asks or demands, to the sentence's end; undefined when it does not. */
function demandClause(sentence: string, p: Prepared): string | undefined {
  // someone else's words quoted in the request (司机说：“你怎么……？”) are not its demands
  const own = HAS_QUOTE.test(sentence) ? sentence.replace(QUOTED, (q) => '，'.repeat(q.length)) : sentence;
  if (p.unless.test(own)) return undefined;
  const at = p.markers.firstIndex(own);
  if (at < 0) return undefined;
  // the demand is the clause with the marker and what follows it: the account before it
  // (where, since when) says nothing about what is asked
  let from = at;
  while (from > 0 && !CLAUSE_START.test(own[from - 1]!)) from--;
  return own.slice(from);
}

function parseRequest(seg: Segmenter, request: string, o: z.infer<typeof options>, p: Prepared): Parsed {
  const { intro, points } = splitPointsWithIntro(request);
  if (points.length >= 2) {
    // a numbered point is judged when it is a demand: it asks or demands something itself, or the
    // sentence that leads into the list does (建议如下：1. …) and the point is short; a point that
    // narrates (1. 路窄车多…) is the account, not what is asked. Only the lead-in sentence counts:
    // a demand earlier in the request (…希望整治。其长处：一是…二是…) does not make the reasons
    // or the account listed after it demands
    const lead = requestSentences(intro).at(-1) ?? '';
    // a lead-in that presents the list as reasons, effects or the situation (理由如下：, 造成的危害：)
    // makes its points neither demands nor matters raised
    const reasons = p.accountIntroUnless.test(lead);
    const listed = !reasons && (p.markers.test(lead) || p.listIntro.test(lead));
    // a point that recounts a matter (1. 水库被养殖污染) is one the request raises
    const accounts = o.maxAccountPoint > 0 && !reasons;
    const account: string[][] = [];
    const all = points.map((point, i) => {
      account[i] = [];
      const clause = requestSentences(point).map((s) => demandClause(s, p)).find((c) => c !== undefined);
      if (clause !== undefined) return pointKeywords(seg, clause, p.stop, o.maxKeywords, p.common, DEMAND_TAG);
      if (listed && point.length <= o.maxListedPoint) return pointKeywords(seg, point, p.stop, o.maxKeywords, p.common);
      if (accounts && point.length <= o.maxAccountPoint && !p.accountPointUnless.test(point)) account[i] = pointKeywords(seg, point, p.stop, o.maxKeywords, p.common);
      return [];
    });
    return { text: request, points, all, account, demands: [], groups: new Map() };
  }
  const demands: Parsed['demands'] = [];
  for (const sentence of requestSentences(request)) {
    const clause = demandClause(sentence, p);
    if (clause !== undefined) demands.push({ text: sentence, clause });
  }
  return { text: request, points, all: [], account: [], demands, groups: new Map() };
}

/** The request's core matters: its nouns that occur `repeats` times or more in it (kept with the request). */
function coreMatters(seg: Segmenter, parsed: Parsed, p: Prepared, repeats: number): string[] {
  if (!parsed.core) {
    const { text } = parsed;
    const count = (w: string) => {
      let n = 0;
      for (let at = text.indexOf(w); at >= 0 && n < repeats; at = text.indexOf(w, at + w.length)) n++;
      return n;
    };
    parsed.core = pointKeywords(seg, text, p.stop, Number.POSITIVE_INFINITY, p.common, DEMAND_TAG).filter((w) => count(w) >= repeats);
  }
  return parsed.core;
}

interface Prepared {
  stop: Set<string>;
  common: Set<string>;
  markers: PatternSet;
  unless: PatternSet;
  listIntro: PatternSet;
  accountIntroUnless: PatternSet;
  accountPointUnless: PatternSet;
  eq: Equivalents;
  nonAnswer: PreparedNonAnswer | undefined;
  questions: { what: string; ask: PatternSet; answer: PatternSet }[];
  bySegmenter: WeakMap<Segmenter, Map<string, Parsed>>;
}

function prepare(o: z.infer<typeof options>): Prepared {
  return {
    stop: new Set(o.stopwords),
    common: new Set(o.commonWords),
    markers: compilePatterns(o.demandMarkers),
    unless: compilePatterns(o.demandUnless),
    listIntro: compilePatterns(o.listIntro),
    accountIntroUnless: compilePatterns(o.accountIntroUnless),
    accountPointUnless: compilePatterns(o.accountPointUnless),
    eq: { groups: o.equivalents.map((e) => compilePatterns([e])) },
    nonAnswer: o.nonAnswer ? prepareNonAnswer(o.nonAnswer) : undefined,
    questions: o.questions.map((q) => ({ what: q.what, ask: compilePatterns(q.ask), answer: compilePatterns(q.answer) })),
    bySegmenter: new WeakMap(),
  };
}

export const onTopicKind = defineKind({
  kind: 'on-topic',
  description: '答复须回应诉求，诉求分条列出时逐条回应',
  options,
  messageIds: ['offTopic', 'unaddressed', 'demands', 'question'],
  needsSegmenter: () => true,
  create(ctx, o) {
    return {
      document() {
        const request = ctx.meta.request;
        if (!request || !request.trim()) return;
        const p = prepared(o, prepare);
        const parsed = parsedRequest(request, p);
        let reported = false;
        const report: typeof ctx.report = (d) => {
          reported = true;
          ctx.report(d);
        };
        judgeDemands(parsed, p, report);
        if (!reported) judgeQuestions(parsed, p.questions);
      },
    };

    // an editor checks the same ticket at every keystroke: the request's points and keywords are
    // kept per rule options and segmenter, for the last few requests
    function parsedRequest(request: string, p: Prepared): Parsed {
      const seg = ctx.segmenter();
      let byRequest = p.bySegmenter.get(seg);
      if (!byRequest) p.bySegmenter.set(seg, (byRequest = new Map()));
      let parsed = byRequest.get(request);
      if (!parsed) {
        parsed = parseRequest(seg, toSimplified(request), o, p);
        if (byRequest.size >= 32) byRequest.delete(byRequest.keys().next().value!);
        byRequest.set(request, parsed);
      }
      return parsed;
    }

    /** A question of a checkable kind (何时…？) the reply gives nothing of that kind for. */
    function judgeQuestions(parsed: Parsed, questions: Prepared['questions']): void {
      const reply = ctx.doc.simp;
      // what the request asks is the request's: quoted once per request
      const asked = (parsed.asked ??= questions.map((q) => askedSentence(parsed.text, q.ask)));
      for (let i = 0; i < questions.length; i++) {
        const shown = asked[i];
        if (shown == null || questions[i]!.answer.test(reply)) continue;
        ctx.report({ messageId: 'question', data: { question: maskQuoted(shown, ctx).replace(/\s+/g, ' '), what: questions[i]!.what }, metaKey: 'request' });
        return;
      }
    }

    function judgeDemands(parsed: Parsed, p: Prepared, report: typeof ctx.report): void {
      const seg = ctx.segmenter();
      const reply = ctx.doc.simp;
      // the request is the citizen's own text: numbers and known names in it are masked before the
      // point is cut short (a cut would leave a number the masking no longer recognises)
      const mask = (s: string) => maskQuoted(s, ctx);
      const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s).replace(/\s+/g, ' ');
      const keywords = (k: string[]) => mask(k.slice(0, 4).join('、'));
      const { points, all, account, demands } = parsed;
      if (points.length >= 2) {
        // a reply that goes point by point itself (一、… 二、…) answers the points it has in its own
        // words; one that does not is judged on the points that only recount a matter too
        let byPoint: boolean | undefined;
        const replyByPoint = () => (byPoint ??= (reply.match(REPLY_POINT) ?? []).length >= 2);
        points.forEach((point, i) => {
          if (account[i]!.length >= o.minKeywords) {
            // the whole point, shared words too: the matter, not the part only it names
            if (!replyByPoint() && !account[i]!.some((k) => mentioned(reply, k, p.eq, parsed))) {
              report({ messageId: 'unaddressed', data: { index: i + 1, point: short(mask(point)), keywords: keywords(account[i]!) }, metaKey: 'request' });
            }
            return;
          }
          // words shared with another point (the common subject: 1. 烧烤店油烟大；2. 烧烤店经营到凌晨)
          // do not show that this point was answered; judge it on its own words when it has enough
          const own = all[i]!.filter((k) => !all.some((other, j) => j !== i && other.includes(k)));
          const kws = own.length >= o.minKeywords ? own : all[i]!;
          if (kws.length < o.minKeywords) return;
          const absent = kws.filter((k) => !mentioned(reply, k, p.eq, parsed));
          if (kws.length - absent.length < Math.max(1, Math.ceil(kws.length * o.minCoverage))) {
            report({ messageId: 'unaddressed', data: { index: i + 1, point: short(mask(point)), keywords: keywords(absent) }, metaKey: 'request' });
          }
        });
        return;
      }
      // a request in prose: its demand sentences of which the reply mentions no specific word
      let stock: boolean | undefined;
      const isStock = () => (stock ??= !!p.nonAnswer && isStockReply(ctx, o.nonAnswer!, p.nonAnswer));
      // one unanswered demand is not enough where the reply answers in its own words; a reply of
      // stock statements alone has none
      const tooFew = (n: number) => n < o.minUnanswered && (n < o.minUnansweredNonAnswer || !isStock());
      const kw = (d: Parsed['demands'][number]): string[] => (d.keywords ??= pointKeywords(seg, d.clause, p.stop, o.maxKeywords, p.common, DEMAND_TAG));
      // demand by demand, stopping once even every demand left unanswered would be too few (the
      // same verdict as judging them all): a request is segmented only as far as it must be, and
      // not at all when it has too few demands (most replies of a batch have a request of their own)
      const judged: Parsed['demands'] = [];
      const unanswered: Parsed['demands'] = [];
      for (let i = 0; i < demands.length; i++) {
        if (tooFew(unanswered.length + demands.length - i)) return;
        const d = demands[i]!;
        if (kw(d).length < o.minKeywords) continue;
        judged.push(d);
        if (!kw(d).some((k) => mentioned(reply, k, p.eq, parsed))) unanswered.push(d);
      }
      if (tooFew(unanswered.length)) return;
      const words = [...new Set(unanswered.flatMap(kw))];
      if (unanswered.length === judged.length) {
        // none of the demands' words, yet the reply names in its own words what the request keeps
        // coming back to (a long letter: 开发商…开发商…交房): it is on the subject, and the demands it
        // leaves out are most often the letter's appeals and rhetorical questions. A stock reply's
        // restatement (您反映的…问题已转…) names the subject without answering it
        if (o.onSubjectNamed > 0 && reply.replace(/\s+/g, '').length >= o.onSubjectMinLength && !isStock()) {
          const core = coreMatters(seg, parsed, p, o.coreRepeats);
          let named = 0;
          for (const w of core) if (mentioned(reply, w, p.eq, parsed) && ++named >= o.onSubjectNamed) return;
        }
        report({ messageId: 'offTopic', data: { keywords: keywords(words) }, metaKey: 'request' });
        return;
      }
      report({ messageId: 'demands', data: { count: unanswered.length, demands: unanswered.map((d) => `「${short(mask(d.text))}」`).join(''), keywords: keywords(words) }, metaKey: 'request' });
    }
  },
});

// Whether a reply as a whole is a non-answer (宿迁规定 四(五)): once its greetings, acknowledgements,
// thanks, closings and signature are set aside, all that is left are stock statements (forwarded,
// being handled, wait for the result, call or ask someone else, told them to fix it) and no sentence
// carries a case-specific fact (a finding, an action with its date or result, a figure, a basis).
// Real stock replies vary more than any phrase list; this judges the shape instead. Conservative:
// any sentence that is neither boilerplate nor stock, with more than a few characters, means the
// reply says something of its own, and the judgement abstains.
// A second judgement (the outcome, `results`): a few findings are allowed, but the account ends on
// a pending statement (passed on, in hand, to be done) and no sentence states a result.
import { z } from 'zod';
import type { KindContext } from './define.js';
import type { PatternSet } from '../match/index.js';
import { compilePatterns } from '../match/index.js';
import { patternSchema } from './options.js';
import { perDocument } from '../util/memo.js';
import { toSimplified } from '../parse/t2s.js';

export const nonAnswerSchema = z.strictObject({
  /** Sentences that say nothing about the case (greetings, 已收悉, thanks, closings, signature lines). */
  boilerplate: z.array(patternSchema).min(1),
  /** Stock statements: forwarded, being handled, wait, call or ask elsewhere, ordered to fix. */
  stock: z.array(patternSchema).min(1),
  /**
   * Statements of resolve only (将进一步加强…, 会继续努力): stock like the others, but a reply of
   * these alone is a non-answer only when `promisesAlone` (substance's judgement; no-evasive-phrase
   * names the four stock replies — forwarded, in hand, ask elsewhere, told them to fix it).
   */
  promises: z.array(patternSchema).default([]),
  promisesAlone: z.boolean().default(true),
  /** Case-specific facts: a sentence with one of these is content, whatever else it says. */
  facts: z.array(patternSchema).min(1),
  /**
   * What a request can ask that a referral answers: asked where to go, whom to call or which office
   * handles it (`ask`, on the request), a sentence naming the place, office or number (`answer`) is
   * the answer, a fact like any other, not a stock referral (请问法律援助找哪个部门？→ 可联系司法局，
   * 服务热线12348). Without a request, or when it asks none of these, referrals stay stock.
   */
  asked: z.array(z.strictObject({ ask: z.array(patternSchema).min(1), answer: z.array(patternSchema).min(1) })).default([]),
  /** Characters (letters, digits, CJK) of other sentences that still leave the reply a non-answer. */
  maxOther: z.number().int().min(0).default(12),
  /** A longer sentence is content even when it holds a stock or boilerplate phrase (it says more). */
  maxStockSentence: z.number().int().min(1).default(40),
  /** Characters of a stock sentence outside its boilerplate and stock words (its subject, the unit named). */
  maxStockRest: z.number().int().min(0).default(24),
  /** Characters of a sentence outside its boilerplate that still leave it boilerplate (2019年12月2日“某县”网友：你好，…收悉). */
  maxBoilerplateRest: z.number().int().min(0).default(24),
  messageId: z.string().default('nonAnswer'),
  /**
   * The outcome (宿迁规定 四(五)): a reply whose account ends on a statement that the matter was
   * passed on, is in hand or is still to be done (`pending`), with no result anywhere (`results`:
   * a thing done, a deadline, a decision on its basis), is a non-answer even when it states a
   * finding or two besides. A resolve (promises) or a referral at the end is no pending statement.
   * Off while `results` is empty.
   */
  results: z.array(patternSchema).default([]),
  /** Statements that the matter is passed on, in hand or to be done (已反馈…, 将逐步…, 待批复后…). */
  pending: z.array(patternSchema).default([]),
  /**
   * A vague account (对…进行了整治, 已加强管理, 现象已得到改善): a pending statement when
   * `vagueIsPending`, else content like any other. One pass reads the reply both ways, so rules
   * that differ only in `vagueIsPending` share it.
   */
  vague: z.array(patternSchema).default([]),
  vagueIsPending: z.boolean().optional(),
  /**
   * A cause stated (因…, 由于…): the judgement records whether the reply explains why; a rule with
   * `causeIsContent` does not report the outcome then (substance: an explained cause is content).
   */
  causes: z.array(patternSchema).default([]),
  causeIsContent: z.boolean().default(false),
  /** Characters of findings and other content (not stock, pending or boilerplate) that still leave it a non-answer. */
  maxFindings: z.number().int().min(0).default(120),
  /** Characters a sentence needs outside boilerplate to count as the account's last statement. */
  minLastChars: z.number().int().min(0).default(6),
  outcomeMessageId: z.string().default('noResult'),
  /**
   * Report the outcome judgement as a warning even when the rule is an error: an account that
   * ends on 待批复后实施 may be an honest interim reply; a reviewer decides.
   */
  outcomeDowngrade: z.boolean().default(false),
});
export type NonAnswerOptions = z.infer<typeof nonAnswerSchema>;

/** The messages a rule with this judgement can report. */
export function nonAnswerMessageIds(o: NonAnswerOptions): string[] {
  return o.results.length > 0 ? [o.messageId, o.outcomeMessageId] : [o.messageId];
}

export interface PreparedNonAnswer {
  boilerplate: PatternSet;
  stock: PatternSet;
  promises: PatternSet;
  facts: PatternSet;
  results: PatternSet;
  pending: PatternSet;
  vague: PatternSet;
  causes: PatternSet;
  asked: { ask: PatternSet; answer: PatternSet }[];
  /** The lists and limits: two rules with the same judge the document once (perDocument). */
  key: string;
}

export function prepareNonAnswer(o: NonAnswerOptions): PreparedNonAnswer {
  const boilerplate = compilePatterns(o.boilerplate);
  const stock = compilePatterns(o.stock);
  const promises = compilePatterns(o.promises);
  const facts = compilePatterns(o.facts);
  const results = compilePatterns(o.results);
  const pending = compilePatterns(o.pending);
  const vague = compilePatterns(o.vague);
  const causes = compilePatterns(o.causes);
  const asked = o.asked.map((a) => ({ ask: compilePatterns(a.ask), answer: compilePatterns(a.answer) }));
  const limits = [o.maxOther, o.maxStockSentence, o.maxStockRest, o.maxBoilerplateRest, o.maxFindings, o.minLastChars].join(',');
  const keys = [boilerplate, stock, promises, facts, results, pending, vague, causes, ...asked.flatMap((a) => [a.ask, a.answer])].map((set) => set.key).join('\u0000');
  return { boilerplate, stock, promises, facts, results, pending, vague, causes, asked, key: `nonAnswer\u0000${keys}\u0000${limits}` };
}

function contentChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) n++;
  }
  return n;
}

/** `s` without the given spans (start, end pairs), each replaced by one separator. */
function without(s: string, spans: readonly number[]): string {
  if (spans.length === 0) return s;
  let out = '';
  let at = 0;
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i]! < at) continue;
    out += s.slice(at, spans[i]!) + '\u3000';
    at = spans[i + 1]!;
  }
  return out + s.slice(at);
}

/** The union of two lists of (start, end) spans, sorted and merged. */
function union(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const pairs: [number, number][] = [];
  for (const x of [a, b]) for (let i = 0; i < x.length; i += 2) pairs.push([x[i]!, x[i + 1]!]);
  pairs.sort((p, q) => p[0] - q[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length > 0 && s <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

type Range = readonly [number, number];
type Judged = {
  /** Nothing but boilerplate and stock: where the first stock (or promise-only) sentence is. */
  strict?: { first?: Range; firstPromise?: Range };
  /** The account ends on a pending statement and states no result: where that statement is. */
  outcome?: { last: Range; cause: boolean };
  /** The same with a vague account taken for a pending statement (vagueIsPending). */
  outcomeVague?: { last: Range; cause: boolean };
};

export interface NonAnswerFinding {
  at: Range;
  messageId: string;
  downgrade?: boolean;
}

const NONE: readonly PatternSet[] = [];

/** The answers to what the document's request asks (see `asked`): worked out once per document and judgement. */
function answersAsked(ctx: KindContext, p: PreparedNonAnswer): readonly PatternSet[] {
  const request = ctx.meta.request;
  if (p.asked.length === 0 || !request) return NONE;
  return perDocument(ctx.doc, `${p.key}\u0000asked`, () => {
    const simp = toSimplified(request);
    return p.asked.filter((a) => a.ask.test(simp)).map((a) => a.answer);
  });
}

/** Whether `text` gives what the request asks for (see `asked`): where to go, whom to call. */
export function givesAskedAnswer(ctx: KindContext, p: PreparedNonAnswer, text: string): boolean {
  return answersAsked(ctx, p).some((a) => a.test(text));
}

// substance, no-evasive-phrase and on-topic judge with the same lists (and the same request: a
// document is linted with one): the document is read once
const judgedFor = (ctx: KindContext, o: NonAnswerOptions, p: PreparedNonAnswer): Judged => perDocument(ctx.doc, p.key, () => judge(ctx.doc, o, p, answersAsked(ctx, p)));

function strictAt(judged: Judged, o: NonAnswerOptions): Range | undefined {
  return judged.strict && (judged.strict.first ?? (o.promisesAlone ? judged.strict.firstPromise : undefined));
}

/** Whether the reply is stock statements only (the first judgement), whatever the outcome judgement says. */
export function isStockReply(ctx: KindContext, o: NonAnswerOptions, p: PreparedNonAnswer): boolean {
  return strictAt(judgedFor(ctx, o, p), o) !== undefined;
}

/** Where and how the reply is a non-answer, or undefined. */
export function findNonAnswer(ctx: KindContext, o: NonAnswerOptions, p: PreparedNonAnswer): NonAnswerFinding | undefined {
  const judged = judgedFor(ctx, o, p);
  const strict = strictAt(judged, o);
  if (strict) return { at: strict, messageId: o.messageId };
  // resolve only (将认真研究…): a rule that counts it (promisesAlone) reports it as no content;
  // the one that does not leaves it to that rule rather than call it an account left in hand
  if (judged.strict?.firstPromise && !o.promisesAlone) return undefined;
  const outcome = o.vagueIsPending ? judged.outcomeVague : judged.outcome;
  if (outcome && !(outcome.cause && o.causeIsContent)) return { at: outcome.last, messageId: o.outcomeMessageId, ...(o.outcomeDowngrade ? { downgrade: true } : {}) };
  return undefined;
}

function judge(doc: KindContext['doc'], o: NonAnswerOptions, p: PreparedNonAnswer, answers: readonly PatternSet[]): Judged {
  const { simp, sentences } = doc;
  // strict: every sentence is boilerplate or stock, none states a fact
  let strict = true;
  let first: Range | undefined;
  let firstPromise: Range | undefined;
  let other = 0;
  // outcome: no result anywhere, findings within bounds, the last statement pending. Read twice
  // at once: [0] with the pending statements, [1] with vague accounts taken for pending too
  const results = p.results.size > 0;
  const readings = p.vague.size > 0 ? 2 : 1;
  const live = [results, results && readings > 1];
  const findings = [0, 0];
  const last: (Range | undefined)[] = [undefined, undefined];
  const lastPending = [false, false];
  let outcome = results;
  let cause = false;
  for (const s of sentences) {
    if (!strict && !outcome) return {};
    const body = simp.slice(s.start, s.end);
    const n = contentChars(body);
    if (n === 0) continue;
    // boilerplate and stock take only their own words out of a sentence: an offer after the
    // answer (如有疑问，请拨打…) is boilerplate to its end, a stock statement beside an
    // acknowledgement (留言收悉，已转有关部门办理) is still stock, and a sentence whose words are
    // mostly something else (高度重视，经查图书馆已建成…) says something of its own. The length
    // limit is on the sentence without its boilerplate (现回复如下：… 联系电话：… run on after
    // a half-width comma or a missing full stop)
    const b = p.boilerplate.spans(body);
    const rest = without(body, b);
    // whether the sentence states a cause, tested at most once (both judgements ask)
    let said: boolean | undefined;
    const statesCause = () => (said ??= p.causes.size > 0 && p.causes.test(rest));
    // what the request asked for, given (where to go, whom to call): a fact and a result
    let gave: boolean | undefined;
    const givesAnswer = () => (gave ??= answers.length > 0 && answers.some((a) => a.test(rest)));
    // a fact in the request restated (反映的“…将在今年国庆节前…”问题) is not the reply's;
    // a cause found (因进场施工两次受阻，…正在协调) is a finding like any other
    if (strict && (p.facts.test(rest) || statesCause() || givesAnswer())) strict = false;
    // a result in the request restated (反映的“…9月10日…”问题) is not the reply's
    if (outcome && (p.results.test(rest) || givesAnswer())) outcome = live[0] = live[1] = false;
    if (!strict && !outcome) return {};
    if (outcome && !cause && statesCause()) cause = true;
    const short = n <= o.maxStockSentence || contentChars(rest) <= o.maxStockSentence;
    let st: number[] | undefined;
    let rest2 = rest;
    let pr: number[] = [];
    if (short || outcome) {
      st = p.stock.spans(rest);
      rest2 = st.length > 0 ? without(rest, st) : rest;
      pr = p.promises.size > 0 ? p.promises.spans(rest2) : [];
    }
    const rest3 = pr.length > 0 ? without(rest2, pr) : rest2;
    if (outcome) {
      // only a pending statement (passed on, in hand, to be done) ends the account without a
      // result; a referral or a resolve after the findings (如有疑问请致电…, 将加强巡查) does not
      // (a resolve after the pending statement, 将进一步加大巡查力度…, does not take it back)
      const base = p.pending.spans(rest);
      const resolve = p.promises.size > 0 && p.promises.test(rest);
      for (let k = 0; k < readings; k++) {
        if (!live[k]) continue;
        const pd = k === 0 ? base : union(base, p.vague.spans(rest));
        const said = without(rest, union(pd, st!));
        const left = contentChars(p.promises.size > 0 ? without(said, p.promises.spans(said)) : said);
        if (pd.length > 0) {
          last[k] = [s.start, s.end];
          lastPending[k] = true;
        } else if (left >= o.minLastChars && !(resolve && left <= o.maxStockRest)) lastPending[k] = false;
        findings[k]! += left;
        if (findings[k]! > o.maxFindings) live[k] = false;
      }
      outcome = live[0]! || live[1]!;
    }
    if (!strict) continue;
    if (short) {
      if (st!.length > 0 || pr.length > 0) {
        if (contentChars(rest3) <= o.maxStockRest) {
          if (st!.length > 0) first ??= [s.start, s.end];
          else firstPromise ??= [s.start, s.end];
          continue;
        }
      } else if (b.length > 0 && contentChars(rest) <= o.maxBoilerplateRest) {
        // boilerplate with a few words besides (2019年12月2日“某县”网友：你好，…收悉); a sentence
        // that goes on past them (现将情况回复如下：曹某户籍未迁出，应属…) says something of its own
        continue;
      }
    }
    other += n;
    if (other > o.maxOther) strict = false;
  }
  return {
    ...(strict ? { strict: { ...(first ? { first } : {}), ...(firstPromise ? { firstPromise } : {}) } } : {}),
    ...(live[0] && lastPending[0] && last[0] ? { outcome: { last: last[0], cause } } : {}),
    ...(live[1] && lastPending[1] && last[1] ? { outcomeVague: { last: last[1], cause } } : {}),
  };
}

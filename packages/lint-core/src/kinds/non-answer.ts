// Whether a reply as a whole is a non-answer (宿迁规定 四(五)): once its greetings, acknowledgements,
// thanks, closings and signature are set aside, all that is left are stock statements (forwarded,
// being handled, wait for the result, call or ask someone else, told them to fix it) and no sentence
// carries a case-specific fact (a finding, an action with its date or result, a figure, a basis).
// Real stock replies vary more than any phrase list; this judges the shape instead. Conservative:
// any sentence that is neither boilerplate nor stock, with more than a few characters, means the
// reply says something of its own, and the judgement abstains.
import { z } from 'zod';
import type { KindContext } from './define.js';
import type { PatternSet } from '../match/index.js';
import { compilePatterns } from '../match/index.js';
import { patternSchema } from './options.js';
import { perDocument } from '../util/memo.js';

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
  /** Characters (letters, digits, CJK) of other sentences that still leave the reply a non-answer. */
  maxOther: z.number().int().min(0).default(12),
  /** A longer sentence is content even when it holds a stock or boilerplate phrase (it says more). */
  maxStockSentence: z.number().int().min(1).default(40),
  /** Characters of a stock sentence outside its boilerplate and stock words (its subject, the unit named). */
  maxStockRest: z.number().int().min(0).default(24),
  /** Characters of a sentence outside its boilerplate that still leave it boilerplate (2019年12月2日“某县”网友：你好，…收悉). */
  maxBoilerplateRest: z.number().int().min(0).default(24),
  messageId: z.string().default('nonAnswer'),
});
export type NonAnswerOptions = z.infer<typeof nonAnswerSchema>;

export interface PreparedNonAnswer {
  boilerplate: PatternSet;
  stock: PatternSet;
  promises: PatternSet;
  facts: PatternSet;
  /** The lists and limits: two rules with the same judge the document once (perDocument). */
  key: string;
}

export function prepareNonAnswer(o: NonAnswerOptions): PreparedNonAnswer {
  const boilerplate = compilePatterns(o.boilerplate);
  const stock = compilePatterns(o.stock);
  const promises = compilePatterns(o.promises);
  const facts = compilePatterns(o.facts);
  const limits = [o.maxOther, o.maxStockSentence, o.maxStockRest, o.maxBoilerplateRest].join(',');
  return { boilerplate, stock, promises, facts, key: `nonAnswer\u0000${boilerplate.key}\u0000${stock.key}\u0000${promises.key}\u0000${facts.key}\u0000${limits}` };
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

type Judged = { first?: readonly [number, number]; firstPromise?: readonly [number, number] } | undefined;

/** The view range of the first stock sentence when the reply is a non-answer, else undefined. */
export function findNonAnswer(ctx: KindContext, o: NonAnswerOptions, p: PreparedNonAnswer): readonly [number, number] | undefined {
  // substance and no-evasive-phrase judge with the same lists: the document is read once
  const judged = perDocument(ctx.doc, p.key, () => judge(ctx.doc, o, p));
  if (!judged) return undefined;
  return judged.first ?? (o.promisesAlone ? judged.firstPromise : undefined);
}

function judge(doc: KindContext['doc'], o: NonAnswerOptions, p: PreparedNonAnswer): Judged {
  const { simp, sentences } = doc;
  let first: readonly [number, number] | undefined;
  let firstPromise: readonly [number, number] | undefined;
  let other = 0;
  for (const s of sentences) {
    const body = simp.slice(s.start, s.end);
    const n = contentChars(body);
    if (n === 0) continue;
    if (p.facts.test(body)) return undefined;
    // boilerplate and stock take only their own words out of a sentence: an offer after the
    // answer (如有疑问，请拨打…) is boilerplate to its end, a stock statement beside an
    // acknowledgement (留言收悉，已转有关部门办理) is still stock, and a sentence whose words are
    // mostly something else (高度重视，经查图书馆已建成…) says something of its own. The length
    // limit is on the sentence without its boilerplate (现回复如下：… 联系电话：… run on after
    // a half-width comma or a missing full stop)
    const b = p.boilerplate.spans(body);
    const rest = without(body, b);
    if (n <= o.maxStockSentence || contentChars(rest) <= o.maxStockSentence) {
      const st = p.stock.spans(rest);
      const rest2 = st.length > 0 ? without(rest, st) : rest;
      const pr = p.promises.size > 0 ? p.promises.spans(rest2) : [];
      if (st.length > 0 || pr.length > 0) {
        if (contentChars(pr.length > 0 ? without(rest2, pr) : rest2) <= o.maxStockRest) {
          if (st.length > 0) first ??= [s.start, s.end];
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
    if (other > o.maxOther) return undefined;
  }
  return { ...(first ? { first } : {}), ...(firstPromise ? { firstPromise } : {}) };
}

// `conditional`: when a trigger occurs, something else must occur in the chosen scope
// (e.g. 根据相关规定 → a 《title》 or document number in the same sentence).
// Without `trigger`, it is a plain requirement on the whole document.
import { z } from 'zod';
import { defineKind } from './define.js';
import { documentTitles } from './citations.js';
import type { DocumentView } from '../parse/views.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema, scopeSchema } from './options.js';
import { scopeRange } from './scope.js';

const options = z.strictObject({
  trigger: z.array(patternSchema).optional(),
  /** A sentence where one of these occurs holds no trigger (e.g. 如对处理结果不满意: a notice, not a statement). */
  triggerUnless: z.array(patternSchema).default([]),
  /**
   * A trigger match right after one of these (in the same sentence) is not a trigger, e.g.
   * 按规定 in 责令该店按规定整改: an instruction to someone else, not the reply's own basis.
   */
  triggerNotAfter: z.array(patternSchema).default([]),
  /**
   * A trigger right after one of these (in the same sentence) is reported as a warning, whatever
   * the rule's severity, e.g. 将严格按照相关规定 in 我局将严格按照相关规定加强管理: a promise to follow
   * rules, not a decision resting on them.
   */
  warnAfter: z.array(patternSchema).default([]),
  /**
   * A trigger right after one of these (a cited title, then 和/及: 根据《…》和省里相关文件规定) is a
   * second, separate basis: the requirement is looked for from the trigger on, not before it.
   */
  separateAfter: z.array(patternSchema).default([]),
  /**
   * A trigger that is one of these as a whole (按规定, 按照新政) refers back when the requirement
   * occurs anywhere before it in the document (a document cited earlier): not reported.
   */
  refersBack: z.array(patternSchema).default([]),
  /** One of these must occur in `scope` around the trigger (or anywhere in the document). */
  requires: z.array(patternSchema).min(1),
  scope: scopeSchema.default('sentence'),
  /** Additional characters after the scope's end that still count (e.g. the next sentence). */
  lookahead: z.number().int().min(0).default(0),
  /**
   * Characters before the scope's start that still count, within the same statement: back to the
   * last 。！？ or line break (a citation earlier in a statement continued after ；).
   */
  lookbehind: z.number().int().min(0).default(0),
  /**
   * After a match of one of these (e.g. 根据《…》第九条规定：), the rest of the block quotes or
   * paraphrases what it names: triggers there are the cited text's own words, not the reply's.
   */
  quoteOpeners: z.array(patternSchema).default([]),
  /**
   * A trigger inside a 《title》 is the title's own words (提交的《关于…不予补偿的投诉》, 《关于按照有关规定…的通知》),
   * not the reply's statement: not a trigger.
   */
  skipInTitles: z.boolean().default(false),
  messageId: z.string().default('missing'),
  /** Report every trigger occurrence, or only the first per document. */
  reportAll: z.boolean().default(true),
});

const STATEMENT_END = /[。！？!?\n]/;
/** A paragraph indent inside a line (。　　2013年起…): the end of a quoted passage. */
const INDENT_BREAK = /\u3000|[ \t]{2,}/;

function prepareConditional(o: z.infer<typeof options>) {
  return {
    requires: compilePatterns(o.requires),
    triggerUnless: compilePatterns(o.triggerUnless),
    notAfter: compilePatterns(o.triggerNotAfter),
    warnAfter: compilePatterns(o.warnAfter),
    triggers: o.trigger && compilePatterns(o.trigger),
    quoteOpeners: compilePatterns(o.quoteOpeners),
    separate: compilePatterns(o.separateAfter),
    refersBack: compilePatterns(o.refersBack),
  };
}

/** Whether [start, end) lies inside one of the document's 《…》 titles. */
function insideTitle(doc: DocumentView, start: number, end: number): boolean {
  for (const t of documentTitles(doc)) {
    if (t.start >= start) return false;
    if (end < t.end) return true;
  }
  return false;
}

export const conditionalKind = defineKind({
  kind: 'conditional',
  description: '出现触发词句时，同一范围内必须有相应内容；无触发词时为全文必备内容',
  options,
  messageIds: (o) => [o.messageId],
  create(ctx, o) {
    const { requires, triggerUnless, notAfter, warnAfter, triggers, quoteOpeners, separate, refersBack } = prepared(o, prepareConditional);
    if (!triggers) {
      return {
        document() {
          const { simp } = ctx.doc;
          if (!requires.test(simp, 0, simp.length)) ctx.report({ messageId: o.messageId });
        },
      };
    }
    // one scan of the whole text tells which sentences can hold a trigger
    const gate = triggers.gate(ctx.doc.simp);
    if (!gate) return {};
    let done = false;
    return {
      sentence(s) {
        if (done || !gate(s)) return;
        const { simp, text } = ctx.doc;
        if (triggerUnless.test(simp, s.start, s.end)) return;
        // spans reported in this sentence: triggers run pattern by pattern, and one vague phrase
        // matched by two of them is one problem
        const reported: number[] = [];
        triggers.forEachMatch(simp, s.start, s.end, (start, end) => {
          if (end === start) return;
          for (let i = 0; i < reported.length; i += 2) if (start < reported[i + 1]! && end > reported[i]!) return;
          // the sentence up to the trigger
          if (notAfter.endsWith(simp, s.start, start)) return;
          if (o.skipInTitles && insideTitle(ctx.doc, start, end)) return;
          const [ss, se] = scopeRange(ctx.doc, s, o.scope);
          const block = ctx.doc.blocks[s.block]!;
          let from = ss;
          if (separate.size > 0 && separate.endsWith(simp, s.start, start)) from = start;
          else if (o.lookbehind > 0) {
            const limit = Math.max(block.start, start - o.lookbehind);
            while (from > limit && !STATEMENT_END.test(simp[from - 1]!)) from--;
          }
          if (requires.test(simp, from, Math.min(simp.length, se + o.lookahead))) return;
          if (refersBack.size > 0 && refersBack.matchesWhole(simp.slice(start, end)) && requires.test(simp, 0, start)) return;
          // inside a quotation of a cited document (its opener earlier in the same block, and no
          // paragraph indent after it: exports run paragraphs together as 　　 in one line)
          if (quoteOpeners.size > 0) {
            let opened = -1;
            quoteOpeners.forEachMatch(simp, block.start, start, (_s, e) => {
              opened = e;
            });
            if (opened >= 0 && !INDENT_BREAK.test(simp.slice(opened, start))) return;
          }
          const promise = warnAfter.size > 0 && warnAfter.endsWith(simp, s.start, start);
          ctx.report({ messageId: o.messageId, data: { phrase: maskQuoted(text.slice(start, end), ctx) }, at: [start, end], ...(promise ? { downgrade: true } : {}) });
          reported.push(start, end);
          if (!o.reportAll) {
            done = true;
            return true;
          }
        });
      },
    };
  },
});

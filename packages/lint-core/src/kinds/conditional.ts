// `conditional`: when a trigger occurs, something else must occur in the chosen scope
// (e.g. 根据相关规定 → a 《title》 or document number in the same sentence).
// Without `trigger`, it is a plain requirement on the whole document.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compileAnyOf, compilePattern, compileUnion } from '../match/source.js';
import { prepared } from '../util/memo.js';
import { patternSchema, scopeSchema } from './options.js';
import { anyMatch, anyTest, scopeRange, sentenceGate } from './scope.js';
import { execAll } from '../match/scan.js';

const options = z.strictObject({
  trigger: z.array(patternSchema).optional(),
  /** A sentence where one of these occurs holds no trigger (e.g. 如对处理结果不满意: a notice, not a statement). */
  triggerUnless: z.array(patternSchema).default([]),
  /**
   * A trigger match right after one of these (in the same sentence) is not a trigger, e.g.
   * 按规定 in 责令该店按规定整改: an instruction to someone else, not the reply's own basis.
   */
  triggerNotAfter: z.array(patternSchema).default([]),
  /** One of these must occur in `scope` around the trigger (or anywhere in the document). */
  requires: z.array(patternSchema).min(1),
  scope: scopeSchema.default('sentence'),
  /** Additional characters after the scope's end that still count (e.g. the next sentence). */
  lookahead: z.number().int().min(0).default(0),
  messageId: z.string().default('missing'),
  /** Report every trigger occurrence, or only the first per document. */
  reportAll: z.boolean().default(true),
});

function prepareConditional(o: z.infer<typeof options>) {
  return {
    requires: compileUnion(o.requires),
    triggerUnless: compileUnion(o.triggerUnless),
    // anchored at the end: tested on the sentence up to the trigger
    notAfter: compileUnion(o.triggerNotAfter.map((p) => `(?:${p})$`), ''),
    triggers: o.trigger?.map((p) => compilePattern(p)),
    anyTrigger: o.trigger && compileAnyOf(o.trigger, 'g'),
  };
}

export const conditionalKind = defineKind({
  kind: 'conditional',
  description: '出现触发词句时，同一范围内必须有相应内容；无触发词时为全文必备内容',
  options,
  messageIds: (o) => [o.messageId],
  create(ctx, o) {
    const { requires, triggerUnless, notAfter, triggers, anyTrigger } = prepared(o, prepareConditional);
    if (!triggers) {
      return {
        document() {
          const { simp } = ctx.doc;
          if (!anyMatch(requires, simp, 0, simp.length)) ctx.report({ messageId: o.messageId });
        },
      };
    }
    // one scan of the whole text tells which sentences can hold a trigger
    const gate = sentenceGate(anyTrigger, ctx.doc.simp);
    if (!gate) return {};
    let done = false;
    return {
      sentence(s) {
        if (done || !gate(s)) return;
        const { simp, text } = ctx.doc;
        const body = simp.slice(s.start, s.end);
        if (triggerUnless.length && anyMatch(triggerUnless, simp, s.start, s.end)) return;
        for (const re of triggers) {
          for (const m of execAll(re, body)) {
            if (!m[0].length) continue;
            if (notAfter.length && anyTest(notAfter, body.slice(0, m.index))) continue;
            const start = s.start + m.index;
            const end = start + m[0].length;
            const [ss, se] = scopeRange(ctx.doc, s, o.scope);
            if (anyMatch(requires, simp, ss, Math.min(simp.length, se + o.lookahead))) continue;
            ctx.report({ messageId: o.messageId, data: { phrase: maskQuoted(text.slice(start, end), ctx) }, at: [start, end] });
            if (!o.reportAll) {
              done = true;
              return;
            }
          }
        }
      },
    };
  },
});

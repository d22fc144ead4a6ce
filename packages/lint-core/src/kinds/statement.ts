// `statement`: the reply must state something (e.g. whether the requester is satisfied).
// A match does not count when its clause reads as a condition or an aim (如对…不满意, 让群众满意).
// Weaker wording that only hints at it (表示理解, 无异议) is reported as unclear instead of missing.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema } from './options.js';

const options = z.strictObject({
  /** The statement (any of these, anywhere in the reply). */
  requires: z.array(patternSchema).min(1),
  /** A match does not count when one of these matches its clause (text from the clause start to the match end). */
  requiresUnless: z.array(patternSchema).default([]),
  /** Wording that only hints at the statement: reported as `unclear` when the statement is missing. */
  weak: z.array(patternSchema).default([]),
  /** Report `unclear` as a warning even when the rule is an error. */
  weakDowngrade: z.boolean().default(true),
});

const CLAUSE_START = /[，,。；;！!？?：:\n]/;

function prepareStatement(o: z.infer<typeof options>) {
  return { requires: compilePatterns(o.requires), unless: compilePatterns(o.requiresUnless), weak: compilePatterns(o.weak) };
}

export const statementKind = defineKind({
  kind: 'statement',
  description: '答复须明确写出某项陈述（如诉求人是否满意）；条件句、目标句不算，含糊说法报告为不明确',
  options,
  messageIds: ['missing', 'unclear'],
  create(ctx, o) {
    const { requires, unless, weak } = prepared(o, prepareStatement);
    return {
      document() {
        const { simp, text } = ctx.doc;
        const stated = requires.forEachMatch(simp, 0, simp.length, (start, end) => {
          if (end === start) return;
          let from = start;
          while (from > 0 && end - from < 80 && !CLAUSE_START.test(simp[from - 1]!)) from--;
          if (!unless.test(simp.slice(from, end))) return true;
        });
        if (stated) return;
        // the first match of each weak wording, in list order
        const hinted = weak.forEachMatch(simp, 0, simp.length, (start, end) => {
          if (end === start) return false;
          ctx.report({
            messageId: 'unclear',
            data: { phrase: maskQuoted(text.slice(start, end), ctx) },
            at: [start, end],
            ...(o.weakDowngrade ? { downgrade: true } : {}),
          });
          return true;
        });
        if (hinted) return;
        ctx.report({ messageId: 'missing' });
      },
    };
  },
});

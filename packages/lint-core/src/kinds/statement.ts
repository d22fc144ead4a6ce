// `statement`: the reply must state something (e.g. whether the requester is satisfied).
// A match does not count when its clause reads as a condition or an aim (如对…不满意, 让群众满意).
// Weaker wording that only hints at it (表示理解, 无异议) is reported as unclear instead of missing.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePattern } from '../match/source.js';
import { prepared } from '../util/memo.js';
import { patternSchema } from './options.js';
import { execAll } from '../match/scan.js';

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
  return {
    requires: o.requires.map((p) => compilePattern(p)),
    unless: o.requiresUnless.map((p) => compilePattern(p, '')),
    weak: o.weak.map((p) => compilePattern(p)),
  };
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
        for (const re of requires) {
          for (const m of execAll(re, simp)) {
            if (!m[0].length) continue;
            const end = m.index + m[0].length;
            let start = m.index;
            while (start > 0 && end - start < 80 && !CLAUSE_START.test(simp[start - 1]!)) start--;
            const clause = simp.slice(start, end);
            if (!unless.some((u) => u.test(clause))) return;
          }
        }
        for (const re of weak) {
          re.lastIndex = 0;
          const m = re.exec(simp);
          if (m && m[0].length) {
            ctx.report({
              messageId: 'unclear',
              data: { phrase: maskQuoted(text.slice(m.index, m.index + m[0].length), ctx) },
              at: [m.index, m.index + m[0].length],
              ...(o.weakDowngrade ? { downgrade: true } : {}),
            });
            return;
          }
        }
        ctx.report({ messageId: 'missing' });
      },
    };
  },
});

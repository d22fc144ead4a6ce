// `substance`: the reply has real content — enough prose once greetings, closings, referrals
// and phone numbers are set aside.
import { z } from 'zod';
import { defineKind } from './define.js';
import { compilePatterns, type PatternSet } from '../match/index.js';
import { patternSchema } from './options.js';
import { prepared } from '../util/memo.js';

const options = z.strictObject({
  /** Minimum characters of prose (letters/CJK/digits, no punctuation or spaces). */
  minChars: z.number().int().min(1).default(60),
  /** Sentences that carry no substance on their own (greetings, thanks, referral to a phone). */
  hollow: z.array(patternSchema).default([]),
  /** Minimum characters left after removing hollow sentences. */
  minContentChars: z.number().int().min(0).default(30),
});

const OTHER_CONTENT = /[\p{L}\p{N}]/u;

/** Letters and digits in `s` (UTF-16 units). */
function countContent(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) n++;
    else if (c >= 0x80 && OTHER_CONTENT.test(s[i]!)) n++;
  }
  return n;
}

function hollowPatterns(o: z.infer<typeof options>): PatternSet {
  return compilePatterns(o.hollow);
}

export const substanceKind = defineKind({
  kind: 'substance',
  description: '答复须有实质内容：不能过短，不能只有转介或电话号码',
  options,
  messageIds: ['tooShort', 'onlyReferral'],
  create(ctx, o) {
    const hollow = prepared(o, hollowPatterns);
    return {
      document() {
        const { simp, sentences } = ctx.doc;
        const total = countContent(simp);
        if (total < o.minChars) {
          ctx.report({ messageId: 'tooShort', data: { count: total, min: o.minChars } });
          return;
        }
        // only whether the threshold is reached matters: stop counting once it is
        let content = 0;
        for (const s of sentences) {
          const body = simp.slice(s.start, s.end);
          const n = countContent(body);
          if (n === 0 || hollow.test(body)) continue;
          content += n;
          if (content >= o.minContentChars) return;
        }
        if (content < o.minContentChars) ctx.report({ messageId: 'onlyReferral', data: { count: content } });
      },
    };
  },
});

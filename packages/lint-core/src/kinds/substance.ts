// `substance`: the reply has real content — enough prose once greetings, closings, referrals
// and phone numbers are set aside.
import { z } from 'zod';
import { defineKind } from './define.js';
import { compilePatterns, type PatternSet } from '../match/index.js';
import { patternSchema } from './options.js';
import { prepared } from '../util/memo.js';
import { findNonAnswer, givesAskedAnswer, nonAnswerMessageIds, nonAnswerSchema, prepareNonAnswer, type PreparedNonAnswer } from './non-answer.js';

const options = z.strictObject({
  /** Minimum characters of prose (letters/CJK/digits, no punctuation or spaces). */
  minChars: z.number().int().min(1).default(60),
  /** Sentences that carry no substance on their own (greetings, thanks, referral to a phone). */
  hollow: z.array(patternSchema).default([]),
  /** Minimum characters left after removing hollow sentences. */
  minContentChars: z.number().int().min(0).default(30),
  /**
   * Case-specific facts: a reply shorter than minChars that states one is not too short… (so is
   * one that gives what the request asked for: where to go, whom to call; nonAnswer's `asked`)
   */
  facts: z.array(patternSchema).default([]),
  /** …when it has at least this many characters. */
  minFactChars: z.number().int().min(0).default(20),
  /** A reply of stock statements only, with no case-specific fact, has no substance either (kinds/non-answer.ts). */
  nonAnswer: nonAnswerSchema.optional(),
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

function compiled(o: z.infer<typeof options>): { hollow: PatternSet; facts: PatternSet; nonAnswer: PreparedNonAnswer | undefined } {
  return { hollow: compilePatterns(o.hollow), facts: compilePatterns(o.facts), nonAnswer: o.nonAnswer ? prepareNonAnswer(o.nonAnswer) : undefined };
}

export const substanceKind = defineKind({
  kind: 'substance',
  description: '答复须有实质内容：不能过短，不能只有转介或电话号码',
  options,
  messageIds: (o) => ['tooShort', 'onlyReferral', ...(o.nonAnswer ? nonAnswerMessageIds(o.nonAnswer) : [])],
  create(ctx, o) {
    const { hollow, facts, nonAnswer } = prepared(o, compiled);
    return {
      document() {
        const { simp, sentences } = ctx.doc;
        const total = countContent(simp);
        if (total < o.minChars) {
          const stated = total >= o.minFactChars && (facts.test(simp) || (!!nonAnswer && givesAskedAnswer(ctx, nonAnswer, simp)));
          if (!stated) ctx.report({ messageId: 'tooShort', data: { count: total, min: o.minChars } });
          return;
        }
        // only whether the threshold is reached matters: stop counting once it is. A hollow
        // phrase (thanks, a referral) takes only its own words out of a sentence: with half-width
        // commas one "sentence" can hold the whole account after it
        let content = 0;
        for (const s of sentences) {
          const body = simp.slice(s.start, s.end);
          let n = countContent(body);
          if (n === 0) continue;
          if (hollow.test(body)) {
            const spans = hollow.spans(body);
            for (let i = 0; i < spans.length; i += 2) n -= countContent(body.slice(spans[i]!, spans[i + 1]!));
            if (n < 8) continue;
          }
          content += n;
          if (content >= o.minContentChars) break;
        }
        if (content < o.minContentChars) ctx.report({ messageId: 'onlyReferral', data: { count: content } });
        else if (nonAnswer) {
          const found = findNonAnswer(ctx, o.nonAnswer!, nonAnswer);
          if (found) ctx.report({ messageId: found.messageId, at: found.at, ...(found.downgrade ? { downgrade: true } : {}) });
        }
      },
    };
  },
});

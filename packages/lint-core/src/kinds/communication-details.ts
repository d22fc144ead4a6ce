// `communication-details`: when the reply says the handler communicated with the requester, it
// also says WHAT was communicated (告知了…、解释了…、约定…), not only that contact happened.
import { z } from 'zod';
import { defineKind } from './define.js';
import { compilePatterns } from '../match/index.js';
import { patternSchema } from './options.js';
import { contactActs, contactPatterns } from './contact-time.js';
import { prepared } from '../util/memo.js';

const options = z.strictObject({
  /** Communication acts (shared list with contact-time). */
  acts: z.array(patternSchema).min(1),
  /** Words for the requester (shared list with contact-time). */
  requester: z.array(patternSchema).min(1),
  /** Verbs that introduce what was communicated (告知, 说明, 解释, 约定, 承诺…). */
  content: z.array(patternSchema).min(1),
  /** What follows a content verb but says nothing (相关情况, 解释工作…): matched against the whole clause rest. */
  empty: z.array(patternSchema).default([]),
  /** Minimum letters/digits after the content verb (up to the clause end) to count as content. */
  minChars: z.number().int().min(1).default(4),
  /** Also look at this many following sentences of the same block (通话中向您讲解了以下内容：…). */
  followingSentences: z.number().int().min(0).default(1),
});

const CLAUSE_END = /[，,。；;！!？?\n]/;
const CONTENT_CHAR = /[\p{L}\p{N}]/gu;

function prepareContent(o: z.infer<typeof options>) {
  return {
    content: compilePatterns(o.content),
    empty: compilePatterns(o.empty),
  };
}

export const communicationDetailsKind = defineKind({
  kind: 'communication-details',
  description: '答复叙述与诉求人沟通时，须写明沟通的具体内容（告知、解释、约定了什么）',
  options,
  messageIds: ['empty'],
  create(ctx, o) {
    const patterns = prepared(o, contactPatterns);
    const { content, empty } = prepared(o, prepareContent);

    /** Whether view[start, end) has a content verb followed by real content. */
    const hasContent = (simp: string, start: number, end: number): boolean =>
      content.forEachMatch(simp, start, end, (_, verbEnd) => {
        let rest = simp.slice(verbEnd, end);
        if (/^[了的]?(?:如下|以下(?:内容|情况|事项|几点)?)?\s*[：:]/.test(rest)) return true; // a list follows
        const cut = rest.search(CLAUSE_END);
        if (cut >= 0) rest = rest.slice(0, cut);
        rest = rest.replace(/^[了的过到给您向]+/, '').trim();
        const chars = rest.match(CONTENT_CHAR)?.length ?? 0;
        if (chars < o.minChars) return;
        if (empty.matchesWhole(rest)) return;
        return true;
      });

    return {
      document() {
        const { simp, sentences } = ctx.doc;
        const actAt = contactActs(ctx.doc, patterns);
        let firstContact: { start: number; end: number } | undefined;
        for (let i = 0; i < sentences.length; i++) {
          const s = sentences[i]!;
          if (actAt[i]! < 0) continue;
          firstContact ??= s;
          let end = s.end;
          for (let k = 1; k <= o.followingSentences; k++) {
            const next = sentences[i + k];
            if (!next || next.block !== s.block) break;
            end = next.end;
          }
          if (hasContent(simp, s.start, end)) return;
        }
        // a reply that narrates no contact at all is contact-time's finding (one fault, one report)
        if (firstContact) ctx.report({ messageId: 'empty', at: [firstContact.start, firstContact.end] });
      },
    };
  },
});

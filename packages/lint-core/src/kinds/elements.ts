// `elements`: a reply must contain each of several elements (one messageId per missing element),
// e.g. for anonymous requests the handler's name, phone and the handling result; for 局长坐诊接诉
// plans the responsible handler, a deadline and the measures. An element is a set of patterns
// and/or a real personal name after a role word (shared person-name detector).
import { z } from 'zod';
import { defineKind } from './define.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { nameDetector } from '../detect/person-name.js';
import { toSimplified } from '../parse/t2s.js';
import { patternSchema } from './options.js';

const elementSchema = z.strictObject({
  messageId: z.string().min(1),
  /** One of these must occur anywhere in the reply. */
  patterns: z.array(patternSchema).default([]),
  /** Alternatively (or only): a real personal name after a role word (承办人/经办人/责任人…). */
  personName: z.boolean().default(false),
});

const options = z
  .strictObject({
    elements: z.array(elementSchema).min(1),
    /** Surname list, needed when an element uses `personName`. */
    surnames: z.array(z.string().min(1)).default([]),
    /**
     * Apply only to some documents: channel (compared in Simplified script) is one of `channels`,
     * or the reply mentions one of `mentions`. Absent = every document the rule applies to.
     */
    onlyIf: z
      .strictObject({
        channels: z.array(z.string().min(1)).default([]),
        mentions: z.array(patternSchema).default([]),
      })
      .optional(),
  })
  .superRefine((o, c) => {
    if (o.elements.some((e) => e.personName) && !o.surnames.length) {
      c.addIssue({ code: 'custom', message: 'personName 需要 surnames 词表（{ $list: surnames }）' });
    }
    if (o.elements.some((e) => !e.personName && !e.patterns.length)) {
      c.addIssue({ code: 'custom', message: '每个要素至少要有 patterns 或 personName' });
    }
  });

function prepareElements(o: z.infer<typeof options>) {
  return {
    elements: o.elements.map((e) => ({ ...e, compiled: compilePatterns(e.patterns) })),
    mentions: compilePatterns(o.onlyIf?.mentions ?? []),
  };
}

export const elementsKind = defineKind({
  kind: 'elements',
  description: '答复须包含若干要素（每缺一项报告一次）；可限定渠道或正文提及的事项',
  options,
  messageIds: (o) => [...new Set(o.elements.map((e) => e.messageId))],
  create(ctx, o) {
    const { elements, mentions } = prepared(o, prepareElements);
    return {
      document() {
        const { simp } = ctx.doc;
        if (o.onlyIf) {
          const channel = ctx.meta.channel !== undefined ? toSimplified(String(ctx.meta.channel)).trim() : undefined;
          const byChannel = channel !== undefined && o.onlyIf.channels.includes(channel);
          if (!byChannel && !mentions.test(simp, 0, simp.length)) return;
        }
        let hasName: boolean | undefined;
        const nameFound = () => {
          if (hasName === undefined) {
            const known = ctx.meta.handler?.name ? [toSimplified(ctx.meta.handler.name.trim())] : [];
            hasName = nameDetector(o.surnames)
              .afterRoles(simp, 0, simp.length, known)
              .some((h) => h.kind === 'name');
          }
          return hasName;
        };
        for (const e of elements) {
          if (e.compiled.test(simp, 0, simp.length)) continue;
          if (e.personName && nameFound()) continue;
          ctx.report({ messageId: e.messageId });
        }
      },
    };
  },
});

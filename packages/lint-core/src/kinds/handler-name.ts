// `handler-name`: the reply names the staff member who handled it — a role word
// (承办人/经办人/办理人员/工作人员…) followed by a real personal name. Placeholders are reported
// separately; a name given in metadata (`handler.name`) must be the one used.
import { z } from 'zod';
import { defineKind } from './define.js';
import { HANDLER_ROLE_RE, nameDetector, type NameHit } from '../detect/person-name.js';
import { toSimplified } from '../parse/t2s.js';
import { maskName, maskQuoted } from '../detect/mask.js';

const options = z.strictObject({
  /** Surname list (rules/lists/surnames.yaml). */
  surnames: z.array(z.string().min(1)).min(1),
  /** Use word segmentation (jieba `nr`) for names whose surname is not in the list (承办人：卓玛). */
  segmenterFallback: z.boolean().default(true),
});

export const handlerNameKind = defineKind({
  kind: 'handler-name',
  description: '答复须写明承办人员的真实姓名（称谓词后的人名；占位符不算；与元数据一致）',
  options,
  messageIds: ['missing', 'placeholder', 'mismatch'],
  create(ctx, o) {
    const detector = nameDetector(o.surnames);
    return {
      document() {
        const { simp, text } = ctx.doc;
        const known = ctx.meta.handler?.name ? toSimplified(ctx.meta.handler.name.trim()) : undefined;
        const hits = detector.afterRoles(simp, 0, simp.length, known ? [known] : []);
        const names: NameHit[] = hits.filter((h) => h.kind === 'name');
        // 超市负责人王某 anonymises a third party; only a placeholder after a handler role is wrong
        const placeholders = hits.filter((h) => h.kind === 'placeholder' && h.role && HANDLER_ROLE_RE.test(simp.slice(h.role[0], h.role[1])));
        if (!names.length && o.segmenterFallback) {
          // rare path: only when a role word is followed by something name-like we cannot decide
          const ambiguous = hits.filter((h) => h.kind === 'ambiguous');
          if (ambiguous.length) {
            const seg = ctx.segmenter();
            for (const h of ambiguous) {
              const first = seg.tag(h.text)[0];
              if (first && first.tag.startsWith('nr') && first.word.length >= 2) {
                names.push({ ...h, kind: 'name', end: h.start + first.word.length, text: first.word });
              }
            }
          }
        }
        for (const p of placeholders) {
          ctx.report({ messageId: 'placeholder', data: { phrase: maskQuoted(text.slice(p.start, p.end), ctx) }, at: [p.start, p.end] });
        }
        const knownInText = known !== undefined && known.length >= 2 && simp.includes(known);
        if (!names.length && !knownInText) {
          if (!placeholders.length) ctx.report({ messageId: 'missing' });
          return;
        }
        if (known && !knownInText) {
          const other = names.find((n) => !n.text.startsWith(known) && !known.startsWith(n.text));
          if (other) {
            ctx.report({
              messageId: 'mismatch',
              // names masked like every personal value in messages (detect/mask.ts); the range shows the name
              data: { name: maskName(text.slice(other.start, other.end)), expected: maskName(ctx.meta.handler!.name!) },
              at: [other.start, other.end],
            });
          }
        }
      },
    };
  },
});

// Approval rules (SPEC §3.4):
// - `final-answer`: 此为最终答复 (and variants) only with the principal leader's approval and with
//   reasons plus evidence in the reply; equivalent variants are fixed to the exact wording.
// - `approval-required`: replies on important channels carry the principal leader's approval.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns, escapeRegex } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema } from './options.js';
import { hasTraditional, toSimplified } from '../parse/t2s.js';
import type { TicketMeta } from '../types.js';

const DEFAULT_ROLES = ['主要领导', '主要负责人', '主要负责同志'];

/** Whether the approval in the metadata is by a principal leader (role or `by` naming one of the roles). */
export function principalApproval(meta: TicketMeta, roles: readonly string[]): 'principal' | 'other' | 'none' {
  const a = meta.approval;
  if (!a || (!a.role && !a.by)) return 'none';
  const text = toSimplified(`${a.role ?? ''} ${a.by ?? ''}`);
  if (/(?:非|不是)主要/.test(text)) return 'other';
  if (roles.some((r) => text.includes(toSimplified(r)))) return 'principal';
  // a name without a role does not show who signed: treat as missing
  return a.role ? 'other' : 'none';
}

const finalOptions = z.strictObject({
  /** The exact wording replies must use. */
  canonical: z.string().min(1).default('此为最终答复'),
  /** The same wording in Traditional script: the fix for a variant written in Traditional script. */
  canonicalTraditional: z.string().min(1).optional(),
  /** Equivalent labels, safely replaced by `canonical` (fix). */
  variants: z.array(patternSchema).default([]),
  /** Other final-answer statements: they need the approval and evidence too, but are not rewritten. */
  statements: z.array(patternSchema).default([]),
  roles: z.array(z.string().min(1)).default(DEFAULT_ROLES),
  /** Evidence that must appear somewhere in the reply (policy documents, minutes, legal documents). */
  evidence: z.array(patternSchema).min(1),
  /** Minimum length of the reply's prose (detailed reasons), in characters. */
  minChars: z.number().int().min(0).default(200),
}).superRefine((o, c) => {
  // a fix must land on the exact wording, or the next lint would report (and rewrite) it again
  if (o.canonicalTraditional !== undefined && toSimplified(o.canonicalTraditional) !== toSimplified(o.canonical)) {
    c.addIssue({ code: 'custom', path: ['canonicalTraditional'], message: `应为 canonical「${o.canonical}」的繁体写法` });
  }
});

function prepareFinal(o: z.infer<typeof finalOptions>) {
  const canonicalSimp = toSimplified(o.canonical);
  return {
    canonicalSimp,
    // pattern 0: the exact wording, then the variants, then the statements
    labels: compilePatterns([escapeRegex(canonicalSimp), ...o.variants, ...o.statements]),
    evidence: compilePatterns(o.evidence),
  };
}

export const finalAnswerKind = defineKind({
  kind: 'final-answer',
  description: '“此为最终答复”须经主要负责人签批并有详细理由和证据；同义说法统一为规范表述',
  options: finalOptions,
  messageIds: ['variant', 'statement', 'noApproval', 'notPrincipal', 'noEvidence', 'noApprovalNoEvidence', 'notPrincipalNoEvidence'],
  fixable: (o) => o.variants.length > 0,
  create(ctx, o) {
    const { canonicalSimp, labels, evidence } = prepared(o, prepareFinal);
    const lastVariant = o.variants.length;
    return {
      document() {
        const { simp, text } = ctx.doc;
        // nothing to look at unless one of the labels or statements occurs
        if (!labels.mayMatch(simp)) return;
        type Hit = { start: number; end: number; type: 'canonical' | 'variant' | 'statement' };
        const hits: Hit[] = [];
        labels.forEachMatch(simp, 0, simp.length, (start, end, i) => {
          if (end > start) hits.push({ start, end, type: i === 0 ? 'canonical' : i <= lastVariant ? 'variant' : 'statement' });
        });
        if (!hits.length) return;
        hits.sort((a, b) => a.start - b.start || b.end - a.end || (a.type === 'canonical' ? -1 : 1));
        const kept: Hit[] = [];
        let lastEnd = -1;
        for (const h of hits) {
          if (h.start < lastEnd) continue;
          lastEnd = h.end;
          kept.push(h);
        }
        for (const h of kept) {
          const phrase = text.slice(h.start, h.end);
          if (h.type === 'variant' && simp.slice(h.start, h.end) !== canonicalSimp) {
            const range = ctx.doc.toSource(h.start, h.end);
            const exact = ctx.doc.source.slice(range[0], range[1]) === phrase;
            // keep the script the clerk wrote in
            const canonical = o.canonicalTraditional && hasTraditional(phrase) ? o.canonicalTraditional : o.canonical;
            ctx.report({
              messageId: 'variant',
              data: { phrase: maskQuoted(phrase, ctx), canonical },
              at: [h.start, h.end],
              ...(exact ? { fix: { range, text: canonical } } : {}),
            });
          }
        }
        const first = kept[0]!;
        const phrase = maskQuoted(text.slice(first.start, first.end), ctx);
        const at = [first.start, first.end] as const;
        const approval = principalApproval(ctx.meta, o.roles);
        const role = ctx.meta.approval?.role ?? ctx.meta.approval?.by ?? '';
        const noEvidence = !evidence.test(simp, 0, simp.length) || simp.replace(/\s/g, '').length < o.minChars;
        // one statement, one report: both parts missing are said in one message
        if (approval === 'none') ctx.report({ messageId: noEvidence ? 'noApprovalNoEvidence' : 'noApproval', data: { phrase }, at });
        else if (approval === 'other') ctx.report({ messageId: noEvidence ? 'notPrincipalNoEvidence' : 'notPrincipal', data: { phrase, role }, at });
        else if (noEvidence) ctx.report({ messageId: 'noEvidence', data: { phrase }, at });
        // a statement next to the exact label is fine; alone, it should become the label
        const labelled = kept.some((h) => h.type !== 'statement');
        for (const h of kept) {
          if (h.type !== 'statement' || labelled) continue;
          ctx.report({
            messageId: 'statement',
            data: { phrase: maskQuoted(text.slice(h.start, h.end), ctx), canonical: o.canonical },
            at: [h.start, h.end],
          });
        }
      },
    };
  },
});

const requiredOptions = z.strictObject({
  /** Channels (`channel` metadata) whose replies need the principal leader's approval. */
  channels: z.array(z.string().min(1)).min(1),
  roles: z.array(z.string().min(1)).default([...DEFAULT_ROLES, '管委会主要负责同志']),
});

export const approvalRequiredKind = defineKind({
  kind: 'approval-required',
  description: '重要渠道（督办件、书记留言、市长信箱等）的答复须经主要负责人审核签批',
  options: requiredOptions,
  messageIds: ['missing', 'notPrincipal'],
  create(ctx, o) {
    return {
      document() {
        const channel = ctx.meta.channel ? toSimplified(String(ctx.meta.channel).trim()) : '';
        if (!channel) return;
        const hit = o.channels.find((c) => channel.includes(toSimplified(c)));
        if (!hit) return;
        const state = principalApproval(ctx.meta, o.roles);
        if (state === 'principal') return;
        const data = { channel: String(ctx.meta.channel), role: ctx.meta.approval?.role ?? '', roles: o.roles.join('、') };
        ctx.report({ messageId: state === 'none' ? 'missing' : 'notPrincipal', data, metaKey: 'channel' });
      },
    };
  },
});

// `citation-registry`: with a policy registry configured (`policies:` in config), every cited document
// number resolves to a known document, the cited title matches it, and it is still in force.
// Without a registry the rule does nothing.
import { z } from 'zod';
import { defineKind } from './define.js';
import { normalizeDocNumber, normalizeTitle, trimIssuer } from '../detect/citation.js';
import { citedDocuments } from './citations.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema } from './options.js';
import type { PolicyEntry, PolicyRegistry } from '../config/policies.js';

const options = z.strictObject({
  /** Titles of case documents (enforcement decisions, minutes…) whose numbers are not expected in the registry. */
  caseTitles: z.array(patternSchema).default([]),
  /** Documents listed inline (used when no `policies:` registry is configured; handy for examples and tests). */
  inline: z
    .array(
      z.strictObject({
        number: z.string().min(1),
        title: z.string().min(1),
        status: z.enum(['active', 'abolished', 'expired', 'amended']).default('active'),
        replacedBy: z.string().optional(),
      }),
    )
    .default([]),
});

interface RegistryIndex {
  /** 〔YYYY〕N号 → entries with their issuer codes */
  byTail: Map<string, { issuer: string; entry: PolicyEntry }[]>;
  /** normalized title → entries */
  byTitle: Map<string, PolicyEntry[]>;
}

const indexes = new WeakMap<PolicyRegistry, RegistryIndex>();
const TAIL_RE = /^(.*?)(〔\d{4}〕\d+号)$/;

function indexOf(registry: PolicyRegistry): RegistryIndex {
  let idx = indexes.get(registry);
  if (idx) return idx;
  idx = { byTail: new Map(), byTitle: new Map() };
  for (const entry of registry.entries) {
    const m = TAIL_RE.exec(normalizeDocNumber(entry.number));
    if (m) {
      const list = idx.byTail.get(m[2]!) ?? [];
      list.push({ issuer: m[1]!, entry });
      idx.byTail.set(m[2]!, list);
    }
    const t = normalizeTitle(entry.title);
    idx.byTitle.set(t, [...(idx.byTitle.get(t) ?? []), entry]);
  }
  indexes.set(registry, idx);
  return idx;
}

const INACTIVE = new Set(['abolished', 'expired']);
const STATUS_TEXT: Record<string, string> = { abolished: '已废止', expired: '已失效' };

const caseTitlePatterns = (o: z.infer<typeof options>) => compilePatterns(o.caseTitles);

export const citationRegistryKind = defineKind({
  kind: 'citation-registry',
  description: '（配置政策文件库时）引用的文号须在库中、标题一致且未废止失效',
  options,
  messageIds: ['unknown', 'titleMismatch', 'abolished'],
  create(ctx, o) {
    const caseTitles = prepared(o, caseTitlePatterns);
    const inlineRegistry: PolicyRegistry | undefined = o.inline.length
      ? { file: '(inline)', entries: o.inline, byNumber: new Map(), byTitle: new Map() }
      : undefined;
    return {
      document() {
        const registry = ctx.settings.policies ?? inlineRegistry;
        if (!registry) return;
        const idx = indexOf(registry);
        const { simp, text } = ctx.doc;
        const { documents, titles } = citedDocuments(ctx.doc);
        const pairedTitles = new Set<number>();
        const reportInactive = (entry: PolicyEntry, cited: string, at: readonly [number, number]) => {
          ctx.report({
            messageId: 'abolished',
            data: {
              cited,
              status: STATUS_TEXT[entry.status] ?? entry.status,
              replacement: entry.replacedBy ? `请改为引用现行文件（${entry.replacedBy}）` : '请核实后改为引用现行有效的文件',
            },
            at,
          });
        };
        for (const { number: d, title } of documents) {
          if (title) pairedTitles.add(title.start);
          if (!d.tail) continue; // malformed year: citation-format reports it
          const match = (idx.byTail.get(d.tail) ?? []).find((c) => c.issuer.length > 0 && d.issuer.endsWith(c.issuer));
          const entry = match?.entry;
          // the number as cited: the registry's issuer code (when it matched) through 号
          const numStart = match ? d.start + d.issuer.length - match.issuer.length : d.bodyStart;
          const range = [numStart, d.end] as const;
          if (!entry) {
            if (title && caseTitles.test(title.title)) continue;
            const start = d.start + d.issuer.length - trimIssuer(d).length;
            ctx.report({ messageId: 'unknown', data: { cited: text.slice(start, d.end) }, at: [start, d.end] });
            continue;
          }
          if (title && normalizeTitle(title.title) !== normalizeTitle(entry.title)) {
            ctx.report({
              messageId: 'titleMismatch',
              data: { cited: text.slice(title.start, title.end), number: entry.number, title: `《${entry.title}》` },
              at: [title.start, title.end],
            });
          }
          if (INACTIVE.has(entry.status)) reportInactive(entry, text.slice(range[0], range[1]), range);
        }
        // titles cited without a number: flag when every registry document of that title is out of force
        for (const t of titles) {
          if (pairedTitles.has(t.start)) continue;
          const entries = idx.byTitle.get(normalizeTitle(t.title));
          if (!entries?.length || !entries.every((e) => INACTIVE.has(e.status))) continue;
          reportInactive(entries[entries.length - 1]!, text.slice(t.start, t.end), [t.start, t.end]);
        }
      },
    };
  },
});

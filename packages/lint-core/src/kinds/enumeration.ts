// `enumeration`: when a trigger occurs (e.g. 材料不全, 需补充材料), the reply must list the items
// at once near it: a Markdown list of ≥ minItems items, an inline enumeration (1.…2.…, ①②,
// （1）（2）, 一是…二是…), or ≥ minItems items separated by 、 after a colon.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { patternSchema } from './options.js';
import type { DocumentView } from '../parse/views.js';

const options = z.strictObject({
  trigger: z.array(patternSchema).min(1),
  /** Sentences containing one of these are not triggers (e.g. hypothetical procedure descriptions). */
  triggerUnless: z.array(patternSchema).default([]),
  /** Blocks before / after the trigger's block that may hold the enumeration. */
  blocksBefore: z.number().int().min(0).default(2),
  blocksAfter: z.number().int().min(0).default(4),
  minItems: z.number().int().min(2).default(2),
  messageId: z.string().default('missing'),
});

const INLINE_MARKERS: RegExp[] = [
  /(?:^|[^\d.．])1(?:[.．](?!\d)|、)|（1）|\(1\)|①|一是|第一[，,、]|（一）/,
  /(?:^|[^\d.．])2(?:[.．](?!\d)|、)|（2）|\(2\)|②|二是|第二[，,、]|（二）/,
];
const COLON_LIST = /[：:][^。！？；\n、]{2,}、[^。！？；\n、]{2,}/;

/** Per-block: does the block enumerate ≥2 items by itself (inline numbering or a colon list)? */
export function blockEnumerates(doc: DocumentView, blockIndex: number): boolean {
  const b = doc.blocks[blockIndex]!;
  const t = doc.simp.slice(b.start, b.end);
  if (INLINE_MARKERS.every((re) => re.test(t))) return true;
  return COLON_LIST.test(t);
}

function prepareEnumeration(o: z.infer<typeof options>) {
  return { triggers: compilePatterns(o.trigger), unless: compilePatterns(o.triggerUnless) };
}

export const enumerationKind = defineKind({
  kind: 'enumeration',
  description: '出现触发词句（如材料不全）时，附近须逐项列出全部内容（一次性告知）',
  options,
  messageIds: (o) => [o.messageId],
  create(ctx, o) {
    const { triggers, unless } = prepared(o, prepareEnumeration);
    // one scan of the whole text tells which sentences can hold a trigger
    const gate = triggers.gate(ctx.doc.simp);
    if (!gate) return {};
    let listed: boolean[] | undefined;
    let listPrefix: number[] | undefined; // prefix counts of list blocks
    let done = false;
    const prepare = () => {
      const { blocks } = ctx.doc;
      listed = blocks.map((_, i) => blockEnumerates(ctx.doc, i));
      listPrefix = [0];
      for (const b of blocks) listPrefix.push(listPrefix[listPrefix.length - 1]! + (b.inList ? 1 : 0));
    };
    const satisfied = (block: number): boolean => {
      if (!listed) prepare();
      const from = Math.max(0, block - o.blocksBefore);
      const to = Math.min(ctx.doc.blocks.length - 1, block + o.blocksAfter);
      if (listPrefix![to + 1]! - listPrefix![from]! >= o.minItems) return true;
      for (let i = from; i <= to; i++) if (listed![i]) return true;
      return false;
    };
    return {
      sentence(s) {
        if (done || !gate(s)) return;
        const { simp, text } = ctx.doc;
        if (unless.test(simp, s.start, s.end)) return;
        // the first match of each trigger, in list order
        triggers.forEachMatch(simp, s.start, s.end, (start, end) => {
          if (end === start) return false;
          if (satisfied(s.block)) return true;
          ctx.report({ messageId: o.messageId, data: { phrase: maskQuoted(text.slice(start, end), ctx) }, at: [start, end] });
          done = true;
          return true;
        });
      },
    };
  },
});

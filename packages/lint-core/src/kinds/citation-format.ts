// `citation-format`: document numbers per GB/T 9704-2012 7.2.5 (发文机关代字〔YYYY〕N号), cited
// documents as 《title》（number）, laws by their official title in 《》.
// Fixes only where the edit is provably safe: bracket / serial normalization inside the number
// (issuer untouched), and 《》 around an exact official law title from the curated list.
import { z } from 'zod';
import { defineKind, suggestReplace } from './define.js';
import { prepared } from '../util/memo.js';
import { maskQuoted } from '../detect/mask.js';
import { buildLawIndex, findBareDecrees, findBareLaws, findYearSerialNumbers, trimIssuer } from '../detect/citation.js';
import { citedDocuments } from './citations.js';
import type { KindContext } from './define.js';
import type { Range } from '../types.js';

const options = z.strictObject({
  /** Official titles of laws and regulations (rules/lists/laws.yaml). */
  laws: z.array(z.string().min(2)).default([]),
  /** Report document numbers cited without a 《title》 (unless the same number had one earlier). */
  requireTitle: z.boolean().default(true),
  /** Suggest the official title for short forms (劳动合同法 → 《中华人民共和国劳动合同法》). */
  lawAliases: z.boolean().default(true),
});

/** Whether a view range maps 1:1 onto the same characters in the source (no markup inside). */
function exactSource(ctx: KindContext, start: number, end: number): Range | undefined {
  const range = ctx.doc.toSource(start, end);
  return range[1] - range[0] === end - start && ctx.doc.source.slice(range[0], range[1]) === ctx.doc.text.slice(start, end) ? range : undefined;
}

/** 公文 codes end in 发/办/函/秘 (宿政发, 宿政办, 苏政函, 宿开秘); …号文件 names a 公文 too. */
const OFFICIAL_ISSUER = /(?:发|办|函|秘)$/;
const OFFICIAL_AFTER = /^\s*(?:文件|文)/;
function isOfficialDocument(simp: string, d: { issuer: string; end: number }): boolean {
  return OFFICIAL_ISSUER.test(d.issuer) || OFFICIAL_AFTER.test(simp.slice(d.end, d.end + 4));
}

/**
 * A document named in quotation marks after a citing verb (根据“……移交协议”, 按照“……实施办法”): a cited
 * title goes in 《》. Only names that end like a document (协议, 办法, 通知…) count; a slogan or a post's
 * title in quotes does not.
 */
const QUOTED_TITLE = /(?:根据|按照|依据|依照|参照|遵照)\s*[“"]([^“”"。，；！？\n]{4,50}?(?:协议|办法|规定|通知|意见|条例|方案|规划|决定|细则|准则|规范|规程|纲要|法))[”"]/g;

const lawIndexOf = (o: { laws: readonly string[] }) => (o.laws.length ? buildLawIndex(o.laws) : undefined);

export const citationFormatKind = defineKind({
  kind: 'citation-format',
  description: '文号、引用文件和法律法规名称的书写格式（GB/T 9704-2012）',
  options,
  messageIds: ['docnum', 'shortYear', 'yearSerial', 'numberBeforeTitle', 'missingTitle', 'quotedTitle', 'lawTitle', 'lawAlias', 'suggestReplace'],
  fixable: () => true,
  create(ctx, o) {
    const lawIndex = prepared(o, lawIndexOf);
    return {
      document() {
        const { simp, text } = ctx.doc;
        const titledTails = new Set<string>();

        const { documents, titles } = citedDocuments(ctx.doc);
        for (const { number: d, title, order } of documents) {
          const found = text.slice(d.bodyStart, d.end);
          if (!d.tail) {
            ctx.report({ messageId: 'shortYear', data: { found, issuer: trimIssuer(d) }, at: [d.bodyStart, d.end] });
            continue;
          }
          if (!d.canonical) {
            const hao = text[d.end - 1]!;
            const replacement = `〔${d.year}〕${String(Number(d.serial))}${hao}`;
            // (where the source has markup, a reference or an escape inside, the engine offers the fix as a suggestion)
            const range = ctx.doc.toSource(d.bodyStart, d.end);
            // New brackets keep the number; dropping 第 or leading zeros changes its characters, which
            // is safe only for a 公文 (an untitled number may be a permit's: 许可证号…〔2025〕0612号)
            const sameDigits = !d.hasDi && String(Number(d.serial)) === d.serial;
            const safe = sameDigits || !!title || isOfficialDocument(simp, d);
            const edit = { range, text: replacement };
            ctx.report({
              messageId: 'docnum',
              data: { found, canonical: replacement },
              at: [d.bodyStart, d.end],
              ...(safe ? { fix: edit } : { suggestions: [suggestReplace(edit.range, edit.text)] }),
            });
          }
          if (title && order === 'after') {
            titledTails.add(d.tail);
            continue;
          }
          if (title) {
            titledTails.add(d.tail);
            const issuer = trimIssuer(d);
            const numberStart = d.start + (d.issuer.length - issuer.length);
            const number = text.slice(numberStart, d.end);
            const titleText = text.slice(title.start, title.end);
            const data = { number, title: titleText };
            const range = exactSource(ctx, numberStart, title.end);
            const unambiguous = issuer.length >= 2 && issuer.length <= 10 && d.issuer.length < 12 && range !== undefined;
            ctx.report({
              messageId: 'numberBeforeTitle',
              data,
              at: [numberStart, title.end],
              ...(unambiguous ? { suggestions: [suggestReplace(range!, `${titleText}（${number}）`)] } : {}),
            });
            continue;
          }
          if (o.requireTitle && !titledTails.has(d.tail)) {
            const issuer = trimIssuer(d);
            const numberStart = d.start + (d.issuer.length - issuer.length);
            ctx.report({ messageId: 'missingTitle', data: { number: text.slice(numberStart, d.end) }, at: [numberStart, d.end] });
          }
        }

        for (const [start, end] of findYearSerialNumbers(simp)) {
          ctx.report({ messageId: 'yearSerial', data: { found: text.slice(start, end) }, at: [start, end] });
        }

        if (o.requireTitle) {
          const seen = new Set<string>();
          for (const [start, end] of findBareDecrees(simp)) {
            const number = text.slice(start, end);
            if (seen.has(number)) continue;
            seen.add(number);
            ctx.report({ messageId: 'missingTitle', data: { number }, at: [start, end] });
          }
        }

        if (o.requireTitle) {
          for (const m of simp.matchAll(QUOTED_TITLE)) {
            const start = m.index + m[0].length - m[1]!.length - 2;
            const end = m.index + m[0].length;
            const title = text.slice(start + 1, end - 1);
            const range = exactSource(ctx, start, end);
            const edit = range && { range, text: `《${title}》` };
            const shown = maskQuoted(title, ctx);
            ctx.report({ messageId: 'quotedTitle', data: { found: shown, title: `《${shown}》` }, at: [start, end], ...(edit ? { fix: edit } : {}) });
          }
        }

        if (lawIndex) {
          // a short form in 《》 (《劳动合同法》): the brackets are right, the title is not the official one
          if (o.lawAliases) {
            for (const { start, end, title } of titles) {
              const official = lawIndex.byText.get(title);
              // named in full elsewhere in the reply (以下简称《劳动合同法》): the short form is fine after it
              if (!official || official === title || simp.includes(official)) continue;
              const found = text.slice(start, end);
              const range = ctx.doc.toSource(start, end);
              ctx.report({ messageId: 'lawAlias', data: { found, title: `《${official}》` }, at: [start, end], suggestions: [suggestReplace(range, `《${official}》`)] });
            }
          }
          for (const m of findBareLaws(simp, lawIndex)) {
            const orig = text.slice(m.start, m.end);
            if (m.exact) {
              ctx.report({
                messageId: 'lawTitle',
                data: { found: orig, title: `《${orig}》` },
                at: [m.start, m.end],
                fix: { range: ctx.doc.toSource(m.start, m.end), text: `《${orig}》` },
              });
            } else if (o.lawAliases) {
              const range = ctx.doc.toSource(m.start, m.end);
              ctx.report({
                messageId: 'lawAlias',
                data: { found: orig, title: `《${m.official}》` },
                at: [m.start, m.end],
                suggestions: [suggestReplace(range, `《${m.official}》`)],
              });
            }
          }
        }
      },
    };
  },
});

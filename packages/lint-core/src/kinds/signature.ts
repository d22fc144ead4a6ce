// `signature`: the closing lines of the reply carry the handler's name, unit and contact phone
// ("承办单位：宿城区城管局　承办人：王磊　联系电话：0527-84361234", on one or several lines, or
// "宿城区城管局 王磊 0527-84361234"). Suggests (never fixes) a signature from metadata/config.
import { z } from 'zod';
import { defineKind } from './define.js';
import { compilePatterns } from '../match/index.js';
import { prepared } from '../util/memo.js';
import { nameDetector } from '../detect/person-name.js';
import { toSimplified } from '../parse/t2s.js';
import { patternSchema } from './options.js';
import { maskName, maskPhone } from '../detect/mask.js';

const options = z.strictObject({
  surnames: z.array(z.string().min(1)).min(1),
  /** How many closing blocks (paragraphs/lines groups) make up the signature. */
  tailBlocks: z.number().int().min(1).max(10).default(4),
  /** Closing blocks longer than this are prose, not signature lines. */
  maxBlockChars: z.number().int().min(10).default(200),
  /** A unit: a labelled field (承办单位：…) … */
  unitLabel: z.array(patternSchema).default(['(?:承办|办理|答复|责任|经办)?单位[：:]\\s*[^\\s：:]']),
  /** … or a token with a unit ending (局, 委员会, 办事处, 中心…). */
  unitSuffix: patternSchema.default('(?:局|委员会|委|办公室|办事处|管委会|管理处|中心|政府|支队|大队|中队|分局|所|站|院|部|处|科|公司|街道|社区|镇|乡)$'),
  phone: z.array(patternSchema).default(['0\\d{2,3}[-－—\\s]?\\d{7,8}', '1[3-9]\\d[-\\s]?\\d{4}[-\\s]?\\d{4}', '(?:电话|联系方式)[：:\\s]*\\d{7,8}']),
});

const SENTENCE_END = /[。！？!?]/;
const ROLES = '承办人|经办人|办理人|联系人';
const FIELD = new RegExp(`(?:单位|${ROLES}|电话|联系方式)[：:]`);
/** A closing sentence that names the handler with a phone (如有疑问，请与承办人王磊联系，电话0527-…。). */
const ROLE = new RegExp(ROLES);
const TOKEN_SPLIT = /[\s　：:，,。；;、|/（）()【】\[\]]+/;

function prepareSignature(o: z.infer<typeof options>) {
  return {
    unitLabel: compilePatterns(o.unitLabel),
    unitSuffix: compilePatterns([o.unitSuffix]),
    phone: compilePatterns(o.phone),
  };
}

export const signatureKind = defineKind({
  kind: 'signature',
  description: '答复结尾须署承办人员姓名、所在单位和联系电话',
  options,
  messageIds: ['missing', 'noName', 'noUnit', 'noPhone', 'suggestSignature'],
  create(ctx, o) {
    const detector = nameDetector(o.surnames);
    const { unitLabel, unitSuffix, phone } = prepared(o, prepareSignature);
    return {
      document() {
        const { simp, blocks, source } = ctx.doc;
        // the last few blocks that look like signature lines: no sentence end (。！？), a labelled
        // field (承办单位：, 承办人：, 联系电话：), or a sentence giving the handler and a phone
        // number; other prose stops the signature
        // (the cells of a table signature count as one block: | 承办单位 | 宿城区城管局 | …)
        const closing: typeof blocks = [];
        for (let i = blocks.length - 1, n = 0; i >= 0 && n < o.tailBlocks; i--) {
          const b = blocks[i]!;
          const body = simp.slice(b.start, b.end);
          const prose = SENTENCE_END.test(body) && !FIELD.test(body) && !(ROLE.test(body) && phone.test(body));
          if (b.end - b.start > o.maxBlockChars || prose) break;
          if (b.kind !== 'tableCell' || closing[0]?.kind !== 'tableCell') n++;
          closing.unshift(b);
        }
        const start = closing[0]?.start ?? simp.length;
        const end = closing.at(-1)?.end ?? simp.length;
        const t = simp.slice(start, end);
        const handler = { ...ctx.settings.handler, ...ctx.meta.handler };
        const known = handler.name ? toSimplified(handler.name.trim()) : undefined;

        const tokens = t.split(TOKEN_SPLIT).filter(Boolean);
        const hasName =
          (known !== undefined && known.length >= 2 && t.includes(known)) ||
          detector.afterRoles(t, 0, t.length, known ? [known] : []).some((h) => h.kind === 'name') ||
          tokens.some((tok) => detector.isNameToken(tok) && !unitSuffix.test(tok));
        const hasUnit = unitLabel.test(t) || tokens.some((tok) => tok.length >= 3 && unitSuffix.test(tok));
        const hasPhone = phone.test(t);
        if (hasName && hasUnit && hasPhone) return;

        // the fix writes the configured signature; its title shows the name and phone masked
        const fields: { line: string; shown: string }[] = [];
        if (!hasUnit && handler.unit) fields.push({ line: `承办单位：${handler.unit}`, shown: `承办单位：${handler.unit}` });
        if (!hasName && handler.name) fields.push({ line: `承办人：${handler.name}`, shown: `承办人：${maskName(handler.name)}` });
        if (!hasPhone && handler.phone) fields.push({ line: `联系电话：${handler.phone}`, shown: `联系电话：${maskPhone(handler.phone)}` });
        const lines = fields.map((f) => f.line);
        const complete = lines.length === [hasUnit, hasName, hasPhone].filter((x) => !x).length;
        const last = blocks.at(-1);
        const at: [number, number] = closing.length ? [start, end] : last ? [last.start, last.end] : [0, 0];
        const eol = source.endsWith('\n') ? '' : '\n';
        const suggestions = complete
          ? [{ messageId: 'suggestSignature', data: { signature: fields.map((f) => f.shown).join('　') }, fix: { range: [source.length, source.length] as const, text: `${eol}\n${lines.join('\n')}\n` } }]
          : undefined;
        const report = (messageId: string) => ctx.report({ messageId, at, ...(suggestions ? { suggestions } : {}) });
        if (!hasName && !hasUnit && !hasPhone) return report('missing');
        if (!hasName) report('noName');
        if (!hasUnit) report('noUnit');
        if (!hasPhone) report('noPhone');
      },
    };
  },
});

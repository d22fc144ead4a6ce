// `personal-info`: replies are published, so they must not expose ID-card numbers (GB 11643 checksum),
// bank-card numbers (Luhn), the requester's own phone, or — for reports and anonymous requests —
// the requester's name: the metadata name wherever it appears, and without metadata a name written
// after 举报人 (any reply) or after 诉求人/来电人… (reports, anonymous requests). Offers masking
// suggestions, never a fix (the clerk decides what to keep).
import { z } from 'zod';
import { defineKind, suggestReplace } from './define.js';
import { findBankCards, findIdCards, findPhones, isMobile, normalizePhone } from '../detect/identifiers.js';
import { maskBankCard, maskIdCard, maskName, maskPhone } from '../detect/mask.js';
import { toSimplified } from '../parse/t2s.js';
import { AFTER_NAME, nameDetector } from '../detect/person-name.js';
import { prepared } from '../util/memo.js';
import { compilePatterns, escapeRegex, type PatternSet } from '../match/index.js';
import { patternSchema } from './options.js';
import type { Segmenter } from '../segment/types.js';

const options = z.strictObject({
  idCard: z.boolean().default(true),
  bankCard: z.boolean().default(true),
  /** The requester's phone (`citizen.phone`), in any formatting. */
  citizenPhone: z.boolean().default(true),
  /** The requester's name (`citizen.name`) in replies to these request types, and in anonymous ones. */
  nameForTypes: z.array(z.string()).default(['report']),
  nameWhenAnonymous: z.boolean().default(true),
  /**
   * Also flag mobile numbers that are neither the handler's (`handler.phone`, config `handler.phone`)
   * nor listed in `allowPhones`. Off by default: replies often give a staff member's mobile on purpose.
   */
  otherMobiles: z.boolean().default(false),
  allowPhones: z.array(z.string()).default([]),
  /**
   * A mobile number the reply itself gives as the requester's (已电话联系您（138…）, 138…网友您好) is
   * reported as citizenPhone without metadata: the words right before it (matched at their end)…
   */
  requesterPhoneBefore: z.array(patternSchema).default([]),
  /** …or right after it (matched at their start). */
  requesterPhoneAfter: z.array(patternSchema).default([]),
  /** Surname list (rules/lists/surnames.yaml) for names written after the role words below; none: off. */
  surnames: z.array(z.string().min(1)).default([]),
  /** Role words after which a name is a reporter's, in every reply (被举报人 is not one). */
  reporterRoles: z.array(z.string().min(1)).default(['举报人员', '举报人', '举报者']),
  /** Role words after which a name is the requester's, checked where `nameForTypes` / anonymity apply. */
  requesterRoles: z.array(z.string().min(1)).default(['诉求人', '来电人', '来信人', '反映人', '投诉人', '留言人', '求助人']),
  /** Words that start with a surname character but are no names (rules/lists/not-names.yaml): 陈述, 权益. */
  notNames: z.array(z.string().min(1)).default([]),
  /**
   * Ask the word segmenter about each name found after a role word (rare: only then is it loaded)
   * and drop it when it is an ordinary word there (举报人应该…, 举报人马上…).
   */
  segmenterCheck: z.boolean().default(true),
});

/** Tags of the segmenter for names, places and words it does not know: the tags a name may get. */
const NAME_TAG = /^(?:nr|ns|nz|x)/;

/** Whether `text` begins with an ordinary word of two or more characters reaching at least `length` − 1 in. */
function isCommonWord(seg: Segmenter, text: string, length: number): boolean {
  const first = seg.tag(text)[0];
  return !!first && first.word.length >= 2 && first.word.length >= length - 1 && !NAME_TAG.test(first.tag);
}

/**
 * The role words (longest first) with the separator that may follow them. Whether 被 comes before
 * is checked at each match: a leading look-behind would cost V8 its scan for the first character.
 */
const alternation = (words: readonly string[]) =>
  compilePatterns([`(?:${[...words].map(toSimplified).sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})[ \\t　]*(?:[：:（(][ \\t　]*)?`]);
/** 举报人 and the other role words (after 被 they are the other party: 被举报人, 被投诉人), and the not-names. */
function prepareRoles(o: { reporterRoles: string[]; requesterRoles: string[]; notNames: string[] }) {
  return { reporterRoles: alternation(o.reporterRoles), requesterRoles: alternation(o.requesterRoles), notNames: new Set(o.notNames.map(toSimplified)) as ReadonlySet<string> };
}

function prepareRequesterPhone(o: z.infer<typeof options>) {
  return { before: compilePatterns(o.requesterPhoneBefore), after: compilePatterns(o.requesterPhoneAfter.map((p) => `^(?:${p})`)) };
}

export const personalInfoKind = defineKind({
  kind: 'personal-info',
  description: '答复公开前不得含身份证号、银行卡号、诉求人电话、举报人姓名等个人信息',
  options,
  messageIds: (o) => [
    'idCard', 'bankCard', 'citizenPhone', 'reporterName', 'suggestReplace',
    ...(o.surnames.length ? ['namedReporter', 'suggestDeleteName'] : []),
    ...(o.otherMobiles ? ['otherMobile'] : []),
  ],
  create(ctx, o) {
    return {
      document() {
        const { text, simp } = ctx.doc;
        const taken: [number, number][] = [];
        const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
        const suggest = (start: number, end: number, masked: string) => [suggestReplace(ctx.doc.toSource(start, end), masked)];
        if (o.idCard) {
          for (const m of findIdCards(simp)) {
            const masked = maskIdCard(text.slice(m.start, m.end));
            taken.push([m.start, m.end]);
            ctx.report({ messageId: 'idCard', data: { value: masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
          }
        }
        if (o.bankCard) {
          for (const m of findBankCards(simp)) {
            if (overlaps(m.start, m.end)) continue;
            const masked = maskBankCard(text.slice(m.start, m.end));
            taken.push([m.start, m.end]);
            ctx.report({ messageId: 'bankCard', data: { value: masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
          }
        }
        const citizenPhone = ctx.meta.citizen?.phone ? normalizePhone(ctx.meta.citizen.phone) : '';
        const allowed = new Set(
          [ctx.meta.handler?.phone, ctx.settings.handler?.phone, ...o.allowPhones].filter((p): p is string => !!p).map(normalizePhone),
        );
        const ctxPhone = o.citizenPhone && (o.requesterPhoneBefore.length > 0 || o.requesterPhoneAfter.length > 0);
        if ((o.citizenPhone && citizenPhone.length >= 7) || o.otherMobiles || ctxPhone) {
          const around = ctxPhone ? prepared(o, prepareRequesterPhone) : undefined;
          // the requester's own number by what the reply says around it (a few characters each side)
          const saidToBeRequesters = (start: number, end: number) =>
            around !== undefined && (around.before.endsWith(simp, Math.max(0, start - 12), start) || around.after.test(simp.slice(end, end + 6)));
          for (const m of findPhones(simp)) {
            if (overlaps(m.start, m.end)) continue;
            const masked = maskPhone(text.slice(m.start, m.end));
            const isCitizens = citizenPhone.length >= 7 ? m.digits === citizenPhone : isMobile(m.digits) && saidToBeRequesters(m.start, m.end);
            if (o.citizenPhone && isCitizens && !allowed.has(m.digits)) {
              ctx.report({ messageId: 'citizenPhone', data: { value: masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
            } else if (o.otherMobiles && isMobile(m.digits) && !allowed.has(m.digits)) {
              ctx.report({ messageId: 'otherMobile', data: { value: masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
            }
          }
        }
        const name = ctx.meta.citizen?.name ? toSimplified(ctx.meta.citizen.name.trim()) : '';
        const nameApplies = o.nameForTypes.includes(ctx.meta.type ?? '') || (o.nameWhenAnonymous && ctx.meta.anonymous === true);
        const handlerName = ctx.meta.handler?.name ? toSimplified(ctx.meta.handler.name.trim()) : '';
        if (nameApplies && name.length >= 2 && name !== handlerName && !/[*＊X×某]/.test(name)) {
          for (let i = simp.indexOf(name); i >= 0; i = simp.indexOf(name, i + name.length)) {
            taken.push([i, i + name.length]);
            const value = text.slice(i, i + name.length);
            const masked = `${value[0]}某`;
            ctx.report({
              messageId: 'reporterName',
              data: { value: maskName(value), masked },
              at: [i, i + name.length],
              suggestions: [
                suggestReplace(ctx.doc.toSource(i, i + name.length), '举报人'),
                suggestReplace(ctx.doc.toSource(i, i + name.length), masked),
              ],
            });
          }
        }
        if (o.surnames.length) {
          const p = prepared(o, prepareRoles);
          const detector = nameDetector(o.surnames);
          const scan = (roles: PatternSet) => {
            roles.forEachMatch(simp, 0, simp.length, (at, roleEnd) => {
              if (simp[at - 1] === '被') return;
              const matched = simp.slice(at, roleEnd);
              const roleLength = matched.replace(/[：:（( \t　]+$/, '').length;
              const start = roleEnd;
              const end = detector.wordNameAt(simp, start, simp.length, AFTER_NAME, p.notNames);
              if (end < 0 || overlaps(start, end) || simp.slice(start, end) === handlerName) return;
              if (o.segmenterCheck && isCommonWord(ctx.segmenter(), simp.slice(start, Math.min(simp.length, end + 6)), end - start)) return;
              taken.push([start, end]);
              const value = text.slice(start, end);
              const masked = `${value[0]}某`;
              // 举报人（张伟）反映 → 举报人反映: the closing bracket goes with the name
              const closes = /[（(]/.test(matched) && /[）)]/.test(simp[end] ?? '') ? 1 : 0;
              const remove = ctx.doc.toSource(at + roleLength, end + closes);
              ctx.report({
                messageId: 'namedReporter',
                data: { role: text.slice(at, at + roleLength), value: maskName(value), masked },
                at: [start, end],
                suggestions: [
                  { messageId: 'suggestDeleteName', fix: { range: remove, text: '' } },
                  suggestReplace(ctx.doc.toSource(start, end), masked),
                ],
              });
            });
          };
          scan(p.reporterRoles);
          if (nameApplies) scan(p.requesterRoles);
        }
      },
    };
  },
});

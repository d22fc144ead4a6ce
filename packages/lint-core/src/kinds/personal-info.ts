// `personal-info`: replies are published, so they must not expose ID-card numbers (GB 11643 checksum),
// bank-card numbers (Luhn), the requester's own phone, or — for reports and anonymous requests —
// the requester's name. Offers masking suggestions, never a fix (the clerk decides what to keep).
import { z } from 'zod';
import { defineKind } from './define.js';
import { findBankCards, findIdCards, findPhones, isMobile, maskMiddle, normalizePhone } from '../detect/identifiers.js';
import { toSimplified } from '../parse/t2s.js';

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
});

export const personalInfoKind = defineKind({
  kind: 'personal-info',
  description: '答复公开前不得含身份证号、银行卡号、诉求人电话、举报人姓名等个人信息',
  options,
  messageIds: (o) => ['idCard', 'bankCard', 'citizenPhone', 'reporterName', ...(o.otherMobiles ? ['otherMobile'] : [])],
  create(ctx, o) {
    return {
      document() {
        const { text, simp } = ctx.doc;
        const taken: [number, number][] = [];
        const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
        const suggest = (start: number, end: number, masked: string) => {
          const range = ctx.doc.toSource(start, end);
          return [{ desc: `改为：${masked}`, fix: { range, text: masked } }];
        };
        if (o.idCard) {
          for (const m of findIdCards(simp)) {
            const masked = maskMiddle(text.slice(m.start, m.end), 6, 4);
            taken.push([m.start, m.end]);
            ctx.report({ messageId: 'idCard', data: { value: text.slice(m.start, m.end), masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
          }
        }
        if (o.bankCard) {
          for (const m of findBankCards(simp)) {
            if (overlaps(m.start, m.end)) continue;
            const masked = maskMiddle(text.slice(m.start, m.end), 4, 4);
            taken.push([m.start, m.end]);
            ctx.report({ messageId: 'bankCard', data: { value: text.slice(m.start, m.end), masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
          }
        }
        const citizenPhone = ctx.meta.citizen?.phone ? normalizePhone(ctx.meta.citizen.phone) : '';
        const allowed = new Set(
          [ctx.meta.handler?.phone, ctx.settings.handler?.phone, ...o.allowPhones].filter((p): p is string => !!p).map(normalizePhone),
        );
        if ((o.citizenPhone && citizenPhone.length >= 7) || o.otherMobiles) {
          for (const m of findPhones(simp)) {
            if (overlaps(m.start, m.end)) continue;
            const value = text.slice(m.start, m.end);
            const masked = maskMiddle(value, 3, 4);
            if (o.citizenPhone && citizenPhone.length >= 7 && m.digits === citizenPhone && !allowed.has(m.digits)) {
              ctx.report({ messageId: 'citizenPhone', data: { value, masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
            } else if (o.otherMobiles && isMobile(m.digits) && !allowed.has(m.digits)) {
              ctx.report({ messageId: 'otherMobile', data: { value, masked }, at: [m.start, m.end], suggestions: suggest(m.start, m.end, masked) });
            }
          }
        }
        const name = ctx.meta.citizen?.name ? toSimplified(ctx.meta.citizen.name.trim()) : '';
        const nameApplies = o.nameForTypes.includes(ctx.meta.type ?? '') || (o.nameWhenAnonymous && ctx.meta.anonymous === true);
        const handlerName = ctx.meta.handler?.name ? toSimplified(ctx.meta.handler.name.trim()) : '';
        if (nameApplies && name.length >= 2 && name !== handlerName && !/[*＊X×某]/.test(name)) {
          for (let i = simp.indexOf(name); i >= 0; i = simp.indexOf(name, i + name.length)) {
            const value = text.slice(i, i + name.length);
            const masked = `${value[0]}某`;
            ctx.report({
              messageId: 'reporterName',
              data: { value, masked },
              at: [i, i + name.length],
              suggestions: [
                { desc: '改为：举报人', fix: { range: ctx.doc.toSource(i, i + name.length), text: '举报人' } },
                { desc: `改为：${masked}`, fix: { range: ctx.doc.toSource(i, i + name.length), text: masked } },
              ],
            });
          }
        }
      },
    };
  },
});

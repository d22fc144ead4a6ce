// `contact-time`: the reply gives the concrete date (and optionally time of day) of the
// handler's communication with the requester, in the same sentence as the communication act.
// Vague times do not count; a contact time before dispatch or after now is flagged.
import { z } from 'zod';
import { defineKind } from './define.js';
import { maskQuoted } from '../detect/mask.js';
import { compilePatterns, type PatternSet } from '../match/index.js';
import { perDocument, prepared } from '../util/memo.js';
import type { DocumentView } from '../parse/views.js';
import { findDatesIn, findVagueTimes, resolveDate, startOfDay, type DateHit } from '../detect/datetime.js';
import { formatBeijingHuman } from '../time.js';
import { patternSchema } from './options.js';

const options = z.strictObject({
  /** Communication acts (电话联系, 沟通, 回访, 见面, 上门…). */
  acts: z.array(patternSchema).min(1),
  /** The other party must be the requester (您, 市民, 诉求人, 陈先生…), in the same sentence. */
  requester: z.array(patternSchema).min(1),
  /** The contact must also give the time of day (10时15分, 上午9:30). */
  requireTimeOfDay: z.boolean().default(false),
});

/** A communication act with the requester in view[start, end): the act's start, or -1. */
export function contactActAt(simp: string, start: number, end: number, acts: PatternSet, requester: PatternSet): number {
  const body = simp.slice(start, end);
  const at = acts.firstIndex(body);
  if (at < 0) return -1;
  return requester.test(body) ? start + at : -1;
}

/** The acts and requester lists compiled for contactActs. */
export interface ContactPatterns {
  acts: PatternSet;
  requester: PatternSet;
  key: string;
}

// rules/lists/contact-acts.yaml is scanned over every sentence, so its shape costs:
// - an entry that starts with a common character (您, 到, 家) makes the scan of each sentence
//   more than twice as slow; that is why 到您家中 is not listed (上门, 入户, 走访 cover most wordings);
// - the lookbehind that excludes 请您自行联系… is repeated in four patterns on purpose: one shared
//   lookbehind before (?:联系|打电话|拨打|沟通) finds the same positions, but the scan of a sentence
//   goes from about 0.15 µs to about 0.7 µs.
export function contactPatterns(o: { acts: readonly string[]; requester: readonly string[] }): ContactPatterns {
  const acts = compilePatterns(o.acts);
  const requester = compilePatterns(o.requester);
  return { acts, requester, key: `contact\u0000${acts.key}\u0000${requester.key}` };
}

/** contactActAt for every sentence of the document (computed once per document and lists). */
export function contactActs(doc: DocumentView, p: ContactPatterns): Int32Array {
  return perDocument(doc, p.key, () => {
    const out = new Int32Array(doc.sentences.length);
    doc.sentences.forEach((s, i) => (out[i] = contactActAt(doc.simp, s.start, s.end, p.acts, p.requester)));
    return out;
  });
}

export const contactTimeKind = defineKind({
  kind: 'contact-time',
  description: '答复须写明与诉求人沟通的具体日期（可要求具体时刻），且在派单之后、当前时间之前',
  options,
  messageIds: ['missing', 'noContact', 'vague', 'noTimeOfDay', 'beforeDispatch', 'afterNow'],
  create(ctx, o) {
    const patterns = prepared(o, contactPatterns);
    return {
      document() {
        const { simp, text, sentences } = ctx.doc;
        const dispatched = ctx.meta.dispatchedAt;
        const ref = dispatched ?? ctx.now;
        let previous: Date | undefined;
        const contacts: { hit: DateHit; at: Date }[] = [];
        let vague: { start: number; end: number } | undefined;
        const actAt = contactActs(ctx.doc, patterns);
        const datesIn = findDatesIn(simp, sentences);
        const mode = dispatched ? 'nearest' : 'past';
        for (let i = 0; i < sentences.length; i++) {
          const act = actAt[i]!;
          // the contact's date: the last event date before the contact verb, else the first after
          // it (plain loops: fresh arrays of different element kinds made V8 deoptimize this hook)
          let before: DateHit | undefined;
          let beforeAt: Date | undefined;
          let after: DateHit | undefined;
          let afterAt: Date | undefined;
          for (const hit of datesIn[i]!) {
            const at = resolveDate(hit, ref, previous, mode); // every date, in order: each is read against the one before
            if (!at || hit.deadline) continue;
            previous = at;
            if (act < 0) continue;
            if (hit.start < act) {
              before = hit;
              beforeAt = at;
            } else if (hit.start > act && !after) {
              after = hit;
              afterAt = at;
            }
          }
          if (act < 0) continue;
          if (before) contacts.push({ hit: before, at: beforeAt! });
          else if (after) contacts.push({ hit: after, at: afterAt! });
          else if (!vague) vague = findVagueTimes(simp, sentences[i]!.start, sentences[i]!.end)[0];
        }
        if (!contacts.length) {
          if (vague) ctx.report({ messageId: 'vague', data: { phrase: maskQuoted(text.slice(vague.start, vague.end), ctx) }, at: [vague.start, vague.end] });
          // no contact narrated at all: one report for both elements (communication-details is
          // silent then), saying what to write
          else ctx.report({ messageId: actAt.some((a) => a >= 0) ? 'missing' : 'noContact' });
          return;
        }
        for (const { hit, at } of contacts) {
          const date = text.slice(hit.start, hit.end);
          const exact = hit.hour !== undefined;
          if (dispatched && (exact ? at < dispatched : at < startOfDay(dispatched))) {
            ctx.report({ messageId: 'beforeDispatch', data: { date, dispatched: formatBeijingHuman(dispatched) }, at: [hit.start, hit.end] });
          } else if (exact ? at > ctx.now : at > startOfDay(ctx.now)) {
            ctx.report({ messageId: 'afterNow', data: { date, now: formatBeijingHuman(ctx.now) }, at: [hit.start, hit.end] });
          }
        }
        if (o.requireTimeOfDay && !contacts.some((c) => c.hit.hour !== undefined)) {
          const first = contacts[0]!.hit;
          ctx.report({ messageId: 'noTimeOfDay', data: { date: text.slice(first.start, first.end) }, at: [first.start, first.end] });
        }
      },
    };
  },
});

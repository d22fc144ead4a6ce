// `on-topic`: the reply addresses the request, each point of it when the request lists several.
// Keywords of each point come from word segmentation (this is where it earns its place: only
// documents with `request` metadata load the segmenter). A point counts as addressed when enough
// of its keywords (or a two-character part of a longer keyword) occur in the reply; of a request
// in several points, each point is judged on the keywords it does not share with the others.
import { z } from 'zod';
import { defineKind } from './define.js';
import { toSimplified } from '../parse/t2s.js';
import type { Segmenter } from '../segment/types.js';
import { maskQuoted } from '../detect/mask.js';
import { prepared } from '../util/memo.js';

const options = z.strictObject({
  /** Share of a point's keywords the reply must mention (at least one). */
  minCoverage: z.number().min(0).max(1).default(0.3),
  /** Keywords taken per point. */
  maxKeywords: z.number().int().min(1).default(8),
  /** Points with fewer keywords than this are not judged (one word is too fragile a test). */
  minKeywords: z.number().int().min(1).default(2),
  /** Words never used as keywords (greetings, generic verbs of complaint). */
  stopwords: z.array(z.string()).default([]),
});

// 1. / 1、 / （1） / ① / 一是 / 第一，  at the start of a line or after whitespace/punctuation
// (（1） and ① mark a point anywhere)
const POINT_MARKER = /(?:^|[\s，,；;。：:])(?:\d{1,2}[.、．)）](?!\d)|[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、])|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩]/g;
const KEEP_TAG = /^(?:n|nr|ns|nt|nz|vn|v|an|a|eng|l|i|j)$/;

export function splitPoints(request: string): string[] {
  const marks = [...request.matchAll(POINT_MARKER)];
  if (marks.length < 2) return [request.trim()].filter(Boolean);
  const points: string[] = [];
  for (let i = 0; i < marks.length; i++) {
    const start = marks[i]!.index + marks[i]![0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index + (/[\s，,；;。：:]/.test(marks[i + 1]![0][0]!) ? 1 : 0) : request.length;
    const p = request.slice(start, end).trim();
    if (p) points.push(p);
  }
  return points;
}

// Full-width sentence punctuation: the segmenter cuts there anyway (only Han characters, Latin
// letters and digits join into words), so tagging a point clause by clause gives the same words
// as tagging it whole, and lets pointKeywords stop at the clause where it has enough.
const CLAUSE_END = /[。！？；，、：\n]/g;

export function pointKeywords(seg: Segmenter, point: string, stop: ReadonlySet<string>, max: number): string[] {
  const out: string[] = [];
  let from = 0;
  // clauses of ~60 characters or more at a time: one call per tiny clause would cost more
  while (from < point.length && out.length < max) {
    let to = point.length;
    CLAUSE_END.lastIndex = Math.min(from + 60, point.length);
    const end = CLAUSE_END.exec(point);
    if (end) to = end.index + 1;
    for (const { word, tag } of seg.tag(point.slice(from, to))) {
      if (word.length < 2 || !KEEP_TAG.test(tag) || stop.has(word) || /^[\d\p{P}\s]+$/u.test(word) || out.includes(word)) continue;
      out.push(word);
      if (out.length >= max) break;
    }
    from = to;
  }
  return out;
}

function mentioned(reply: string, keyword: string): boolean {
  if (reply.includes(keyword)) return true;
  if (keyword.length < 3) return false;
  for (let i = 0; i + 2 <= keyword.length; i++) if (reply.includes(keyword.slice(i, i + 2))) return true;
  return false;
}

type Options = z.output<typeof options>;

/** Per rule options (a named function: prepared() keys on it, an inline one would never be found again). */
function requestMemo(o: Options) {
  return { stop: new Set(o.stopwords), bySegmenter: new WeakMap<Segmenter, Map<string, { points: string[]; all: string[][] }>>() };
}

export const onTopicKind = defineKind({
  kind: 'on-topic',
  description: '答复须回应诉求，诉求分条列出时逐条回应',
  options,
  messageIds: ['offTopic', 'unaddressed'],
  needsSegmenter: () => true,
  create(ctx, o) {
    return {
      document() {
        const request = ctx.meta.request;
        if (!request || !request.trim()) return;
        const seg = ctx.segmenter();
        const reply = ctx.doc.simp;
        // an editor checks the same ticket at every keystroke: the request's points and keywords are
        // kept per rule options and segmenter, for the last few requests
        const memo = prepared(o, requestMemo);
        let byRequest = memo.bySegmenter.get(seg);
        if (!byRequest) memo.bySegmenter.set(seg, (byRequest = new Map()));
        let parsed = byRequest.get(request);
        if (!parsed) {
          const points = splitPoints(toSimplified(request));
          parsed = { points, all: points.map((point) => pointKeywords(seg, point, memo.stop, o.maxKeywords)) };
          if (byRequest.size >= 32) byRequest.delete(byRequest.keys().next().value!);
          byRequest.set(request, parsed);
        }
        const { points, all } = parsed;
        const missing: { index: number; point: string; keywords: string[] }[] = [];
        points.forEach((point, i) => {
          // words shared with another point (the common subject: 1. 烧烤店油烟大；2. 烧烤店经营到凌晨)
          // do not show that this point was answered; judge it on its own words when it has enough
          const own = all[i]!.filter((k) => !all.some((other, j) => j !== i && other.includes(k)));
          const kws = own.length >= o.minKeywords ? own : all[i]!;
          if (kws.length < o.minKeywords) return;
          // the message names the words the reply does not mention, not the ones it does
          const absent = kws.filter((k) => !mentioned(reply, k));
          if (kws.length - absent.length < Math.max(1, Math.ceil(kws.length * o.minCoverage))) missing.push({ index: i + 1, point, keywords: absent });
        });
        // the request is the citizen's own text: numbers and known names in it are masked before the
        // point is cut short (a cut would leave a number the masking no longer recognises)
        const mask = (s: string) => maskQuoted(s, ctx);
        const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s).replace(/\s+/g, ' ');
        const keywords = (k: string[]) => mask(k.slice(0, 4).join('、'));
        if (points.length === 1 && missing.length === 1) {
          ctx.report({ messageId: 'offTopic', data: { keywords: keywords(missing[0]!.keywords) }, metaKey: 'request' });
          return;
        }
        for (const m of missing) {
          ctx.report({ messageId: 'unaddressed', data: { index: m.index, point: short(mask(m.point)), keywords: keywords(m.keywords) }, metaKey: 'request' });
        }
      },
    };
  },
});

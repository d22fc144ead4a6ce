// Dates and times of day in reply prose (Simplified view): concrete dates (2024年9月25日,
// 9月25日, 2024-09-25, 九月二十五日) with an optional time of day right after them
// (10时15分, 上午9:30, 下午3点半), relative days (当天, 次日…) resolved against the previous date,
// and vague times (近日, 日前, 第一时间…). A date without a year resolves to the year that puts it
// nearest a reference instant (the ticket's dispatch time, else now). Linear in the input.
import { MACROS } from '../match/source.js';
import { beijingMs, beijingParts } from '../time.js';
import { execAll } from '../match/scan.js';

const CN = '[〇零一二三四五六七八九十两]';
const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
const PERIOD = '凌晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|当晚|晚';
const TIME = `(${PERIOD})?\\s*(?:(${NUM})\\s*(?:[:：]\\s*(\\d{2})|[时点](?:\\s*(${NUM})\\s*分|(半))?))?`;
// Capture groups (numbered, not named: a match with named groups also builds a `groups` object,
// a measurable share of the scan). Keep G in step with the pattern.
const DATE_RE = new RegExp(
  `(?:(?:((?:19|20)\\d{2})\\s*年\\s*)?(${NUM})\\s*月\\s*(${NUM})\\s*[日号]|((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})|(当天|当日|同日|同一天|次日|翌日|第二天|当晚))(?:[（(]\\s*(?:星期|周)[一二三四五六日天]\\s*[）)])?\\s*${TIME}`,
  'g',
);
/** Group numbers of DATE_RE: year, month, day (年月日 form); y2, m2, d2 (2024-09-25 form); relative day; time of day. */
const G = { y: 1, m: 2, d: 3, y2: 4, m2: 5, d2: 6, rel: 7, period: 8, h: 9, mi: 10, mi2: 11, half: 12 } as const;
const VAGUE_RE = new RegExp(MACROS.vagueTime!, 'g');
/** Right after a date: it is a deadline or a start, not the moment something happened. */
const DEADLINE_AFTER_RE = /^\s*(?:之前|以前|前|之后|以后|后|起|开始|之内|以内|内|至|到|—|－|-)/;
/** …but 9时至17时 is a span of one day: when something happened, not a deadline. */
const SAME_DAY_SPAN_RE = /^\s*(?:至|到|—|－|-|~|～)\s*(?:(?:上午|下午|中午|晚上|傍晚)\s*)?[0-9０-９一二三四五六七八九十]{1,3}\s*(?:时|点|[:：][0-9]{2})/;

export interface DateHit {
  /** View range [start, end) of the date including its time of day. */
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** Relative day (当天 = 0, 次日 = 1), resolved against the previous concrete date. */
  relative?: number;
  hour?: number;
  minute?: number;
  /** The date is followed by 前/后/起/内… (a deadline or start, not an event). */
  deadline: boolean;
}

export function parseCnNumber(s: string): number {
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39 && /^\d+$/.test(s)) return Number(s);
  const v = (c: string) => (c === '〇' || c === '零' ? 0 : c === '两' ? 2 : '一二三四五六七八九'.indexOf(c) + 1);
  const t = s.indexOf('十');
  if (t < 0) return s.split('').reduce((acc, c) => acc * 10 + v(c), 0);
  const tens = t === 0 ? 1 : v(s[t - 1]!);
  const ones = t === s.length - 1 ? 0 : v(s[t + 1]!);
  return tens * 10 + ones;
}

function hourOf(h: number, period: string | undefined): number {
  if (!period) return h;
  if (/下午|傍晚|晚|夜/.test(period) && h < 12) return h + 12;
  if (/中午|午间/.test(period) && h < 6) return h + 12;
  return h;
}

/** Dates (with their time of day) in view[start, end). */
export function findDates(text: string, start = 0, end = text.length): DateHit[] {
  const out: DateHit[] = [];
  const slice = text.slice(start, end);
  for (const m of execAll(DATE_RE, slice)) {
    const hit = dateHit(m, text, start + m.index, end);
    if (hit) out.push(hit);
  }
  return out;
}

/**
 * findDates for each of the given (ordered, disjoint) ranges, in one scan of the whole text.
 * A match that runs past the end of its range is what a scan of that range alone would have cut
 * short, so such ranges (and the next one, which the match ran into) are scanned on their own.
 */
export function findDatesIn(text: string, ranges: readonly { start: number; end: number }[]): DateHit[][] {
  const out: DateHit[][] = ranges.map(() => []);
  const redo = new Set<number>();
  let k = 0;
  for (const m of execAll(DATE_RE, text)) {
    const s = m.index;
    const e = s + m[0].length;
    while (k < ranges.length && ranges[k]!.end <= s) k++;
    if (k >= ranges.length) break;
    const r = ranges[k]!;
    if (s < r.start) {
      // starts in a gap between ranges (whitespace only): cannot be a date on its own
      if (e > r.start) redo.add(k);
      continue;
    }
    if (e > r.end) {
      redo.add(k);
      for (let j = k + 1; j < ranges.length && ranges[j]!.start < e; j++) redo.add(j);
      continue;
    }
    const hit = dateHit(m, text, s, r.end);
    if (hit) out[k]!.push(hit);
  }
  for (const i of redo) out[i] = findDates(text, ranges[i]!.start, ranges[i]!.end);
  return out;
}

/** The hit for a DATE_RE match at text[s…] inside a range ending at `end`; undefined for 13月. */
function dateHit(m: RegExpMatchArray, text: string, s: number, end: number): DateHit | undefined {
  let e = s + m[0].length;
  const hit: DateHit = { start: s, end: e, deadline: false };
  const rel = m[G.rel];
  if (rel) {
    hit.relative = rel === '次日' || rel === '翌日' || rel === '第二天' ? 1 : 0;
  } else {
    const y = m[G.y] ?? m[G.y2];
    const month = parseCnNumber((m[G.m] ?? m[G.m2])!);
    const day = parseCnNumber((m[G.d] ?? m[G.d2])!);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    if (y) hit.year = Number(y);
    hit.month = month;
    hit.day = day;
  }
  const period = m[G.period];
  const h = m[G.h];
  if (h) {
    const hour = hourOf(parseCnNumber(h), period ?? (rel === '当晚' ? '晚' : undefined));
    const mi = m[G.mi] ?? m[G.mi2];
    const minute = m[G.half] ? 30 : mi ? parseCnNumber(mi) : 0;
    if (hour <= 24 && minute < 60) {
      hit.hour = hour === 24 ? 0 : hour;
      hit.minute = minute;
    }
  } else if (period) {
    // "9月24日上午": a part of the day, not a time of day; keep the range tight
    e -= m[0].length - m[0].trimEnd().length;
  }
  hit.end = e;
  const after = s + m[0].length;
  if (DEADLINE_AFTER_RE.test(text.slice(after, Math.min(end, after + 3)))) {
    hit.deadline = !(h && SAME_DAY_SPAN_RE.test(text.slice(after, Math.min(end, after + 12))));
  }
  return hit;
}

export interface VagueHit {
  start: number;
  end: number;
  text: string;
}

/** Vague times (近日, 日前, 第一时间, 及时…) in view[start, end). */
export function findVagueTimes(text: string, start = 0, end = text.length): VagueHit[] {
  const out: VagueHit[] = [];
  for (const m of execAll(VAGUE_RE, text.slice(start, end))) {
    // "20日前" is a deadline (day 20), not 日前 (a few days ago)
    if (m[0].startsWith('日') && /[\d〇零一二三四五六七八九十两]/.test(text[start + m.index - 1] ?? '')) continue;
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * The instant of a date hit. A date without a year takes the year (of ref's year −1, 0, +1) that puts
 * it nearest `ref` (mode `nearest`, for a reference such as the dispatch time), or the latest one
 * not after the end of ref's day (mode `past`, when ref is "now": the reply narrates past events).
 * A relative day is counted from `previous` (the last concrete date before it).
 * Without an hour the instant is the start of that day (Beijing time). Undefined when unresolvable.
 */
export function resolveDate(hit: DateHit, ref: Date, previous?: Date, mode: 'nearest' | 'past' = 'nearest'): Date | undefined {
  let y: number, mo: number, d: number;
  if (hit.relative !== undefined) {
    if (!previous) return undefined;
    const p = beijingParts(new Date(previous.getTime() + hit.relative * 86400000));
    y = p.year;
    mo = p.month;
    d = p.day;
  } else {
    mo = hit.month!;
    d = hit.day!;
    if (d > daysInMonth(hit.year ?? 2024, mo)) return undefined; // 2月30日 (2月29日 checked below)
    if (hit.year !== undefined) y = hit.year;
    else {
      const r = refParts(ref);
      let best = r.year;
      let bestDist = Infinity;
      for (let cand = r.year - 1; cand <= r.year + 1; cand++) {
        const t = beijingMs(cand, mo, d);
        const dist = mode === 'past' ? (t < r.dayEnd ? r.dayEnd - t : Infinity) : Math.abs(t - r.time);
        if (dist < bestDist) {
          bestDist = dist;
          best = cand;
        }
      }
      y = best;
    }
  }
  if (d > daysInMonth(y, mo)) return undefined; // 2月29日 in a common year
  return new Date(beijingMs(y, mo, d, hit.hour ?? 0, hit.minute ?? 0));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// the reference instant is the same for every date of a document: its parts are computed once
let lastRef: { time: number; year: number; dayEnd: number } | undefined;
function refParts(ref: Date): { time: number; year: number; dayEnd: number } {
  const time = ref.getTime();
  if (lastRef?.time !== time) {
    const p = beijingParts(ref);
    lastRef = { time, year: p.year, dayEnd: beijingMs(p.year, p.month, p.day) + 86400000 };
  }
  return lastRef;
}

/** Start of the Beijing calendar day of an instant. */
export function startOfDay(date: Date): Date {
  const p = beijingParts(date);
  return new Date(beijingMs(p.year, p.month, p.day));
}

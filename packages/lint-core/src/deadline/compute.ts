// computeDeadlines: every event of a profile's deadline table for one dispatch, with due time
// (Beijing), Chinese rule text and source clause.
import { ReplylintError } from '../util/errors.js';
import { formatBeijing, formatBeijingHuman, parseBeijingTime } from '../time.js';
import type { Extension, RequestType } from '../types.js';
import { REQUEST_TYPE_HINT, requestTypeOf, TYPE_NAMES } from '../meta/keys.js';
import { type Calendar, dayOf, formatIsoDay, instantAt, loadCalendar, recordingCalendar } from './calendar.js';
import { PROVISIONAL_MARK, STATUTORY_BASIS } from './statutory.js';
import { addWorkingDaysN, effectiveReceipt, parseClock, subtractWorkingDaysN, workingDaysBetweenN, type WorkingClock } from './arith.js';
import { type Conventions, type DeadlineEvent, type DeadlineTable, type DueSpec, typesOf } from './table.js';

export { TYPE_NAMES };

/** Bad input to the calculator (unknown type, bad date, profile without table…). */
export class DeadlineInputError extends ReplylintError {
  override name = 'DeadlineInputError';
  constructor(message: string) {
    super(message, 'deadline-input');
  }
}

export interface ComputeDeadlinesInput {
  /** Dispatch time: a Date, ISO 8601 with offset, or Beijing wall-clock `2024-09-27 10:00`. */
  dispatchedAt: Date | string;
  /** Request type (REQUEST_TYPES; Chinese names 投诉… accepted). */
  type?: string;
  /** Profile name (its chain's most specific `deadlines:` table applies). */
  profile: string;
  /** An extension (延期): approval time and new deadline. */
  extension?: { approvedAt?: Date | string; until?: Date | string };
  /** Calendar (default: the shipped one, merged with `calendarFile`). */
  calendar?: Calendar;
  /** User calendar file (`calendar:` in .replylintrc.yaml). */
  calendarFile?: string;
}

export interface DeadlineEntry {
  event: string;
  /** Chinese event name (签收、办结…) */
  name: string;
  /** null when the document sets no limit (see `note`). */
  due: Date | null;
  rule: string;
  source: string;
  note?: string;
  /** The due time depends on a year with no published notice (computed from the statutory holidays). */
  provisional?: true;
}

/** Set when a result depends on years computed from the statutory holidays (no notice yet). */
export interface Provisional {
  /** The computed years the result depends on. */
  years: number[];
  /** 暂按法定节假日推算（未含调休） */
  mark: string;
  /** The rule the holidays were computed from. */
  basis: string;
}

export function provisionalOf(years: readonly number[]): Provisional | undefined {
  return years.length ? { years: [...years], mark: PROVISIONAL_MARK, basis: STATUTORY_BASIS } : undefined;
}

/** Chinese statement of a provisional result, for display (「2027 年暂按法定节假日推算（未含调休）…」). */
export function provisionalText(p: Provisional): string {
  return `${p.years.join('、')} 年尚无国务院办公厅节假日安排，${p.mark}，通知发布后以通知为准。`;
}

export interface ConventionsOut extends Conventions {
  /** Chinese statements of each convention, for display. */
  notes: string[];
}

export interface DeadlineResult {
  /** Profile asked for. */
  profile: string;
  /** Profile whose table is used. */
  tableProfile: string;
  document: string;
  note?: string;
  dispatchedAt: Date;
  type?: RequestType;
  /** When the dispatch counts as received under the conventions. */
  receipt: { day: string; afternoon: boolean; shifted: boolean };
  conventions: ConventionsOut;
  deadlines: DeadlineEntry[];
  /** Present when any due time depends on a computed year. */
  provisional?: Provisional;
}

export function workingClock(c: Conventions): WorkingClock {
  return { start: parseClock(c.workdayStart), noon: parseClock(c.noon), end: parseClock(c.workdayEnd) };
}

export function conventionNotes(c: Conventions): string[] {
  return [
    `工作日下班时间 ${c.workdayEnd}：“N个工作日内”截止于收到工单当日之后第N个工作日的 ${c.workdayEnd}（收到当日不计入）。`,
    `${c.noon} 及以后派发的算下午，${c.noon} 之前的算上午。`,
    `非工作日（周末、法定节假日）派发的，视为下一个工作日上午（${c.workdayStart}）收到。`,
    '调休上班的周末按工作日计算；工作日以国务院办公厅当年节假日安排为准。',
  ];
}

export function parseRequestType(input: string): RequestType {
  const type = requestTypeOf(input);
  if (type) return type;
  throw new DeadlineInputError(`未知的诉求类型「${input}」，可用：${REQUEST_TYPE_HINT}`);
}

export function parseDispatch(input: Date | string, what = '派单时间'): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new DeadlineInputError(`${what}无效`);
    return input;
  }
  const d = parseBeijingTime(input);
  if (!d) throw new DeadlineInputError(`无法识别的${what}「${input}」：请写成 2024-09-27T10:00:00+08:00 或 2024-09-27 10:00（北京时间）`);
  return d;
}

/** Resolves the due spec and rule text of an event for a request type. */
function specFor(e: DeadlineEvent, type: RequestType | undefined, typed: RequestType[]): { due?: DueSpec; rule: string; source: string; note?: string } {
  if (e.due) return { due: e.due, rule: e.rule!, source: e.source };
  if (!type) {
    return {
      rule: e.rule ?? `${e.name}时限因诉求类型而异`,
      source: e.source,
      note: `未指定诉求类型，无法确定${e.name}时限（可选：${typed.map((t) => `${t}（${TYPE_NAMES[t]}）`).join('、')}）。`,
    };
  }
  const t = e.byType![type];
  if (!t) return { rule: e.rule ?? `${e.name}时限`, source: e.source, note: `文件未规定${TYPE_NAMES[type]}类诉求的${e.name}时限。` };
  return { due: t.due, rule: t.rule, source: t.source ?? e.source };
}

interface Ctx {
  cal: Calendar;
  clock: WorkingClock;
  at: Date;
  receiptDay: number;
  afternoon: boolean;
  completion?: { due: Date | null; days?: number; kind?: DueSpec['kind'] };
}

function dueOf(spec: DueSpec, c: Ctx): { due: Date | null; note?: string } {
  switch (spec.kind) {
    case 'half-day':
      return { due: c.afternoon ? instantAt(addWorkingDaysN(c.cal, c.receiptDay, 1), c.clock.noon) : instantAt(c.receiptDay, c.clock.end) };
    case 'working-days':
      return { due: instantAt(addWorkingDaysN(c.cal, c.receiptDay, spec.days), c.clock.end) };
    case 'same-working-day':
      return { due: instantAt(c.receiptDay, c.clock.end) };
    case 'same-day':
      return { due: instantAt(dayOf(c.at), 24 * 60 - 1) };
    case 'before-completion': {
      const comp = c.completion;
      if (!comp?.due) return { due: null, note: '办结时限未确定，无法计算。' };
      if (comp.kind !== 'working-days') return { due: null, note: '该类诉求须当天办结，不适用提前申请延期。' };
      const day = subtractWorkingDaysN(c.cal, dayOf(comp.due), spec.workingDays);
      if (day < c.receiptDay) return { due: null, note: '办结时限过短，无法在届满前提出延期申请。' };
      return { due: instantAt(day, c.clock.end) };
    }
    case 'extension-max': {
      const comp = c.completion;
      if (!comp?.due) return { due: null, note: '办结时限未确定，无法计算。' };
      if (comp.kind !== 'working-days' || !comp.days) return { due: null, note: '该类诉求须当天办结，不适用延期。' };
      return { due: instantAt(addWorkingDaysN(c.cal, dayOf(comp.due), comp.days), c.clock.end) };
    }
    case 'none':
      return { due: null, note: spec.note };
  }
}

export function computeWithTable(table: DeadlineTable, input: Omit<ComputeDeadlinesInput, 'profile'> & { profile?: string }): DeadlineResult {
  // records which computed (provisional) years each due time consults
  const cal = recordingCalendar(input.calendar ?? loadCalendar(input.calendarFile));
  const at = parseDispatch(input.dispatchedAt);
  const type = input.type === undefined ? undefined : parseRequestType(input.type);
  const clock = workingClock(table.conventions);
  const receipt = effectiveReceipt(cal, at, clock);
  const receiptYears = cal.take();
  const provisionalYears = new Set<number>();
  let completionYears: number[] = [];
  const typed = typesOf(table);
  const ctx: Ctx = { cal, clock, at, receiptDay: receipt.day, afternoon: receipt.afternoon };
  const deadlines: DeadlineEntry[] = [];
  // completion first: extension events refer to it
  const order = [...table.events].sort((a, b) => Number(b.event === 'completion') - Number(a.event === 'completion'));
  const byEvent = new Map<string, DeadlineEntry>();
  for (const e of order) {
    const spec = specFor(e, type, typed);
    const { due, note } = spec.due ? dueOf(spec.due, ctx) : { due: null, note: spec.note };
    // the receipt day and (for extension events) the completion deadline feed into this due time
    const dependsOnCompletion = spec.due?.kind === 'before-completion' || spec.due?.kind === 'extension-max';
    const years = [...new Set([...receiptYears, ...cal.take(), ...(dependsOnCompletion ? completionYears : [])])];
    const provisional = due !== null && years.length > 0;
    if (provisional) years.forEach((y) => provisionalYears.add(y));
    const entry: DeadlineEntry = {
      event: e.event,
      name: e.name,
      due,
      rule: spec.rule,
      source: spec.source,
      ...(note ?? spec.note ? { note: note ?? spec.note } : {}),
      ...(provisional ? { provisional: true as const } : {}),
    };
    if (e.event === 'completion') {
      ctx.completion = { due, kind: spec.due?.kind, days: spec.due?.kind === 'working-days' ? spec.due.days : undefined };
      completionYears = years;
    }
    byEvent.set(e.event, entry);
  }
  for (const e of table.events) deadlines.push(byEvent.get(e.event)!);

  if (input.extension && (input.extension.until !== undefined || input.extension.approvedAt !== undefined)) {
    deadlines.push(extensionEntry(input.extension, byEvent));
  }
  return {
    profile: input.profile ?? table.usedBy,
    tableProfile: table.profile,
    document: table.document,
    ...(table.note ? { note: table.note } : {}),
    dispatchedAt: at,
    ...(type ? { type } : {}),
    receipt: { day: formatIsoDay(receipt.day), afternoon: receipt.afternoon, shifted: receipt.shifted },
    conventions: { ...table.conventions, notes: conventionNotes(table.conventions) },
    deadlines,
    ...(provisionalYears.size ? { provisional: provisionalOf([...provisionalYears].sort((a, b) => a - b))! } : {}),
  };
}

function extensionEntry(ext: NonNullable<ComputeDeadlinesInput['extension']>, byEvent: Map<string, DeadlineEntry>): DeadlineEntry {
  const until = ext.until === undefined ? undefined : parseDispatch(ext.until, '延期截止时间');
  const approvedAt = ext.approvedAt === undefined ? undefined : parseDispatch(ext.approvedAt, '延期批准时间');
  const max = byEvent.get('extension-max');
  const completion = byEvent.get('completion');
  const notes: string[] = [];
  if (!approvedAt) notes.push('未写明延期批准时间（approvedAt），延期视为未获批准，仍按原办结时限。');
  if (!until) notes.push('未写明延期截止时间（until）。');
  if (until && max?.due && until > max.due) notes.push(`延期至 ${formatBeijingHuman(until)} 超过了允许的最晚时限 ${formatBeijingHuman(max.due)}（延长时限不得超过原办理时限）。`);
  if (until && completion?.due && until < completion.due) notes.push('延期截止时间早于原办结时限。');
  return {
    event: 'completion-extended',
    name: '延期后办结',
    due: approvedAt && until ? until : null,
    rule: until ? `经批准延期至 ${formatBeijingHuman(until)}${approvedAt ? `（${formatBeijingHuman(approvedAt)} 批准）` : ''}` : '延期办结',
    source: max?.source ?? completion?.source ?? '',
    ...(notes.length ? { note: notes.join('') } : {}),
  };
}

/**
 * Time between `at` and `due`: working days when on different days, else hours and minutes.
 * `provisional: true` when the working days counted fall in a computed year (no notice yet).
 */
export function timeLeft(cal: Calendar, due: Date, at: Date): { overdue: boolean; workingDays: number; minutes: number; text: string; provisional?: true } {
  const overdue = at.getTime() > due.getTime();
  const [a, b] = overdue ? [due, at] : [at, due];
  const minutes = Math.round((b.getTime() - a.getTime()) / 60_000);
  const rec = recordingCalendar(cal);
  const workingDays = Math.max(0, workingDaysBetweenN(rec, dayOf(a), dayOf(b)));
  const span = workingDays > 0 ? `${workingDays} 个工作日` : formatMinutes(minutes);
  return { overdue, workingDays, minutes, text: overdue ? `已逾期 ${span}` : `剩余 ${span}`, ...(rec.provisionalYears.length ? { provisional: true as const } : {}) };
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

/** JSON shape of the CLI/HTTP output. */
export function deadlinesToJson(r: DeadlineResult, at?: Date, cal?: Calendar): Record<string, unknown> {
  return {
    profile: r.profile,
    tableProfile: r.tableProfile,
    document: r.document,
    ...(r.note ? { note: r.note } : {}),
    dispatchedAt: formatBeijing(r.dispatchedAt),
    ...(r.type ? { type: r.type } : {}),
    receipt: r.receipt,
    conventions: r.conventions,
    ...(at ? { at: formatBeijing(at) } : {}),
    deadlines: r.deadlines.map((d) => ({
      event: d.event,
      name: d.name,
      due: d.due ? formatBeijing(d.due) : null,
      rule: d.rule,
      source: d.source,
      ...(d.note ? { note: d.note } : {}),
      ...(d.provisional ? { provisional: true } : {}),
      ...(at && d.due && cal ? { timeLeft: timeLeft(cal, d.due, at) } : {}),
    })),
    ...(r.provisional ? { provisional: { ...r.provisional, text: provisionalText(r.provisional) } } : {}),
  };
}

export type { Extension };

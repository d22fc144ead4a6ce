// Working-day arithmetic over a Calendar. Day-level functions take day numbers (see calendar.ts);
// the exported convenience wrappers take `Date | 'YYYY-MM-DD'` and return 'YYYY-MM-DD'.
import { ReplylintError } from '../util/errors.js';
import { parseBeijingTime } from '../time.js';
import { type Calendar, dayOf, formatIsoDay, instantAt, loadCalendar, minuteOfDay, parseIsoDay } from './calendar.js';

/** The n-th working day strictly after `day` (n ≥ 1); `day` itself for n = 0. */
export function addWorkingDaysN(cal: Calendar, day: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

/** The n-th working day strictly before `day` (n ≥ 1). */
export function subtractWorkingDaysN(cal: Calendar, day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d--;
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

/** Number of working days d with a < d ≤ b (negative when b < a). Inverse of addWorkingDaysN. */
export function workingDaysBetweenN(cal: Calendar, a: number, b: number): number {
  if (b < a) return -workingDaysBetweenN(cal, b, a);
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (cal.isWorkingDay(d)) n++;
  return n;
}

/** `day` if it is a working day, else the next working day. */
export function workingDayOnOrAfter(cal: Calendar, day: number): number {
  let d = day;
  while (!cal.isWorkingDay(d)) d++;
  return d;
}

/** The working day strictly after `day`. */
export function nextWorkingDay(cal: Calendar, day: number): number {
  return addWorkingDaysN(cal, day, 1);
}

/** Minutes since midnight from "HH:MM". */
export function parseClock(s: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`时刻应为 HH:MM：${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export interface WorkingClock {
  /** Start of the working day, minutes since midnight (08:30 → 510). */
  start: number;
  /** Noon: from this minute on a time counts as afternoon (12:00 → 720). */
  noon: number;
  /** End of the working day (17:30 → 1050). */
  end: number;
}

/**
 * When a dispatch counts as received: on a working day, the dispatch day and its half
 * (morning before `noon`, afternoon from `noon` on, 12:00 included); on a non-working day,
 * the morning of the next working day.
 */
export function effectiveReceipt(cal: Calendar, at: Date, clock: WorkingClock): { day: number; afternoon: boolean; shifted: boolean } {
  const day = dayOf(at);
  if (cal.isWorkingDay(day)) return { day, afternoon: minuteOfDay(at) >= clock.noon, shifted: false };
  return { day: workingDayOnOrAfter(cal, day), afternoon: false, shifted: true };
}

/** "Within n working days": the end of the n-th working day after the (effective) receipt day. */
export function withinWorkingDays(cal: Calendar, at: Date, n: number, clock: WorkingClock): Date {
  const { day } = effectiveReceipt(cal, at, clock);
  return instantAt(addWorkingDaysN(cal, day, n), clock.end);
}

/** Working-day time between two instants, for "overdue by": whole working days after `from`'s day and clock minutes. */
export function lateness(cal: Calendar, due: Date, actual: Date): { workingDays: number; minutes: number } {
  const days = workingDaysBetweenN(cal, dayOf(due), dayOf(actual));
  const minutes = Math.max(0, Math.round((actual.getTime() - due.getTime()) / 60_000));
  return { workingDays: Math.max(0, days), minutes };
}

export { instantAt, dayOf };

// ---------------------------------------------------------------------------------------------
// Public convenience API ('YYYY-MM-DD' or Date in Beijing time)

export type DayInput = Date | string;

export function toDay(input: DayInput): number {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new ReplylintError('无效的日期', 'bad-date');
    return dayOf(input);
  }
  const d = parseIsoDay(input.trim());
  if (d !== undefined) return d;
  const t = parseBeijingTime(input);
  if (!t) throw new ReplylintError(`无法识别的日期「${input}」：请写成 2024-09-27 或 2024-09-27 10:00`, 'bad-date');
  return dayOf(t);
}

/** Whether a date (Beijing) is a working day. Throws CalendarGapError for a year with no data. */
export function isWorkingDay(date: DayInput, calendar: Calendar = loadCalendar()): boolean {
  return calendar.isWorkingDay(toDay(date));
}

/** The n-th working day after `date` ('YYYY-MM-DD'); `date` itself for n = 0. */
export function addWorkingDays(date: DayInput, n: number, calendar: Calendar = loadCalendar()): string {
  return formatIsoDay(addWorkingDaysN(calendar, toDay(date), n));
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: DayInput, to: DayInput, calendar: Calendar = loadCalendar()): number {
  return workingDaysBetweenN(calendar, toDay(from), toDay(to));
}

/** The next working day's start of work after an instant (e.g. for a dispatch on a holiday). */
export function nextWorkingMorning(at: Date, clock: WorkingClock, calendar: Calendar = loadCalendar()): Date {
  return instantAt(nextWorkingDay(calendar, dayOf(at)), clock.start);
}

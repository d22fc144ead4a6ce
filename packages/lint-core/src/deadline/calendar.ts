// Official working-day calendar of mainland China (rules/calendar/cn.yaml), optionally merged
// with a user file (`calendar:` in .replylintrc.yaml = settings.calendarFile).
// Days are "day numbers": whole days since 1970-01-01 in Beijing time (UTC+8).
// A day of a year with no data is never guessed from weekends alone: from 2025 on it is computed
// from the statutory holidays (statutory.ts) and the calendar marks that year provisional; before
// 2025, or with `strict`, it throws CalendarGapError. Adding a year's notice to a calendar file
// makes that year regular data again.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, ReplylintError } from '../util/errors.js';
import { describeIssue, formatPath, readYamlSource } from '../util/yaml-source.js';
import { rulesDir } from '../util/paths.js';
import { hasStatutoryRule, statutoryHolidays } from './statutory.js';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isoDate = z
  .string()
  .regex(ISO_DATE_RE, '应为日期 YYYY-MM-DD')
  .refine((s) => parseIsoDay(s) !== undefined, '不是有效的日期');

const holidaySchema = z
  .strictObject({ name: z.string().min(1), from: isoDate, to: isoDate })
  .refine((h) => parseIsoDay(h.from)! <= parseIsoDay(h.to)!, { message: '放假区间的 from 应不晚于 to', path: ['to'] });

const yearSchema = z.strictObject({
  /** 国务院办公厅通知文号 */
  notice: z.string().min(1).optional(),
  note: z.string().optional(),
  /** User files: replace the shipped entry of this year instead of adding to it. */
  replace: z.boolean().optional(),
  holidays: z.array(holidaySchema).default([]),
  /** 调休上班日 */
  workdays: z.array(isoDate).default([]),
});

export const calendarFileSchema = z.strictObject({
  description: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/, '年份应为四位数字'), yearSchema),
});
export type CalendarFile = z.infer<typeof calendarFileSchema>;
export type CalendarYear = z.infer<typeof yearSchema>;

export interface YearInfo {
  year: number;
  notice?: string;
  note?: string;
  /** Files that contributed (shipped file first). */
  files: string[];
  holidays: { name: string; from: string; to: string }[];
  workdays: string[];
}

/** A day with no calendar data (its year is not in any calendar file). */
export class CalendarGapError extends ReplylintError {
  override name = 'CalendarGapError';
  constructor(readonly year: number) {
    super(
      `工作日历缺少 ${year} 年的数据：无法判断该年哪些日期是工作日（不按周末推测）。` +
        `请在 .replylintrc.yaml 中用 \`calendar: ./calendar.yaml\` 指定补充日历，` +
        `按国务院办公厅当年的节假日安排通知写入 years.${year}.holidays（放假区间）和 years.${year}.workdays（调休上班日），` +
        `格式见 docs/deadlines.md。`,
      'calendar-gap',
    );
  }
}

export interface CalendarOptions {
  /** Refuse (CalendarGapError) instead of computing a year with no data from the statutory holidays. */
  strict?: boolean;
}

export interface Calendar {
  /** Years with data, ascending (computed years are not listed). */
  readonly years: readonly number[];
  /** Whether a year with no data throws instead of being computed. */
  readonly strict: boolean;
  /** Whether the year's days are computed from the statutory holidays (no data, not strict). */
  isProvisional(year: number): boolean;
  /** Files the calendar was built from (shipped file first). */
  readonly files: readonly string[];
  yearInfo(year: number): YearInfo | undefined;
  /** Whether the day (day number) is a working day; throws CalendarGapError for a year with no data. */
  isWorkingDay(day: number): boolean;
  /** Name of the holiday that covers the day, if any. */
  holidayName(day: number): string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Day numbers

export function parseIsoDay(s: string): number | undefined {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

export function formatIsoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Beijing calendar day of an instant. */
export function dayOf(instant: Date): number {
  return Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY_MS);
}

/** Minutes since Beijing midnight of an instant. */
export function minuteOfDay(instant: Date): number {
  const ms = (((instant.getTime() + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** The instant of `day` at `minutes` after Beijing midnight. */
export function instantAt(day: number, minutes: number): Date {
  return new Date(day * DAY_MS - BEIJING_OFFSET_MS + minutes * 60_000);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Building a calendar

export function buildCalendar(entries: readonly { file: string; data: CalendarFile }[], options: CalendarOptions = {}): Calendar {
  const years = new Map<number, YearInfo>();
  for (const { file, data } of entries) {
    for (const [y, entry] of Object.entries(data.years)) {
      const year = Number(y);
      const prev = years.get(year);
      const base: YearInfo = prev && !entry.replace ? prev : { year, files: [], holidays: [], workdays: [] };
      years.set(year, {
        year,
        notice: entry.notice ?? base.notice,
        note: entry.note ?? base.note,
        files: [...base.files, file],
        holidays: [...base.holidays, ...entry.holidays],
        workdays: [...base.workdays, ...entry.workdays],
      });
    }
  }
  // Day → status. Later files win over earlier ones for the same day (corrections).
  const status = new Map<number, { working: boolean; name?: string }>();
  for (const info of [...years.values()].sort((a, b) => a.year - b.year)) {
    for (const h of info.holidays) {
      for (let d = parseIsoDay(h.from)!, end = parseIsoDay(h.to)!; d <= end; d++) status.set(d, { working: false, name: h.name });
    }
    for (const w of info.workdays) status.set(parseIsoDay(w)!, { working: true, name: '调休上班' });
  }
  // Within one year entry a user may list a day both as workday and in a holiday range: the
  // explicit workday wins (applied last above). Across files, a later file's holiday range
  // overrides an earlier file's workday only when it lists the day itself:
  for (const { data } of entries.slice(1)) {
    for (const entry of Object.values(data.years)) {
      for (const h of entry.holidays) {
        for (let d = parseIsoDay(h.from)!, end = parseIsoDay(h.to)!; d <= end; d++) {
          if (!entry.workdays.includes(formatIsoDay(d))) status.set(d, { working: false, name: h.name });
        }
      }
      for (const w of entry.workdays) status.set(parseIsoDay(w)!, { working: true, name: '调休上班' });
    }
  }
  const sortedYears = [...years.keys()].sort((a, b) => a - b);
  const files = [...new Set(entries.map((e) => e.file))];
  const strict = options.strict === true;
  const isProvisional = (year: number) => !strict && !years.has(year) && hasStatutoryRule(year);
  // Computed years: holidays of the statutory rule, in memory, on first need.
  const computed = new Map<number, Map<number, string>>();
  const computedYear = (year: number): Map<number, string> => {
    let off = computed.get(year);
    if (!off) {
      off = new Map();
      for (const h of statutoryHolidays(year)) {
        for (let d = parseIsoDay(h.from)!, end = parseIsoDay(h.to)!; d <= end; d++) off.set(d, h.name);
      }
      computed.set(year, off);
    }
    return off;
  };
  return {
    years: sortedYears,
    files,
    strict,
    isProvisional,
    yearInfo: (year) => years.get(year),
    isWorkingDay(day) {
      const year = yearOfDay(day);
      if (!years.has(year)) {
        if (!isProvisional(year)) throw new CalendarGapError(year);
        if (computedYear(year).has(day)) return false;
      } else {
        const s = status.get(day);
        if (s) return s.working;
      }
      const wd = weekdayOfDay(day);
      return wd !== 0 && wd !== 6;
    },
    holidayName(day) {
      const year = yearOfDay(day);
      if (isProvisional(year)) return computedYear(year).get(day);
      const s = status.get(day);
      return s && !s.working ? s.name : undefined;
    },
  };
}

/** The statutory holidays a calendar computes for a year with no data (empty for a year with data or under `strict`). */
export function provisionalHolidays(cal: Calendar, year: number): { name: string; from: string; to: string }[] {
  return cal.isProvisional(year) ? statutoryHolidays(year) : [];
}

/**
 * A view of `cal` that records the provisional years whose days were consulted, so that a result
 * computed through it can say whether (and for which years) it is provisional.
 */
export interface RecordingCalendar extends Calendar {
  /** Provisional years consulted since creation or the last take(), ascending. */
  readonly provisionalYears: number[];
  /** Returns provisionalYears and starts a new record. */
  take(): number[];
}

export function recordingCalendar(cal: Calendar): RecordingCalendar {
  let seen = new Set<number>();
  const note = (day: number) => {
    const year = yearOfDay(day);
    if (cal.isProvisional(year)) seen.add(year);
  };
  const sorted = () => [...seen].sort((a, b) => a - b);
  return {
    get years() {
      return cal.years;
    },
    get files() {
      return cal.files;
    },
    strict: cal.strict,
    isProvisional: (year) => cal.isProvisional(year),
    yearInfo: (year) => cal.yearInfo(year),
    isWorkingDay(day) {
      note(day);
      return cal.isWorkingDay(day);
    },
    holidayName(day) {
      note(day);
      return cal.holidayName(day);
    },
    get provisionalYears() {
      return sorted();
    },
    take() {
      const out = sorted();
      seen = new Set();
      return out;
    },
  };
}

export function readCalendarFile(file: string): CalendarFile {
  const { source, data } = readYamlSource(file);
  const result = calendarFileSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const { path, text } = describeIssue(result.error.issues[0]!);
  // YAML keys such as `2027:` are numbers in the document: look the line up with a numeric key.
  const docPath = path.map((p, i) => (i === 1 && path[0] === 'years' && typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p));
  const line = source.lineOf(docPath);
  throw new ConfigError(`${file}:${line}: ${formatPath(path)}: ${text}`, file, line, formatPath(path));
}

export function shippedCalendarFile(): string {
  return join(rulesDir(), 'calendar', 'cn.yaml');
}

const cache = new Map<string, Calendar>();

/** The shipped calendar, merged with a user calendar file when given (cached per file, mtime and strictness). */
export function loadCalendar(userFile?: string, options: CalendarOptions = {}): Calendar {
  const shipped = shippedCalendarFile();
  const key = `${options.strict ? 'strict:' : ''}${userFile ? `${userFile}@${mtime(userFile)}` : ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const entries = [{ file: shipped, data: readCalendarFile(shipped) }];
  if (userFile) entries.push({ file: userFile, data: readCalendarFile(userFile) });
  const cal = buildCalendar(entries, options);
  cache.set(key, cal);
  return cal;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

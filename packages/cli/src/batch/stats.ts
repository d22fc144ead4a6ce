// Statistics of a batch: per unit (承办单位) and per rule, built as results arrive (memory grows
// with the number of units and rules, not of rows).

export interface Finding {
  ruleId: string;
  severity: 1 | 2;
  messageId: string;
  message: string;
  /** UTF-16 offsets in the reply cell. */
  start: number;
  end: number;
  /** Other rules that saw the same fault, reported once here (core Diagnostic.covers). */
  covers?: string[];
}

/** One checked row: what results.jsonl holds, line by line. */
export interface RowResult {
  file: string;
  row: number;
  id?: string;
  unit?: string;
  type?: string;
  /** No error (warnings allowed). */
  passed: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
  /** Replied before the completion deadline (按时办结); absent when it cannot be judged. */
  onTime?: boolean;
  /** Problems with the row's other cells (an unrecognised date or type); the reply was still checked. */
  problems?: string[];
}

export interface UnitStats {
  unit: string;
  replies: number;
  passed: number;
  errors: number;
  warnings: number;
  /** Replies whose timeliness could be judged, and those replied in time. */
  timed: number;
  onTime: number;
  /** Replies with at least one finding of each rule. */
  rules: Map<string, number>;
}

export interface RuleStats {
  ruleId: string;
  /** Findings. */
  hits: number;
  /** Replies with at least one finding. */
  replies: number;
  errors: number;
}

/** Checked replies of one period (by the reply date or else the dispatch date). */
interface PeriodCounts {
  replies: number;
  passed: number;
  errors: number;
}

/** Checked replies of one week (Monday to Sunday). */
export interface WeekStats extends PeriodCounts {
  /** The week's Monday, YYYY-MM-DD. */
  week: string;
}

/** Checked replies of one calendar month. */
export interface MonthStats extends PeriodCounts {
  /** YYYY-MM. */
  month: string;
}

/** Counts a checked row in its period's entry of `map`, made by `make` on first use. */
function tally<T extends PeriodCounts>(map: Map<string, T>, key: string, make: () => T, r: RowResult): void {
  let p = map.get(key);
  if (!p) map.set(key, (p = make()));
  p.replies++;
  if (r.passed) p.passed++;
  p.errors += r.errors;
}

const weeks = new Map<string, string>(); // an export has a few hundred distinct days at most

/** The Monday of a YYYY-MM-DD date's week, YYYY-MM-DD. */
export function weekOf(date: string): string {
  let week = weeks.get(date);
  if (week === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    week = d.toISOString().slice(0, 10);
    if (weeks.size >= 10_000) weeks.clear();
    weeks.set(date, week);
  }
  return week;
}

export const NO_UNIT = '（未填承办单位）';

export class BatchStats {
  rows = 0;
  checked = 0;
  passed = 0;
  badRows = 0;
  /** Replies whose timeliness could be judged, and those replied in time. */
  timed = 0;
  onTime = 0;
  readonly units = new Map<string, UnitStats>();
  readonly rules = new Map<string, RuleStats>();
  /** By week, when rows carry a date (a few hundred weeks at most). */
  readonly weeks = new Map<string, WeekStats>();
  /** By month, likewise (the trend of an export that spans more than half a year). */
  readonly months = new Map<string, MonthStats>();

  /** A checked row; `date` (YYYY-MM-DD) counts it in its week and month. */
  add(r: RowResult, date?: string): void {
    this.checked++;
    if (r.passed) this.passed++;
    if (date) {
      const week = weekOf(date);
      tally(this.weeks, week, () => ({ week, replies: 0, passed: 0, errors: 0 }), r);
      const month = date.slice(0, 7);
      tally(this.months, month, () => ({ month, replies: 0, passed: 0, errors: 0 }), r);
    }
    const name = r.unit ?? NO_UNIT;
    let u = this.units.get(name);
    if (!u) this.units.set(name, (u = { unit: name, replies: 0, passed: 0, errors: 0, warnings: 0, timed: 0, onTime: 0, rules: new Map() }));
    u.replies++;
    if (r.onTime !== undefined) {
      this.timed++;
      u.timed++;
      if (r.onTime) {
        this.onTime++;
        u.onTime++;
      }
    }
    if (r.passed) u.passed++;
    u.errors += r.errors;
    u.warnings += r.warnings;
    const seen = new Set<string>();
    for (const f of r.findings) {
      let s = this.rules.get(f.ruleId);
      if (!s) this.rules.set(f.ruleId, (s = { ruleId: f.ruleId, hits: 0, replies: 0, errors: 0 }));
      s.hits++;
      if (f.severity === 2) s.errors++;
      if (seen.has(f.ruleId)) continue;
      seen.add(f.ruleId);
      s.replies++;
      u.rules.set(f.ruleId, (u.rules.get(f.ruleId) ?? 0) + 1);
    }
  }

  /** Units by number of replies, most first. */
  unitList(): UnitStats[] {
    return [...this.units.values()].sort((a, b) => b.replies - a.replies || (a.unit < b.unit ? -1 : 1));
  }

  /** Weeks in calendar order. */
  weekList(): WeekStats[] {
    return [...this.weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
  }

  /** Months in calendar order. */
  monthList(): MonthStats[] {
    return [...this.months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  }

  /** Rules by the number of replies they flag, most first. */
  ruleList(): RuleStats[] {
    return [...this.rules.values()].sort((a, b) => b.replies - a.replies || (a.ruleId < b.ruleId ? -1 : 1));
  }
}

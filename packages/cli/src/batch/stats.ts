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
  /** Problems with the row's other cells (an unrecognised date or type); the reply was still checked. */
  problems?: string[];
}

export interface UnitStats {
  unit: string;
  replies: number;
  passed: number;
  errors: number;
  warnings: number;
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

export const NO_UNIT = '（未填承办单位）';

export class BatchStats {
  rows = 0;
  checked = 0;
  passed = 0;
  badRows = 0;
  readonly units = new Map<string, UnitStats>();
  readonly rules = new Map<string, RuleStats>();

  add(r: RowResult): void {
    this.checked++;
    if (r.passed) this.passed++;
    const name = r.unit ?? NO_UNIT;
    let u = this.units.get(name);
    if (!u) this.units.set(name, (u = { unit: name, replies: 0, passed: 0, errors: 0, warnings: 0, rules: new Map() }));
    u.replies++;
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

  /** Rules by the number of replies they flag, most first. */
  ruleList(): RuleStats[] {
    return [...this.rules.values()].sort((a, b) => b.replies - a.replies || (a.ruleId < b.ruleId ? -1 : 1));
  }
}

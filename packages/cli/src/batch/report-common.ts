// What the Excel and HTML reports share: the core functions they need, and which cells of an
// export they mask.
//
// Masking (no personal numbers or names unmasked in a report): the columns mapped as work order
// id, unit, request type and the two times are kept as they are (structured, and the id is how a
// reviewer finds the ticket). A column headed like a person's name (姓名, 联系人, 来电人, 留言用户…)
// is masked as a name (王磊 → 王*). Every other cell, the reply and the request included, is free
// text: numbers of 7 or more digits are masked (phones, ID and bank cards; dates kept) and the
// row's names are masked wherever they occur. A number cell of 7 or more digits (a phone typed
// into Excel as a number) becomes masked text.
import type { Core } from '../core-loader.js';
import type { BatchRow } from './sinks.js';

export type ReportCore = Pick<Core, 'maskPersonalText' | 'loadBuiltinRules'>;

/** Headers of columns that hold a person's name. */
const NAME_HEADER = /姓名|联系人|来电人|诉求人|反映人|留言用户|留言人|投诉人|市民/;

export type MaskedCell = string | number | boolean | Date | undefined;

export interface MaskedRow {
  /** The original cells by header, masked as above. */
  cells: Record<string, MaskedCell>;
  /** The names found in the row's name columns (to mask them in other text, e.g. the reply). */
  names: string[];
}

function isKept(header: string, r: BatchRow): boolean {
  const c = r.columns ?? {};
  return header === c.id || header === c.unit || header === c.type || header === c.dispatched || header === c.replied;
}

/** The names in a row's name columns. */
export function rowNames(r: BatchRow): string[] {
  const names: string[] = [];
  for (const h of r.headers) {
    const v = r.values[h];
    if (NAME_HEADER.test(h) && !isKept(h, r) && typeof v === 'string' && v.trim()) names.push(v.trim());
  }
  return names;
}

export function maskRow(r: BatchRow, core: ReportCore): MaskedRow {
  const names = rowNames(r);
  const cells: Record<string, MaskedCell> = {};
  for (const h of r.headers) {
    const v = r.values[h];
    if (v === undefined || v === null) continue;
    if (isKept(h, r)) cells[h] = plain(v);
    else if (typeof v === 'number') cells[h] = Math.abs(v) >= 1e6 ? core.maskPersonalText(String(v), names) : v;
    else if (typeof v === 'boolean' || v instanceof Date) cells[h] = v;
    else {
      const s = plain(v);
      cells[h] = typeof s === 'string' ? core.maskPersonalText(NAME_HEADER.test(h) ? s.trim() : s, NAME_HEADER.test(h) ? [s.trim()] : names) : s;
    }
  }
  return { cells, names };
}

/** A cell as written into a report: rich text and formulas of exceljs as their text. */
function plain(v: unknown): MaskedCell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return plain(o.text);
    if (o.result !== undefined) return plain(o.result);
  }
  return String(v);
}

/** How a report names a rule: its title (结尾署名不全) and description, in Chinese. */
export interface RuleLabel {
  /** The rule's title; its id for a rule that is not built in (internal-error, replylint-directive). */
  title: string;
  /** The rule's description, or ''. */
  description: string;
}

/** The label of each rule by id (the built-in rules are read once, on first use). */
export function ruleLabels(core: ReportCore): (id: string) => RuleLabel {
  let rules: Map<string, { title?: string; description?: string }> | undefined;
  return (id) => {
    try {
      rules ??= core.loadBuiltinRules() as Map<string, { title?: string; description?: string }>;
    } catch {
      rules = new Map();
    }
    const r = rules.get(id);
    return { title: r?.title ?? id, description: r?.description ?? '' };
  };
}

/** A finding as a report lists it: the rule's title, then the message. */
export const findingLine = (f: { ruleId: string; message: string }, label: (id: string) => RuleLabel) => `[${label(f.ruleId).title}] ${f.message}`;

export const passLabel = (r: BatchRow) => (r.result ? (r.result.passed ? '通过' : '不通过') : '未检查');

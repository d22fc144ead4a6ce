// A row of an export as a reply to check: the text of its reply cell (plain text, never Markdown)
// and the ticket metadata its other columns give, or the problems that keep it from being checked.
import type { TextItem } from '@replylint/core';
import type { ColumnMap, ColumnRole } from './columns.js';
import type { Row } from './sources.js';

/** A reply cell longer than this is reported, not checked (a real reply is a few thousand characters). */
export const MAX_CELL_CHARS = 100_000;

export interface RowProblem {
  row: number;
  /** The column as headed in the file, when the problem is in one. */
  column?: string;
  problem: string;
}

export interface RowInfo {
  row: number;
  /** The work order id, when the export has one. */
  id?: string;
  unit?: string;
  type?: string;
  /** The reply's date (else the dispatch date), YYYY-MM-DD in Beijing time: for the weekly trend. */
  date?: string;
  /** The dispatch and reply times, as parsed (for 按时办结). */
  dispatchedAt?: Date;
  repliedAt?: Date;
}

export interface CoreApi {
  parseBeijingTime(s: string): Date | undefined;
  requestTypeOf(label: string): string | undefined;
  maskPersonalText(text: string): string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant's calendar date in Beijing (UTC+8, no daylight saving): YYYY-MM-DD. */
export function beijingDate(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())}`;
}

/** A cell as text: Excel dates (stored as wall-clock time in UTC fields) become `YYYY-MM-DD HH:MM:SS`. */
export function cellText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

export function rowToItem(row: Row, columns: ColumnMap, core: CoreApi): { item?: TextItem; info: RowInfo; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const info: RowInfo = { row: row.row };
  if (row.problem) return { info, problems: [{ row: row.row, problem: row.problem }] };
  const get = (role: ColumnRole) => (columns[role] === undefined ? undefined : row.values[columns[role]!]);
  const text = (role: ColumnRole) => cellText(get(role));
  const id = text('id');
  if (id) info.id = id;
  const unit = text('unit');
  if (unit) info.unit = unit;
  const meta: Record<string, unknown> = {};
  if (id) meta.id = id;
  if (unit) meta.handler = { unit };
  const type = text('type');
  if (type) {
    const t = core.requestTypeOf(type);
    if (t) {
      meta.type = t;
      info.type = t;
    } else problems.push({ row: row.row, column: columns.type!, problem: `诉求类型「${core.maskPersonalText(type.slice(0, 20))}」无法识别，按未知类型检查` });
  }
  const request = text('request');
  if (request) meta.request = request;
  for (const [role, key] of [['dispatched', 'dispatchedAt'], ['replied', 'repliedAt']] as const) {
    const v = text(role);
    if (v === undefined) continue;
    const at = core.parseBeijingTime(v);
    if (at) {
      meta[key] = v;
      info[key] = at;
      if (role === 'replied' || !info.date) info.date = beijingDate(at); // the reply date wins
    } else problems.push({ row: row.row, column: columns[role]!, problem: `时间「${core.maskPersonalText(v.slice(0, 20))}」无法识别（应如 2024-03-12 09:30），按没有该时间检查` });
  }
  const reply = get('text');
  const body = reply instanceof Date ? undefined : reply === undefined || reply === null ? undefined : String(reply);
  if (body === undefined || body.trim() === '') {
    problems.push({ row: row.row, column: columns.text!, problem: '答复内容为空，未检查' });
    return { info, problems };
  }
  if (body.length > MAX_CELL_CHARS) {
    problems.push({ row: row.row, column: columns.text!, problem: `答复内容过长（${body.length} 字，上限 ${MAX_CELL_CHARS}），未检查` });
    return { info, problems };
  }
  return { item: { id: row.row, text: body, meta, format: 'text' }, info, problems };
}

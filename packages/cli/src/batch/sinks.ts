// Where the rows of a batch go as they are checked: results.jsonl here; the Excel workbook and the
// HTML report are sinks too. A sink sees every row once, in the order of the export, with its
// original cells, and the statistics at the end.
import type { ColumnMap } from './columns.js';
import { AtomicFile } from '../io/atomic.js';
import type { BatchStats, RowResult } from './stats.js';

export interface BatchRow {
  /** The export file, as shown to the user. */
  file: string;
  /** Spreadsheet row (header = 1) or JSONL line. */
  row: number;
  headers: readonly string[];
  /** The row's cells by header, as read. */
  values: Readonly<Record<string, unknown>>;
  /** The reply cell's text (offsets of findings point into it); personal data NOT masked. */
  text?: string;
  /** The check's result; undefined when the row could not be checked (see `problems`). */
  result?: RowResult;
  /** Why the row was not checked, or what was wrong with its other cells. */
  problems: string[];
  id?: string;
  unit?: string;
  /** Which of `headers` holds what (the reply, the id, the unit, …), as mapped for this file. */
  columns?: ColumnMap;
  /** The reply's date (else the dispatch date), YYYY-MM-DD in Beijing time. */
  date?: string;
}

export interface BatchSink {
  row(r: BatchRow): void | Promise<void>;
  /** After the last row: write out, then move the file into place. */
  end(stats: BatchStats, info: { stopped: boolean }): Promise<void>;
  /** The run failed: remove what was written. */
  abort(): void;
}

/** results.jsonl: one line per row, checked or not. */
export function jsonlSink(target: string): BatchSink {
  const file = new AtomicFile(target);
  return {
    async row(r) {
      const line = r.result
        ? r.result
        : { file: r.file, row: r.row, ...(r.id ? { id: r.id } : {}), ...(r.unit ? { unit: r.unit } : {}), checked: false, problems: r.problems };
      await file.write(`${JSON.stringify(line)}\n`);
    },
    end: () => file.close(),
    abort: () => file.abort(),
  };
}

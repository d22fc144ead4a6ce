// Where the rows of a batch go as they are checked: results.jsonl here; the Excel workbook and the
// HTML report are sinks too. A sink sees every row once, in the order of the export, with its
// original cells, and the statistics at the end.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import type { ColumnMap } from './columns.js';
import { isSpecialFile } from '../io/special.js';
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

/**
 * A file written beside its final name and renamed at the end: never half a file under that name.
 * A device or a pipe (-o /dev/null, /dev/stdout) is written to directly, not replaced.
 */
export class AtomicFile {
  readonly tmp: string;
  readonly stream: WriteStream;
  private readonly direct: boolean;
  constructor(readonly target: string) {
    this.direct = isSpecialFile(target);
    this.tmp = this.direct ? target : `${target}.${process.pid}.tmp`;
    this.stream = createWriteStream(this.tmp);
    this.stream.on('error', () => undefined); // reported by close()
  }
  // lines are gathered into writes of ~32 KB: one stream write per result line costs more than
  // making the line
  private pending = '';
  async write(s: string): Promise<void> {
    this.pending += s;
    if (this.pending.length >= 32_768) await this.flush();
  }
  private async flush(): Promise<void> {
    const s = this.pending;
    this.pending = '';
    if (s && !this.stream.write(s)) await once(this.stream, 'drain');
  }
  /** Ends the stream (unless a writer piped into it has ended it) and renames the file into place. */
  async close(): Promise<void> {
    try {
      await this.flush();
      if (!this.stream.writableFinished) {
        this.stream.end();
        await once(this.stream, 'finish');
      }
      if (!this.direct) renameSync(this.tmp, this.target);
    } catch (e) {
      if (!this.direct) rmSync(this.tmp, { force: true });
      throw e;
    }
  }
  abort(): void {
    this.stream.destroy();
    if (!this.direct) rmSync(this.tmp, { force: true });
  }
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

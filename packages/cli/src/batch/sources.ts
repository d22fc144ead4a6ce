// Reading an export row by row, streaming (memory stays flat for a million rows): CSV (UTF-8 with or
// without BOM, GBK/GB18030 detected and decoded; csv-parse), Excel (.xlsx, the first worksheet;
// exceljs's streaming reader) and JSONL. Every row comes out as its values by header.
import { createReadStream, openSync, readSync, closeSync, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { extname } from 'node:path';
import { decodeText, InputError } from '../io/read.js';

export type TableFormat = 'csv' | 'xlsx' | 'jsonl';

export interface Row {
  /** Row number as the reviewer sees it: the spreadsheet row (header = 1), or the JSONL line. */
  row: number;
  values: Record<string, unknown>;
  /** Why the row could not be read (a JSONL line that is not an object); no values then. */
  problem?: string;
}

export interface Table {
  format: TableFormat;
  /** Text encoding of a CSV file. */
  encoding?: 'utf-8' | 'gb18030';
  headers: string[];
  rows: AsyncIterable<Row>;
  /** Bytes of the file read so far (for the progress line's share done and time left). */
  bytesRead(): number;
}

export function formatOf(file: string): TableFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : undefined;
}

export async function openTable(file: string): Promise<Table> {
  const format = formatOf(file);
  if (format === 'csv') return openCsv(file);
  if (format === 'xlsx') return openXlsx(file);
  if (format === 'jsonl') return openJsonl(file);
  throw new InputError(`不支持的文件类型「${extname(file) || '无扩展名'}」：batch 读取 .xlsx、.csv、.jsonl（.xls 请先在 Excel 中另存为 .xlsx）`);
}

/** The file's encoding, from its first 256 KB cut at a line end (so no character is split). */
function sniffEncoding(file: string): { encoding: 'utf-8' | 'gb18030'; bom: boolean } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let head = buf.subarray(0, n);
    if (n === buf.length) {
      const nl = head.lastIndexOf(0x0a);
      if (nl > 0) head = head.subarray(0, nl + 1);
    }
    const d = decodeText(head);
    return { encoding: d.encoding, bom: d.bom };
  } finally {
    closeSync(fd);
  }
}

async function* decodedChunks(input: ReadStream, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of input) {
    const s = decoder.decode(chunk as Buffer, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

async function openCsv(file: string): Promise<Table> {
  const { encoding } = sniffEncoding(file);
  const { parse } = await import('csv-parse');
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const parser = Readable.from(decodedChunks(input, encoding)).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }),
  );
  const it = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await it.next();
  if (first.done) throw new InputError('是空文件，没有表头');
  const headers = first.value.map((h) => String(h).trim());
  async function* rows(): AsyncGenerator<Row> {
    let row = 1;
    try {
      for (let r = await it.next(); !r.done; r = await it.next()) {
        row++;
        const values: Record<string, unknown> = {};
        headers.forEach((h, i) => (values[h] = r.value[i]));
        yield { row, values };
      }
    } finally {
      parser.destroy();
    }
  }
  return { format: 'csv', encoding, headers, rows: rows(), bytesRead: () => input.bytesRead };
}

/** A cell's value as text, a number or a Date (rich text, formulas and links flattened). */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
  if ('result' in o) return cellValue(o.result);
  if (typeof o.text === 'string') return o.text;
  if (o.error !== undefined) return undefined;
  return String(v);
}

async function openXlsx(file: string): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const input = createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  const sheets = (reader as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }>>)[Symbol.asyncIterator]();
  let sheet;
  try {
    sheet = await sheets.next();
  } catch (e) {
    throw new InputError(`不是有效的 Excel（.xlsx）文件（${e instanceof Error ? e.message.slice(0, 80) : '无法读取'}）`);
  }
  if (sheet.done) throw new InputError('Excel 文件中没有工作表');
  const rowsOfSheet = sheet.value[Symbol.asyncIterator]();
  const first = await rowsOfSheet.next();
  if (first.done) throw new InputError('第一个工作表是空的，没有表头');
  const headerCells = first.value.values;
  const headers: string[] = [];
  const indexOf: number[] = [];
  for (let i = 1; i < headerCells.length; i++) {
    const h = cellValue(headerCells[i]);
    if (h === undefined || String(h).trim() === '') continue;
    headers.push(String(h).trim());
    indexOf.push(i);
  }
  async function* rows(): AsyncGenerator<Row> {
    for (let r = await rowsOfSheet.next(); !r.done; r = await rowsOfSheet.next()) {
      const values: Record<string, unknown> = {};
      headers.forEach((h, k) => (values[h] = cellValue(r.value.values[indexOf[k]!])));
      yield { row: r.value.number, values };
    }
  }
  return { format: 'xlsx', headers, rows: rows(), bytesRead: () => input.bytesRead };
}

async function openJsonl(file: string): Promise<Table> {
  const { encoding } = sniffEncoding(file);
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const lines = createInterface({ input: Readable.from(decodedChunks(input, encoding)), crlfDelay: Infinity })[Symbol.asyncIterator]();
  let line = 0;
  const parse = (text: string): Row => {
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return { row: line, values: v as Record<string, unknown> };
      return { row: line, values: {}, problem: '不是 JSON 对象' };
    } catch {
      return { row: line, values: {}, problem: '不是有效的 JSON' };
    }
  };
  // the headers are the keys of the first object; lines before it that are not one (a truncated
  // first line) are bad rows like any other, reported in their place
  const leading: Row[] = [];
  let first: Row | undefined;
  for (let r = await lines.next(); !r.done; r = await lines.next()) {
    line++;
    if (!r.value.trim()) continue;
    const row = parse(leading.length ? r.value : r.value.replace(/^\uFEFF/, ''));
    if (!row.problem) {
      first = row;
      break;
    }
    leading.push(row);
  }
  if (!first) {
    if (!leading.length) throw new InputError('是空文件');
    throw new InputError(`没有一行是 JSON 对象（第 ${leading[0]!.row} 行${leading[0]!.problem}）：JSONL 应每行一个对象，如 {"工单编号": "…", "答复内容": "…"}`);
  }
  const headers = Object.keys(first.values);
  async function* rows(): AsyncGenerator<Row> {
    yield* leading;
    yield first!;
    for (let r = await lines.next(); !r.done; r = await lines.next()) {
      line++;
      if (r.value.trim()) yield parse(r.value);
    }
  }
  return { format: 'jsonl', encoding, headers, rows: rows(), bytesRead: () => input.bytesRead };
}

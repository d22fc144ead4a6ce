// The Excel workbook of a batch (--xlsx): 「逐条结果」 every row with its original columns and its
// findings, 「按承办单位」 and 「按规则」 from the statistics. Written with exceljs's streaming
// WorkbookWriter: each row is committed (serialised into the zip stream) as it arrives, so memory
// holds the first rows (to size the columns) and the statistics, never the whole export. Shared
// strings are off for the same reason (their table would grow with the export).
import type ExcelJS from 'exceljs';
import { displayWidth } from '../width.js';
import { findingLine, maskRow, passLabel, ruleLabels, type MaskedCell, type ReportCore } from './report-common.js';
import { AtomicFile } from '../io/atomic.js';
import type { BatchRow, BatchSink } from './sinks.js';
import type { BatchStats } from './stats.js';

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;

/** Rows kept before the first sheet's columns are sized (and then written). */
const SAMPLE_ROWS = 200;
/**
 * Data rows per sheet: Excel opens at most 1,048,576 rows (the header is one), so a larger export
 * goes on in 「逐条结果（2）」 and so on. REPLYLINT_XLSX_SHEET_ROWS lowers it (tests).
 */
const SHEET_ROWS = Math.min(1_048_575, Math.max(1, Number(process.env.REPLYLINT_XLSX_SHEET_ROWS) || 1_048_575));
/** Excel's limit for the text of one cell. */
const CELL_MAX = 32_767;
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
const HEADER_FONT = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/** The columns the workbook adds after the export's own. */
export const RESULT_COLUMNS = ['是否通过', '错误数', '警告数', '问题', '数据问题'] as const;

function clip(s: string): string {
  return s.length <= CELL_MAX ? s : `${s.slice(0, CELL_MAX - 30)}…（超出 Excel 单元格长度上限，已截断）`;
}

/** Widest line of a cell's text, in display columns (CJK counts double). */
function cellWidth(v: MaskedCell): number {
  if (v === undefined) return 0;
  if (v instanceof Date) return 19;
  let w = 0;
  for (const line of String(v).slice(0, 2000).split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/** Header row: bold, shaded, frozen, with filter buttons (their arrow takes ~2 columns). */
function sheetOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] };
}

function writeHeader(ws: Sheet, headers: readonly string[], widths: readonly number[]): void {
  ws.columns = headers.map((h, i) => ({ key: String(i), width: widths[i] }));
  const row = ws.addRow([...headers]);
  row.font = HEADER_FONT;
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', wrapText: false };
  });
  row.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** A data row: long or multi-line text wrapped, the row no taller than ~8 lines. */
function writeRow(ws: Sheet, values: MaskedCell[], widths: readonly number[]): void {
  const row = ws.addRow(values.map((v) => (typeof v === 'string' ? clip(v) : v ?? null)));
  let lines = 1;
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    if (typeof v === 'string' && (v.includes('\n') || displayWidth(v.slice(0, 2000)) > widths[i]!)) {
      cell.alignment = WRAP;
      let n = 0;
      for (const line of v.slice(0, 4000).split('\n')) n += Math.max(1, Math.ceil(displayWidth(line) / Math.max(widths[i]! - 1, 1)));
      lines = Math.max(lines, n);
    } else cell.alignment = TOP;
    if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
  });
  if (lines > 1) row.height = Math.min(lines, 8) * 15;
  row.commit();
}

export function xlsxSink(target: string, core: ReportCore): BatchSink {
  const file = new AtomicFile(target);
  const label = ruleLabels(core);
  let wb: Writer | undefined;
  let sheet: Sheet | undefined;
  /** The export's columns (the first file's; a later file's cells go under the same headers). */
  let original: readonly string[] | undefined;
  let widths: number[] = [];
  let sample: MaskedCell[][] | undefined = [];
  let written = 0;
  /** Sheets of 「逐条结果」 so far, and data rows in the current one. */
  let sheets = 0;
  let inSheet = 0;

  async function open(): Promise<Writer> {
    if (wb) return wb;
    const { default: Excel } = await import('exceljs');
    // exceljs's zip library (archiver-utils 2) calls the deprecated Buffer() on the first entry,
    // added by this constructor; bundled, it is not under node_modules, so Node would print
    // DEP0005 to the user. That warning, and only that, is dropped while the writer starts
    // (Node warns about Buffer() once per process).
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      if (rest.includes('DEP0005') || (rest[0] as { code?: string } | undefined)?.code === 'DEP0005') return;
      (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      wb = new Excel.stream.xlsx.WorkbookWriter({ stream: file.stream, useStyles: true, useSharedStrings: false });
    } finally {
      process.emitWarning = emit;
    }
    wb.creator = 'replylint';
    return wb;
  }

  const headers = () => [...(original ?? []), ...RESULT_COLUMNS];

  function cells(r: BatchRow): MaskedCell[] {
    const { cells: masked } = maskRow(r, core);
    const res = r.result;
    return [
      ...(original ?? []).map((h) => masked[h]),
      passLabel(r),
      res?.errors,
      res?.warnings,
      res ? res.findings.map((f) => findingLine(f, label)).join('\n') || undefined : undefined,
      r.problems.length ? r.problems.map((p) => core.maskPersonalText(p)).join('\n') : undefined,
    ];
  }

  /** A new 「逐条结果」 sheet with the header, in the widths startSheet chose. */
  async function nextSheet(): Promise<Sheet> {
    const w = await open();
    sheet?.commit();
    sheets++;
    inSheet = 0;
    sheet = w.addWorksheet(sheets === 1 ? '逐条结果' : `逐条结果（${sheets}）`, sheetOptions());
    writeHeader(sheet, headers(), widths);
    return sheet;
  }

  function addRow(values: MaskedCell[]): void {
    writeRow(sheet!, values, widths);
    inSheet++;
  }

  /** Sizes the columns from the header and the sampled rows, writes them, and stops sampling. */
  async function startSheet(): Promise<void> {
    const hs = headers();
    widths = hs.map((h, i) => {
      const cellWs = (sample ?? []).map((row) => cellWidth(row[i])).sort((a, b) => a - b);
      const typical = cellWs.length ? cellWs[Math.floor(cellWs.length * 0.9)]! : 0;
      return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, displayWidth(h) + 4, typical + 2));
    });
    await nextSheet();
    for (const row of sample ?? []) {
      if (inSheet >= SHEET_ROWS) await nextSheet();
      addRow(row);
    }
    sample = undefined;
  }

  return {
    async row(r) {
      original ??= r.headers;
      const values = cells(r);
      if (sample) {
        sample.push(values);
        if (sample.length >= SAMPLE_ROWS) await startSheet();
      } else {
        if (inSheet >= SHEET_ROWS) await nextSheet();
        addRow(values);
      }
      // let the zip stream drain into the file now and then
      if (++written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async end(stats: BatchStats) {
      if (sample) await startSheet();
      sheet!.commit();
      const w = wb!;

      const units = w.addWorksheet('按承办单位', sheetOptions());
      // 按时办结率 next to the pass rate when any row could be judged (dispatch and reply times)
      const timed = stats.timed > 0;
      const unitWidths = [Math.min(MAX_WIDTH, Math.max(14, ...stats.unitList().slice(0, 500).map((u) => displayWidth(u.unit) + 2))), 10, 10, ...(timed ? [12] : []), 12, 50];
      writeHeader(units, ['承办单位', '答复数', '通过率', ...(timed ? ['按时办结率'] : []), '每篇错误数', '最常见的问题'], unitWidths);
      for (const u of stats.unitList()) {
        const top = [...u.rules].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
        const onTime = timed ? [u.timed ? u.onTime / u.timed : null] : [];
        const row = units.addRow([u.unit, u.replies, u.replies ? u.passed / u.replies : null, ...onTime, u.replies ? u.errors / u.replies : null, top.map(([id, n]) => `${label(id).title}（${n} 篇）`).join('、') || '—']);
        row.getCell(3).numFmt = '0.0%';
        if (timed) row.getCell(4).numFmt = '0.0%';
        row.getCell(timed ? 5 : 4).numFmt = '0.00';
        row.commit();
      }
      units.commit();

      const rules = w.addWorksheet('按规则', sheetOptions());
      writeHeader(rules, ['问题', '规则', '说明', '命中答复数', '占比', '问题数'], [22, 26, 60, 12, 10, 10]);
      for (const s of stats.ruleList()) {
        const { title, description } = label(s.ruleId);
        const row = rules.addRow([title, s.ruleId, description, s.replies, stats.checked ? s.replies / stats.checked : null, s.hits]);
        row.getCell(3).alignment = displayWidth(description) > 58 ? WRAP : TOP;
        row.getCell(5).numFmt = '0.0%';
        row.commit();
      }
      rules.commit();
      await w.commit(); // ends file.stream
      await file.close();
    },
    abort() {
      file.abort();
    },
  };
}

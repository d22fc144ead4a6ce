// The HTML report of a batch (--html): one self-contained file for a supervision office (no
// network when viewed: ECharts, the style and the script are inlined). Memory stays flat: the
// sink keeps the statistics (which grow with units, rules and weeks) and at most FAILING_CAP
// failing replies (masked, each cut to TEXT_CAP characters); every other row passes through.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BODY, CLIENT_SCRIPT, STYLE } from './html-template.js';
import { rowNames, ruleLabels, type ReportCore } from './report-common.js';
import { AtomicFile } from '../io/atomic.js';
import type { BatchRow, BatchSink } from './sinks.js';
import { NO_UNIT, type BatchStats } from './stats.js';

/** Failing replies the page lists (in export order); the page says how many there are in all. */
export const FAILING_CAP = 2_000;
/** Characters of a reply kept for the page. */
const TEXT_CAP = 5_000;
const CHART_UNITS = 20;
const HEAT_UNITS = 15;
const HEAT_RULES = 12;
const TOP_RULES = 12;

interface ShownFinding {
  rule: string;
  severity: 1 | 2;
  message: string;
  /** UTF-16 offsets in `text`; -1 when they cannot be shown (the masked text changed length). */
  start: number;
  end: number;
}

interface ShownRow {
  file: string;
  row: number;
  id?: string;
  unit: string;
  date?: string;
  text: string;
  truncated?: boolean;
  findings: ShownFinding[];
}

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`, no line separators). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function echartsSource(): string {
  const path = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  return readFileSync(path, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
}

function beijingNow(): string {
  const b = new Date(Date.now() + 8 * 3600_000);
  return b.toISOString().slice(0, 16).replace('T', ' ');
}

export function htmlSink(target: string, core: ReportCore): BatchSink {
  const file = new AtomicFile(target);
  const rows: ShownRow[] = [];
  const files = new Set<string>();
  let failing = 0;

  function shown(r: BatchRow): ShownRow {
    const raw = r.text ?? '';
    const masked = core.maskPersonalText(raw, rowNames(r));
    // masking keeps the length of digit runs and of BMP names, so the offsets still point at the
    // findings; if it did not, the findings are listed without marks rather than marked wrongly
    const aligned = masked.length === raw.length;
    const text = masked.length > TEXT_CAP ? masked.slice(0, TEXT_CAP) : masked;
    return {
      file: r.file,
      row: r.row,
      ...(r.id ? { id: r.id } : {}),
      unit: r.unit ?? NO_UNIT,
      ...(r.date ? { date: r.date } : {}),
      text,
      ...(masked.length > TEXT_CAP ? { truncated: true } : {}),
      findings: r.result!.findings.map((f) => ({
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        start: aligned ? f.start : -1,
        end: aligned ? f.end : -1,
      })),
    };
  }

  return {
    row(r) {
      files.add(r.file);
      if (!r.result || r.result.passed) return;
      failing++;
      if (rows.length < FAILING_CAP) rows.push(shown(r));
    },
    async end(stats: BatchStats, { stopped }) {
      const label = ruleLabels(core);
      const unitList = stats.unitList();
      const ruleList = stats.ruleList();
      const heatUnits = unitList.slice(0, HEAT_UNITS);
      const heatRules = ruleList.slice(0, HEAT_RULES);
      const cells: [number, number, number, number][] = [];
      let max = 0;
      heatUnits.forEach((u, x) =>
        heatRules.forEach((rule, y) => {
          const n = u.rules.get(rule.ruleId) ?? 0;
          const share = u.replies ? Math.round((1000 * n) / u.replies) / 10 : 0;
          max = Math.max(max, share);
          cells.push([x, y, share, n]);
        }),
      );
      const data = {
        files: [...files],
        generated: beijingNow(),
        stopped,
        totals: { rows: stats.rows, checked: stats.checked, passed: stats.passed, badRows: stats.badRows },
        unitCount: unitList.length,
        units: unitList.slice(0, CHART_UNITS).map((u) => ({ unit: u.unit, replies: u.replies, passed: u.passed, rate: u.replies ? u.passed / u.replies : 0, timed: u.timed, onTime: u.onTime })),
        timed: stats.timed,
        onTime: stats.onTime,
        rules: ruleList.slice(0, TOP_RULES).map((s) => ({ ruleId: s.ruleId, description: label(s.ruleId).description, replies: s.replies, hits: s.hits })),
        // every rule a chart, filter or finding names, by its title
        titles: Object.fromEntries(ruleList.map((s) => [s.ruleId, label(s.ruleId).title])),
        heat: { units: heatUnits.map((u) => u.unit), rules: heatRules.map((s) => s.ruleId), cells, max },
        weeks: stats.weekList(),
        months: stats.monthList(),
        failing,
        rows,
      };
      await file.write('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n');
      await file.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n');
      // no request leaves the page: only inline scripts and styles, images as data: URLs
      await file.write(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">\n`);
      await file.write(`<title>答复质量检查报告</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${BODY}\n`);
      await file.write(`<script type="application/json" id="report-data">${scriptJson(data)}</script>\n`);
      await file.write(`<script>${echartsSource()}</script>\n`);
      await file.write(`<script>${CLIENT_SCRIPT}</script>\n</body>\n</html>\n`);
      await file.close();
    },
    abort() {
      file.abort();
    },
  };
}

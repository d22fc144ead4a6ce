// `replylint batch`: exports of replies (Excel, CSV, JSONL) → the core's runner (worker threads) →
// results.jsonl, per-unit and per-rule statistics on stdout. Rows stream through: memory stays flat
// however long the export. Bad rows (empty reply, unreadable cells) are reported per row and never
// stop the batch; Ctrl-C stops reading and leaves complete output for the rows done.
//
// Exit codes as in `check`: 0 no errors, 1 errors found, 2 usage/config error or rows/files that
// could not be checked.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LinterSpec, TextItem, TextResult } from '@replylint/core';
import { CliError, EXIT_LINT, EXIT_OK, EXIT_USAGE, isUserFacing } from '../errors.js';
import { loadCore } from '../core-loader.js';
import { workerMemoryMb, workerThreads } from '../threads.js';
import { ensureDirectory } from '../io/dirs.js';
import { InputError } from '../io/read.js';
import { displayPath } from '../formatters/paths.js';
import { displayWidth, padEnd, padStart } from '../width.js';
import { ColumnError, describeColumns, mapColumns, type ColumnMap } from './columns.js';
import { openTable } from './sources.js';
import { rowToItem, type RowInfo, type RowProblem } from './rows.js';
import { BatchStats, type Finding, type RowResult } from './stats.js';
import { jsonlSink, type BatchRow, type BatchSink } from './sinks.js';
import { xlsxSink } from './xlsx-sink.js';
import { htmlSink } from './html-sink.js';
import { onTimeJudge } from './on-time.js';
import { ruleLabels, type RuleLabel } from './report-common.js';

export interface BatchOptions {
  cwd?: string;
  profile?: string;
  config?: string;
  /** results.jsonl */
  output?: string;
  /** Excel workbook: every row with its findings, per unit, per rule. */
  xlsx?: string;
  /** Self-contained HTML report with charts and the failing replies. */
  html?: string;
  textColumn?: string;
  idColumn?: string;
  unitColumn?: string;
  typeColumn?: string;
  requestColumn?: string;
  dispatchedColumn?: string;
  repliedColumn?: string;
  /** Worker threads (default: cores − 1, none for small files). */
  workers?: number;
  /** --time-budget: milliseconds one reply may take (undefined: the config's, else the core's default). */
  timeBudget?: number;
  /** Progress on stderr (default: when stderr is a terminal). */
  progress?: boolean;
}

/** Below this total size the worker threads' start-up (~0.5 s each) costs more than they give. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

interface Pending {
  file: string;
  info: RowInfo;
  problems: RowProblem[];
  headers: readonly string[];
  values: Readonly<Record<string, unknown>>;
  columns: ColumnMap;
  text: string;
  /** Replied before the completion deadline, when it can be judged. */
  onTime?: boolean;
}

/** Opens an output, with a clear error when its folder cannot be made. */
async function openSink(cwd: string, path: string, make: (target: string) => BatchSink): Promise<BatchSink> {
  const target = resolve(cwd, path);
  try {
    await ensureDirectory(dirname(target));
    return make(target);
  } catch (e) {
    throw new CliError(`无法写入输出文件「${path}」（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`);
  }
}

const problemText = (p: RowProblem) => (p.column ? `${p.column}：${p.problem}` : p.problem);

function toResult(p: Pending, checked: TextResult): RowResult {
  const findings: Finding[] = checked.diagnostics.map((d) => {
    const f: Finding = { ruleId: d.ruleId, severity: d.severity, messageId: d.messageId, message: d.message, start: d.range[0], end: d.range[1] };
    if (d.covers?.length) f.covers = d.covers;
    return f;
  });
  let errors = 0;
  for (const f of findings) if (f.severity === 2) errors++;
  const r: RowResult = { file: p.file, row: p.info.row, passed: errors === 0, errors, warnings: findings.length - errors, findings };
  if (p.info.id) r.id = p.info.id;
  if (p.info.unit) r.unit = p.info.unit;
  if (p.info.type) r.type = p.info.type;
  if (p.onTime !== undefined) r.onTime = p.onTime;
  if (p.problems.length) r.problems = p.problems.map(problemText);
  return r;
}

export async function runBatch(files: readonly string[], opts: BatchOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  if (!files.length) throw new CliError('请指定要检查的导出文件（.xlsx、.csv 或 .jsonl），例如 replylint batch 工单导出.xlsx');
  const given: ColumnMap = {
    ...(opts.textColumn !== undefined ? { text: opts.textColumn } : {}),
    ...(opts.idColumn !== undefined ? { id: opts.idColumn } : {}),
    ...(opts.unitColumn !== undefined ? { unit: opts.unitColumn } : {}),
    ...(opts.typeColumn !== undefined ? { type: opts.typeColumn } : {}),
    ...(opts.requestColumn !== undefined ? { request: opts.requestColumn } : {}),
    ...(opts.dispatchedColumn !== undefined ? { dispatched: opts.dispatchedColumn } : {}),
    ...(opts.repliedColumn !== undefined ? { replied: opts.repliedColumn } : {}),
  };
  const paths = files.map((f) => resolve(cwd, f));
  let totalBytes = 0;
  for (const p of paths) {
    try {
      totalBytes += statSync(p).size;
    } catch {
      // reported when the file is opened
    }
  }

  const core = await loadCore();
  if (opts.profile !== undefined && !core.listProfiles().includes(opts.profile)) {
    throw new CliError(`--profile: 未知的规则配置「${opts.profile}」，可用：${core.listProfiles().join('、')}`);
  }
  const spec: LinterSpec = {
    deferModules: true,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.timeBudget !== undefined ? { timeBudget: opts.timeBudget } : {}),
    ...(opts.config !== undefined ? { configFile: resolve(cwd, opts.config) } : { cwd }),
  };
  const mainLinter = core.lintersFromSpec(spec)(); // a bad configuration stops here (exit 2)
  const timeliness = onTimeJudge(mainLinter);
  const threads = opts.workers ?? workerThreads(totalBytes >= PARALLEL_MIN_BYTES);

  // the outputs, each written beside its final name and renamed at the end
  const sinks: BatchSink[] = [];
  if (opts.output) sinks.push(await openSink(cwd, opts.output, jsonlSink));
  const reportCore = { maskPersonalText: core.maskPersonalText, loadBuiltinRules: core.loadBuiltinRules };
  if (opts.xlsx) sinks.push(await openSink(cwd, opts.xlsx, (t) => xlsxSink(t, reportCore)));
  if (opts.html) sinks.push(await openSink(cwd, opts.html, (t) => htmlSink(t, reportCore)));
  const toSinks = async (r: BatchRow) => {
    for (const sink of sinks) await sink.row(r);
  };

  const stats = new BatchStats();
  const problems: string[] = [];
  const pending = new Map<number, Pending>();
  let stopping = false;
  const onSigint = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('\nreplylint：已停止读取，正在写出已检查的行（再按一次 Ctrl-C 立即退出）\n');
  };
  process.on('SIGINT', onSigint);

  // progress on a terminal: rows done, rate, share of the input read and time left, at most five
  // times a second (the share counts bytes read, which run a little ahead of the rows checked)
  const showProgress = opts.progress !== false && Boolean(process.stderr.isTTY);
  const started = performance.now();
  let lastShown = 0;
  let bytesBefore = 0; // bytes of the files already read
  let current: { bytesRead(): number } | undefined;
  const progress = (final = false) => {
    if (!showProgress) return;
    const now = performance.now();
    if (!final && now - lastShown < 200) return;
    lastShown = now;
    const secs = (now - started) / 1000;
    const rate = secs > 0 ? Math.round(stats.checked / secs) : 0;
    let line = `已检查 ${stats.checked.toLocaleString('en-US')} 行 · 问题行 ${stats.badRows.toLocaleString('en-US')} · ${rate.toLocaleString('en-US')} 行/秒`;
    const share = totalBytes > 0 ? Math.min(1, (bytesBefore + (current?.bytesRead() ?? 0)) / totalBytes) : 0;
    if (!final && share > 0.01 && secs > 1) line += ` · ${Math.floor(share * 100)}% · 剩余约 ${duration((secs * (1 - share)) / share)}`;
    if (final) line += ` · 用时 ${duration(secs)}`;
    process.stderr.write(`\r${line}${final ? '\n' : '\x1b[K'}`);
  };

  let nextId = 0;
  const source = async function* (): AsyncGenerator<TextItem> {
    for (const file of paths) {
      const shown = displayPath(file, cwd);
      let table;
      try {
        if (current) bytesBefore += current.bytesRead();
        table = await openTable(file);
        current = table;
      } catch (e) {
        if (e instanceof InputError || (e as NodeJS.ErrnoException).code) {
          problems.push(`${shown}：${e instanceof InputError ? e.message : `无法读取（${(e as NodeJS.ErrnoException).code}）`}`);
          continue;
        }
        throw e;
      }
      let columns: ColumnMap;
      try {
        columns = mapColumns(table.headers, given);
      } catch (e) {
        if (e instanceof ColumnError) {
          problems.push(`${shown}：${e.message}`);
          continue;
        }
        throw e;
      }
      process.stderr.write(`replylint：${shown}（${table.format.toUpperCase()}${table.encoding === 'gb18030' ? '，GBK 编码' : ''}）：${describeColumns(columns)}\n`);
      for await (const row of table.rows) {
        if (stopping) return;
        stats.rows++;
        const { item, info, problems: rowProblems } = rowToItem(row, columns, core);
        if (!item) {
          stats.badRows++;
          await toSinks({ file: shown, row: info.row, headers: table.headers, values: row.values, columns, problems: rowProblems.map(problemText), ...(info.id ? { id: info.id } : {}), ...(info.unit ? { unit: info.unit } : {}), ...(info.date ? { date: info.date } : {}) });
          continue;
        }
        const id = nextId++;
        const onTime = timeliness.judge(info);
        pending.set(id, { file: shown, info, problems: rowProblems, headers: table.headers, values: row.values, columns, text: item.text, ...(onTime !== undefined ? { onTime } : {}) });
        yield { ...item, id };
      }
    }
  };

  let incomplete = 0; // rows the core could not check in full (internal-error: time, memory, a rule that failed)
  try {
    for await (const checked of core.runTexts(source(), spec, { workers: threads, inline: true, ordered: true, chunkSize: 64, ...(workerMemoryMb() !== undefined ? { workerMemoryMb: workerMemoryMb()! } : {}) })) {
      const p = pending.get(checked.id as number)!;
      pending.delete(checked.id as number);
      const base = { file: p.file, row: p.info.row, headers: p.headers, values: p.values, columns: p.columns, text: p.text, ...(p.info.id ? { id: p.info.id } : {}), ...(p.info.unit ? { unit: p.info.unit } : {}), ...(p.info.date ? { date: p.info.date } : {}) };
      if (checked.error) {
        stats.badRows++;
        await toSinks({ ...base, problems: [checked.error] });
        continue;
      }
      if (checked.diagnostics.some((d) => d.ruleId === core.INTERNAL_RULE_ID && d.severity === 2)) incomplete++;
      const r = toResult(p, checked);
      stats.add(r, p.info.date);
      await toSinks({ ...base, result: r, problems: r.problems ?? [] });
      progress();
    }
  } catch (e) {
    for (const sink of sinks) sink.abort();
    if (isUserFacing(e)) throw new CliError(e.message);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
  progress(true);

  try {
    for (const sink of sinks) await sink.end(stats, { stopped: stopping });
  } catch (e) {
    for (const sink of sinks) sink.abort();
    throw new CliError(`无法写入输出文件（${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : '未知错误')}）`);
  }

  process.stdout.write(summary(stats, stopping, timeliness.unavailable ? `${timeliness.unavailable}（用 --profile 指定带时限表的配置即可计算）` : undefined, ruleLabels(core)));
  for (const p of problems) process.stderr.write(`replylint：${p}\n`);
  if (stats.badRows) process.stderr.write(`replylint：${stats.badRows} 行未能检查${opts.output ? `，原因见 ${opts.output} 中 checked 为 false 的行` : ''}\n`);
  if (incomplete) process.stderr.write(`replylint：${incomplete} 行未能完整检查（internal-error${opts.output ? `，原因见 ${opts.output} 中各行的 internal-error` : ''}）\n`);
  if (problems.length || stats.badRows || incomplete) return EXIT_USAGE;
  return stats.checked > stats.passed ? EXIT_LINT : EXIT_OK;
}

/** 1 分 20 秒 */
export function duration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s} 秒`;
  if (s < 3600) return `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  return `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(...[h, ...rows.map((r) => r[i]!)].map(displayWidth)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (right[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ')}`.trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}

/** The summary on stdout: totals, the units, the rules (Chinese, fits 100 columns). */
export function summary(stats: BatchStats, stopped: boolean, onTimeNote: string | undefined, label: (id: string) => RuleLabel): string {
  let s = `${stopped ? '（已中断）' : ''}共 ${stats.rows.toLocaleString('en-US')} 行，检查 ${stats.checked.toLocaleString('en-US')} 行，通过 ${stats.passed.toLocaleString('en-US')} 行（${pct(stats.passed, stats.checked)}），未能检查 ${stats.badRows.toLocaleString('en-US')} 行。\n`;
  const timed = stats.timed > 0;
  if (timed) s += `按时办结：${stats.onTime.toLocaleString('en-US')} / ${stats.timed.toLocaleString('en-US')} 行（${pct(stats.onTime, stats.timed)}；有派单时间、答复时间和有办结时限的诉求类型的行）。\n`;
  else if (onTimeNote) s += `按时办结率未计算：${onTimeNote}\n`;
  const units = stats.unitList();
  if (units.length) {
    s += `\n按承办单位（${units.length} 个${units.length > 20 ? '，列出答复最多的 20 个' : ''}）：\n`;
    s += table(
      ['承办单位', '答复', '通过率', ...(timed ? ['按时办结'] : []), '每篇错误', '最常见的问题'],
      units.slice(0, 20).map((u) => {
        const top = [...u.rules].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([id, n]) => `${label(id).title} ${n}`).join('，');
        return [u.unit.length > 16 ? `${u.unit.slice(0, 15)}…` : u.unit, String(u.replies), pct(u.passed, u.replies), ...(timed ? [pct(u.onTime, u.timed)] : []), (u.errors / u.replies).toFixed(2), top || '—'];
      }),
      [false, true, true, ...(timed ? [true] : []), true, false],
    );
  }
  const rules = stats.ruleList();
  if (rules.length) {
    s += '\n按规则：\n';
    s += table(
      ['问题', '规则', '答复数', '占比', '问题数'],
      rules.map((r) => [label(r.ruleId).title, r.ruleId, String(r.replies), pct(r.replies, stats.checked), String(r.hits)]),
      [false, false, true, true, true],
    );
  }
  return s;
}

// The file side of `replylint check` around the core's runner (runTexts): reading and decoding a
// file, and turning the core's result into the CLI's (notices, lines and columns, fixes written
// back, --quiet, JSON). The linting itself, on worker threads for large runs, is the runner's.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import type { Diagnostic, TextResult } from '@replylint/core';
import { InputError, readReplyFile, type DecodedText } from '../io/read.js';
import { rawPath } from '../io/files.js';
import type { CliMessage, FileResult } from '../formatters/types.js';
import { jsonResult } from '../formatters/json.js';

export type Core = typeof import('@replylint/core');

/** How files are checked (from the command line). */
export interface ProcessSettings {
  cwd: string;
  maxBytes: number;
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  profile?: string;
  rules: Record<string, 'off' | 'warn' | 'error' | 'on'>;
  /** --time-budget (undefined: the config's, else the core's default). */
  timeBudget?: number;
  /** Absolute path of --config (no discovery then). */
  configFile?: string;
  /**
   * Serialise each result for this output format as soon as it is complete (FileResult.serialized),
   * so its messages need not be kept. Formats with a per-file serialiser: json.
   */
  serializeAs?: 'json';
}

export interface Job {
  /** Absolute path; undefined for stdin. */
  path?: string;
  /** Path reported in results (absolute, or `<text>`). */
  filePath: string;
  /** Path for messages (relative to cwd). */
  display: string;
  /** For stdin: where to discover the config from (the --stdin-filename, or cwd). */
  configFrom?: string;
}

export type JobOutcome =
  /** `inputError` too when the core could not check all of it (text it cannot parse, a segmenter that cannot load: exit 2). */
  | { result: FileResult; inputError?: string }
  /** The file could not be checked (exit 2; the others still are). */
  | { inputError: string };

function notice(ruleId: string, messageId: string, message: string): CliMessage {
  return { ruleId, severity: 1, message, messageId, line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0] };
}

export function countResult(r: Omit<FileResult, 'errorCount' | 'warningCount' | 'fatalErrorCount' | 'fixableErrorCount' | 'fixableWarningCount'>): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of r.messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fix) fixableErrorCount++;
      if (m.fatal) fatalErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  // built field by field (an object spread of results of varying shapes is slow in V8)
  const out: FileResult = {
    filePath: r.filePath,
    displayPath: r.displayPath,
    messages: r.messages,
    encoding: r.encoding,
    bom: r.bom,
    errorCount,
    warningCount,
    fatalErrorCount,
    fixableErrorCount,
    fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  return out;
}

export function toMessages(diagnostics: readonly Diagnostic[], text: string, core: Core): CliMessage[] {
  if (!diagnostics.length) return [];
  const starts = core.lineStarts(text);
  return diagnostics.map((d) => {
    const a = core.toLineColumn(starts, d.range[0]);
    const b = core.toLineColumn(starts, d.range[1]);
    const m: CliMessage = {
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      messageId: d.messageId,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      range: [d.range[0], d.range[1]],
    };
    if (d.fatal) m.fatal = true;
    if (d.fix) m.fix = { range: [d.fix.range[0], d.fix.range[1]], text: d.fix.text };
    if (d.suggestions?.length) m.suggestions = d.suggestions.map((s) => ({ messageId: s.messageId, desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
    if (d.covers?.length) m.covers = d.covers;
    return m;
  });
}

/** A file read for checking, or why it cannot be checked. */
export type ReadOutcome = { read: DecodedText & { mtimeMs?: number; size?: number } } | { inputError: string };

/** Reads and decodes a job's file (stat'ed when fixes may be written back). */
/** Files that are not a reply: what they are and what to run instead. */
const NOT_A_REPLY: Record<string, string> = {
  '.csv': '是表格导出文件，每行一篇答复：请用 replylint batch 检查',
  '.tsv': '是表格导出文件，每行一篇答复：请用 replylint batch 检查（先在 Excel 中另存为 .csv 或 .xlsx）',
  '.jsonl': '是逐行 JSON 导出文件：请用 replylint batch 检查',
  '.ndjson': '是逐行 JSON 导出文件：请用 replylint batch 检查',
  '.xlsx': '是 Excel 工作簿：请用 replylint batch 检查',
  '.xls': '是旧版 Excel 工作簿：请先在 Excel 中另存为 .xlsx，再用 replylint batch 检查',
  '.docx': '是 Word 文档：replylint 只读纯文本，请先另存为 .txt（文件 → 另存为 → 纯文本）再检查',
  '.doc': '是 Word 文档：replylint 只读纯文本，请先另存为 .txt（文件 → 另存为 → 纯文本）再检查',
  '.pdf': '是 PDF 文件：replylint 只读纯文本，请先把答复复制到 .txt 或 .md 文件中再检查',
};

export function readJob(job: Job, settings: ProcessSettings): ReadOutcome {
  const kind = job.path ? NOT_A_REPLY[extname(job.path).toLowerCase()] : undefined;
  if (kind) return { inputError: `${job.display}：${kind}` };
  try {
    return { read: readReplyFile(rawPath(job.path!) ?? job.path!, settings.maxBytes, { stat: settings.fix }) };
  } catch (e) {
    if (e instanceof InputError) return { inputError: `${job.display}：${e.message}` };
    throw e;
  }
}

/** Whether a decoded file is linted (and how): empty files are not, GBK files are never fixed. */
export function lintPlan(read: DecodedText, settings: ProcessSettings): { lint: boolean; fix: boolean } {
  return { lint: read.text.trim() !== '', fix: (settings.fix || settings.fixDryRun) && read.encoding === 'utf-8' };
}

/**
 * The CLI's result for a checked file: notices, the core's findings as messages with lines and
 * columns, fixes written back atomically (with --fix), --quiet, JSON serialised for json output.
 * `checked` is undefined for a file that was not linted (empty).
 */
export async function fileOutcome(job: Job, read: DecodedText & { mtimeMs?: number; size?: number }, checked: TextResult | undefined, settings: ProcessSettings, core: Core): Promise<JobOutcome> {
  const fixing = settings.fix || settings.fixDryRun;
  const messages: CliMessage[] = [];
  let incomplete: string | undefined;
  if (read.encoding === 'gb18030') {
    messages.push(
      fixing
        ? notice('encoding', 'gb18030NotFixed', '文件为 GBK/GB18030 编码，已按 GB18030 解码检查；为免改变文件编码，--fix 不修改此文件：请先另存为 UTF-8 再修复。')
        : notice('encoding', 'gb18030', '文件为 GBK/GB18030 编码，已按 GB18030 解码检查；建议另存为 UTF-8。'),
    );
  }
  const output = checked?.output;
  const bytesName = job.path !== undefined && rawPath(job.path) !== undefined;
  if (bytesName) messages.push(notice('encoding', 'fileName', '文件名或目录名不是 UTF-8 编码，这里按 GBK 显示；其他程序可能按此名称找不到它，建议改存为 UTF-8 名称。'));
  if (!checked) {
    messages.push(notice('empty-file', 'empty', '文件为空，未检查。'));
  } else {
    if (checked.error) return { inputError: `${job.display}：${checked.error}` };
    // what the core could not check is also said on stderr (exit 2); its other findings stay
    // (a warning, such as markup read as plain text, is a finding like any other)
    const internal = checked.diagnostics.find((d) => d.ruleId === core.INTERNAL_RULE_ID && d.severity === 2);
    if (internal) incomplete = `${job.display}：${internal.message}`;
    messages.push(...toMessages(checked.diagnostics, output ?? read.text, core));
  }

  if (output !== undefined && settings.fix && job.path) {
    const err = bytesName ? '文件名或目录名不是 UTF-8 编码，未写入修复（已照常检查）：请改存为 UTF-8 名称后再修复' : await writeFix(job.path, read, output);
    if (err) return { inputError: `${job.display}：${err}` };
  }

  const kept = settings.quiet ? messages.filter((m) => m.severity === 2) : messages;
  const result = countResult({
    filePath: job.filePath,
    displayPath: job.display,
    messages: kept,
    // like ESLint's `output`: only where the fixed text is not written back
    ...(output !== undefined && (settings.fixDryRun || !job.path) ? { output } : {}),
    encoding: read.encoding,
    bom: read.bom,
  });
  if (settings.serializeAs === 'json') {
    result.serialized = jsonResult(result);
    result.messages = [];
    delete result.output; // part of the serialised result
  }
  return incomplete ? { result, inputError: incomplete } : { result };
}

/**
 * Writes the fixed text atomically, and only over the text that was checked: a temporary file in
 * the same directory (mode and owner kept), fsync'ed; then the file is read again and compared
 * byte for byte with what was checked, right before the rename. A file changed meanwhile (an editor
 * saved it, a script appended to it) keeps the user's version. Symlinks are followed. Returns an
 * error message, or undefined on success.
 */
export async function writeFix(path: string, input: { text: string; bom: boolean; mtimeMs?: number; size?: number }, output: string): Promise<string | undefined> {
  let target: string;
  let st: ReturnType<typeof statSync>;
  try {
    target = realpathSync(path);
    st = statSync(target);
  } catch {
    return '文件在检查期间被删除或移动，未写入修复';
  }
  // a device or a pipe given as a file (check --fix /dev/stdin): nothing to rewrite in place
  if (!st.isFile()) return '不是普通文件，未写入修复';
  if (st.mtimeMs !== input.mtimeMs || st.size !== input.size) return CHANGED;
  // read-only for everyone (even root, who could write it): the user did not want it changed
  if ((st.mode & 0o222) === 0) return '文件是只读的，未写入修复：如确要修复，请先取消只读属性';
  const checked = Buffer.from((input.bom ? '\ufeff' : '') + input.text, 'utf8'); // a UTF-8 text round-trips exactly
  try {
    const written = writeFileAtomic(target, (input.bom ? '\ufeff' : '') + output, {
      mode: st.mode & 0o7777,
      owner: { uid: st.uid, gid: st.gid },
      beforeRename: () => readFileSync(target).equals(checked),
    });
    return written ? undefined : CHANGED;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `写入修复失败${code ? `（${code}）` : ''}，原文件未改动`;
  }
}

const CHANGED = '文件在检查期间被修改，未写入修复（保留了修改后的内容）';

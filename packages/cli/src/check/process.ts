// Checking one file: read/decode → config (per directory, cached) → lint or fix → write fixes →
// CLI messages. Used by the main thread and by the worker threads of large runs.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic, Linter, ResolvedConfig } from '@replylint/core';
import { InputError, readReplyFile, type DecodedText } from '../io/read.js';
import type { CliMessage, FileResult } from '../formatters/types.js';
import { jsonResult } from '../formatters/json.js';
import { isUserFacing } from '../errors.js';

export type Core = typeof import('@replylint/core');

/** Everything a worker needs to process files like the main thread (structured-cloneable). */
export interface ProcessSettings {
  cwd: string;
  maxBytes: number;
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  profile?: string;
  rules: Record<string, 'off' | 'warn' | 'error' | 'on'>;
  /** Absolute path of --config (no discovery then). */
  configFile?: string;
  /**
   * Serialise each result for this output format where the file is checked (FileResult.serialized):
   * a worker then sends back one string per file instead of the messages, and the main thread
   * only joins them. Formats with a per-file serialiser: json.
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
  | { inputError: string }
  /** A configuration error that stops the run (exit 2). */
  | { fatal: string };

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
    return m;
  });
}

export class FileProcessor {
  private readonly byDir = new Map<string, Linter>();
  /** One linter per configuration (directories sharing a .replylintrc.yaml share it). */
  private readonly byConfig = new Map<ResolvedConfig, Linter>();
  private readonly explicit: Linter | undefined;

  constructor(
    private readonly core: Core,
    private readonly settings: ProcessSettings,
  ) {
    this.explicit = settings.configFile ? this.linterFor(core.loadConfig({ configFile: settings.configFile })) : undefined;
  }

  private linterFor(config: ResolvedConfig): Linter {
    let linter = this.byConfig.get(config);
    if (!linter) {
      const { profile, rules } = this.settings;
      // the segmenter and the yaml package load when a reply needs them: most runs need neither
      linter = this.core.createLinter({ config, deferModules: true, ...(profile !== undefined ? { profile } : {}), ...(Object.keys(rules).length ? { rules } : {}) });
      this.byConfig.set(config, linter);
    }
    return linter;
  }

  /** The linter for files in `dir` (config discovered upward, cached per directory). Throws ConfigError. */
  linterForDir(dir: string): Linter {
    if (this.explicit) return this.explicit;
    let linter = this.byDir.get(dir);
    if (!linter) {
      linter = this.linterFor(this.core.loadConfig({ from: dir }));
      this.byDir.set(dir, linter);
    }
    return linter;
  }

  /** `input` is given for stdin; files are read here. */
  async process(job: Job, input?: DecodedText): Promise<JobOutcome> {
    const { core, settings } = this;
    let read: DecodedText & { mtimeMs?: number; size?: number };
    try {
      read = input ?? readReplyFile(job.path!, settings.maxBytes, { stat: settings.fix });
    } catch (e) {
      if (e instanceof InputError) return { inputError: `${job.display}：${e.message}` };
      throw e;
    }
    let linter: Linter;
    try {
      linter = this.linterForDir(job.path ? dirname(job.path) : (job.configFrom ?? settings.cwd));
    } catch (e) {
      if (isUserFacing(e)) return { fatal: e.message };
      throw e;
    }

    const fixing = settings.fix || settings.fixDryRun;
    const messages: CliMessage[] = [];
    let incomplete: string | undefined;
    let output: string | undefined;
    if (read.encoding === 'gb18030') {
      messages.push(
        fixing
          ? notice('encoding', 'gb18030NotFixed', '文件为 GBK/GB18030 编码，已按 GB18030 解码检查；为免改变文件编码，--fix 不修改此文件：请先另存为 UTF-8 再修复。')
          : notice('encoding', 'gb18030', '文件为 GBK/GB18030 编码，已按 GB18030 解码检查；建议另存为 UTF-8。'),
      );
    }
    if (read.text.trim() === '') {
      messages.push(notice('empty-file', 'empty', '文件为空，未检查。'));
    } else {
      let diagnostics: Diagnostic[];
      const call = { filename: job.filePath };
      if (fixing && read.encoding === 'utf-8') {
        const fixed = linter.fix(read.text, call);
        diagnostics = fixed.diagnostics;
        if (fixed.fixed) output = fixed.output;
      } else {
        diagnostics = linter.lint(read.text, call);
      }
      // what the core could not check is also said on stderr (exit 2); its other findings stay
      const internal = diagnostics.find((d) => d.ruleId === core.INTERNAL_RULE_ID);
      if (internal) incomplete = `${job.display}：${internal.message}`;
      messages.push(...toMessages(diagnostics, output ?? read.text, core));
    }

    if (output !== undefined && settings.fix && job.path) {
      const err = await writeFix(job.path, read, output);
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
}

/** Atomic write of the fixed text (BOM kept). Returns an error message, or undefined on success. */
export async function writeFix(path: string, input: { bom: boolean; mtimeMs?: number; size?: number }, output: string): Promise<string | undefined> {
  try {
    const st = statSync(path);
    if (st.mtimeMs !== input.mtimeMs || st.size !== input.size) return '文件在检查期间被修改，未写入修复';
  } catch {
    return '文件在检查期间被删除或移动，未写入修复';
  }
  try {
    const { default: writeFileAtomic } = await import('write-file-atomic');
    // temp file in the same directory, fsync, rename; keeps mode and owner; follows symlinks
    await writeFileAtomic(path, (input.bom ? '\ufeff' : '') + output, { encoding: 'utf8', fsync: true });
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `写入修复失败${code ? `（${code}）` : ''}，原文件未改动`;
  }
}

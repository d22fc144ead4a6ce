// `replylint check`: expand targets → read/decode → config per directory → lint or fix → format.
//
// Exit codes: 0 clean; 1 lint errors, or more warnings than --max-warnings; 2 usage, configuration
// or input error. Usage and configuration errors stop the run before anything is checked; a file
// that cannot be read as text is named on stderr and the other files are still checked (exit 2).
//
// Input decisions:
// - Encoding: UTF-8 (with or without BOM). GBK/GB18030 is recognised (strict UTF-8 fails, strict
//   GB18030 succeeds and ≥ 80 % of the non-ASCII characters are CJK), decoded and checked, with an
//   `encoding` warning (severity 1) at 1:1. Damaged UTF-8, UTF-16/32 and other encodings are refused.
// - BOM: stripped before linting (positions and columns exclude it), written back by --fix.
// - --fix never rewrites a GBK file (that would change its encoding or need a GB18030 encoder whose
//   mapping may differ in corner cases from the decoder's): the file is checked, not fixed, and the
//   `encoding` warning says so (messageId gb18030NotFixed). --fix-dry-run behaves the same.
// - Empty (or whitespace-only) files are not linted; they get one `empty-file` warning.
// - Binary files (NUL bytes) and files over --max-file-size (default 20 MB) are refused by name.
// - Fixes are written atomically (check/process.ts writeFix: temp file in the same directory, fsync,
//   mode and owner kept, symlinks followed) and only over the exact text that was checked: the file
//   is read again and compared right before the rename.
// - JSON output leaves out `source` (replies carry personal data); `output` is given for
//   --fix-dry-run and stdin, where the fixed text is not written back.
// Files are read here and checked by the core's runner (runTexts): large runs over worker threads,
// the main thread working along.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CliError, EXIT_LINT, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { expandTargets } from '../io/files.js';
import { readStdin } from '../io/read.js';
import { ensureDirectory } from '../io/dirs.js';
import { loadFormatter, isFormatName, FORMATS } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import type { FileResult, FormatContext, RuleMeta } from '../formatters/types.js';
import { outputColumns } from '../width.js';
import { pathToFileURL } from 'node:url';

/** REPLYLINT_DOCS_URL (where the docs are published), else the installed docs/rules/ folder. */
function docsBase(rules: string): string {
  const env = process.env.REPLYLINT_DOCS_URL?.trim();
  if (env) return env.endsWith('/') ? env : `${env}/`;
  return `${pathToFileURL(join(rules, '..', 'docs', 'rules')).href}/`;
}
import { cliVersion } from '../version.js';
import { loadCore, saveCoreCodeCache } from '../core-loader.js';
import { shouldColor } from '../color.js';
import { poolOptions, workerThreads } from '../threads.js';
import type { DecodedText } from '../io/read.js';
import type { LinterSpec, TextItem, TextResult } from '@replylint/core';
import { fileOutcome, lintPlan, readJob, type Core, type Job, type JobOutcome, type ProcessSettings } from './process.js';

export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

export interface CheckOptions {
  profile?: string;
  config?: string;
  format?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  rule?: string[];
  color?: boolean;
  outputFile?: string;
  stdinFilename?: string;
  maxFileSize?: number;
  /** Milliseconds one reply may take (undefined: the config's timeBudget, else the core's default). */
  timeBudget?: number;
  cwd?: string;
}

const SEVERITY_WORDS = new Set(['off', 'warn', 'error', 'on', '0', '1', '2']);

/** Pseudo-rules the CLI reports itself (no rule file behind them). */
export const CLI_RULES: RuleMeta[] = [
  {
    id: 'encoding',
    description: '答复文件应为 UTF-8 编码。GBK/GB18030 文件会被识别并照常检查，但不会被 --fix 改写。',
    source: '—（replylint 命令行）',
    category: 'input',
    severity: 'warn',
    fixable: false,
  },
  {
    id: 'empty-file',
    description: '答复文件为空（或只有空白），未做检查。',
    source: '—（replylint 命令行）',
    category: 'input',
    severity: 'warn',
    fixable: false,
  },
];

const CORE_PSEUDO_RULES: RuleMeta[] = [
  { id: 'front-matter', description: '文件头（front matter）元数据应为有效的 YAML，且各字段取值有效。', source: '—（答复文件格式）', category: 'input', severity: 'error', fixable: false },
  { id: 'unused-directive', description: 'replylint-disable 指令应引用存在的规则，并确实屏蔽了问题。', source: '—（行内指令）', category: 'input', severity: 'warn', fixable: true },
];

export function parseRuleFlags(flags: readonly string[], known: ReadonlySet<string>): Record<string, 'off' | 'warn' | 'error' | 'on'> {
  const out: Record<string, 'off' | 'warn' | 'error' | 'on'> = {};
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = (i < 0 ? flag : flag.slice(0, i)).trim();
    const sev = i < 0 ? '' : flag.slice(i + 1).trim().toLowerCase();
    if (!id || !SEVERITY_WORDS.has(sev)) {
      throw new CliError(`--rule 的取值「${flag}」无效：应为「规则id:级别」，级别为 error、warn、off 或 on，例如 --rule signature-block:error`);
    }
    if (!known.has(id)) throw new CliError(`--rule: 未知的规则「${id}」（运行 replylint rules 查看全部规则）`);
    out[id] = sev === '0' ? 'off' : sev === '1' ? 'warn' : sev === '2' ? 'error' : (sev as 'off' | 'warn' | 'error' | 'on');
  }
  return out;
}


export async function runCheck(patterns: readonly string[], opts: CheckOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const format = opts.format ?? 'stylish';
  if (!isFormatName(format)) throw new CliError(`未知的输出格式「${format}」，可用：${FORMATS.join('、')}`);
  if (opts.fix && opts.fixDryRun) throw new CliError('--fix 与 --fix-dry-run 不能同时使用');
  const maxBytes = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (!patterns.length) throw new CliError('请指定要检查的文件、目录或通配符（用「-」从标准输入读取），例如 replylint check replies/');

  const debug = process.env.REPLYLINT_DEBUG === '1';
  // phases for REPLYLINT_DEBUG=1: milliseconds since the process started
  const phases: string[] = [];
  const phase = debug ? (name: string) => phases.push(`${name} ${performance.now().toFixed(0)}`) : () => {};
  phase('开始');
  const targets = await expandTargets(patterns, cwd);
  phase(`展开 ${targets.files.length} 个文件`);
  if (opts.outputFile && targets.files.includes(resolve(cwd, opts.outputFile))) {
    throw new CliError(`-o：输出文件「${opts.outputFile}」是被检查的答复之一，写入会覆盖答复：请换一个文件名`);
  }
  if (targets.stdin && opts.fix) throw new CliError('从标准输入读取时不能使用 --fix（无处写回）：请改用 --fix-dry-run，修复后的全文在 JSON 输出的 output 字段中');
  const core = await loadCore();
  phase('加载引擎');
  if (opts.profile !== undefined) {
    const profiles = core.listProfiles();
    if (!profiles.includes(opts.profile)) throw new CliError(`--profile: 未知的规则配置「${opts.profile}」，可用：${profiles.join('、')}`);
  }
  const builtin = core.loadBuiltinRules();
  const ruleFlags = parseRuleFlags(opts.rule ?? [], new Set(builtin.keys()));
  const settings: ProcessSettings = {
    cwd,
    maxBytes,
    fix: Boolean(opts.fix),
    fixDryRun: Boolean(opts.fixDryRun),
    quiet: Boolean(opts.quiet),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    rules: ruleFlags,
    ...(opts.timeBudget !== undefined ? { timeBudget: opts.timeBudget } : {}),
    ...(opts.config !== undefined ? { configFile: resolve(cwd, opts.config) } : {}),
    ...(format === 'json' ? { serializeAs: 'json' as const } : {}),
  };
  const stdinFrom = targets.stdin ? (opts.stdinFilename ? dirname(resolve(cwd, opts.stdinFilename)) : cwd) : undefined;
  const plan = planConfigs(core, settings, [...targets.files.map((f) => dirname(f)), ...(stdinFrom ? [stdinFrom] : [])]);
  // large runs: the worker threads start now and load the engine on the other cores while this
  // thread loads its own linters (a worker needs ~0.4 s before its first result)
  const threads = workerThreads(targets.files.length >= PARALLEL_MIN_FILES, Math.max(0, targets.files.length - 1));
  const pool = threads > 0 ? core.startRunnerPool(threads, plan.spec, poolOptions()) : undefined;
  let linters: ReturnType<Core['lintersFromSpec']>;
  try {
    // every configuration the run needs, loaded (and validated: ConfigError → exit 2) before any file is read
    linters = loadConfigs(core, plan);
  } catch (e) {
    await pool?.destroy();
    throw e;
  }

  const jobs: Job[] = targets.files.map((f) => ({ path: f, filePath: f, display: displayPath(f, cwd) }));
  const outcomes: JobOutcome[] = new Array<JobOutcome>(jobs.length);
  // files are read here as the runner asks for more; what a file needs besides its text waits here
  const reads = new Map<number, DecodedText & { mtimeMs?: number; size?: number }>();
  const source = function* (): Generator<TextItem> {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const r = readJob(job, settings);
      if ('inputError' in r) {
        outcomes[i] = r;
        continue;
      }
      const how = lintPlan(r.read, settings);
      reads.set(i, r.read);
      if (!how.lint) continue; // empty: its outcome is made below
      yield { id: i, text: r.read.text, filename: job.filePath, fix: how.fix, ...configOf(plan, job.path!) };
    }
  };
  const pending: Promise<void>[] = [];
  const settle = (i: number, checked: TextResult | undefined) => {
    const read = reads.get(i)!;
    reads.delete(i);
    pending.push(fileOutcome(jobs[i]!, read, checked, settings, core).then((o) => void (outcomes[i] = o)));
  };
  const t0 = performance.now();
  try {
    for await (const checked of core.runTexts(source(), plan.spec, { ...(pool ? { pool } : {}), linters, inline: true, ordered: false })) {
      settle(checked.id as number, checked);
    }
  } finally {
    await pool?.destroy();
  }
  for (const i of [...reads.keys()]) settle(i, undefined); // empty files
  await Promise.all(pending);
  if (debug && threads) process.stderr.write(`[replylint] ${threads} 个工作线程 + 主线程：共 ${(performance.now() - t0).toFixed(0)} ms\n`);
  phase('检查完毕');
  if (targets.stdin) {
    const name = opts.stdinFilename ? resolve(cwd, opts.stdinFilename) : undefined;
    const job: Job = { filePath: name ?? '<text>', display: name ? displayPath(name, cwd) : '<stdin>', configFrom: name ? dirname(name) : cwd };
    let input;
    try {
      input = await readStdin(maxBytes);
    } catch (e) {
      if (e instanceof Error && e.name === 'InputError') input = e;
      else throw e;
    }
    if (input instanceof Error) outcomes.push({ inputError: `${job.display}：${input.message}` });
    else {
      const how = lintPlan(input, settings);
      let checked: TextResult | undefined;
      if (how.lint) {
        for await (const r of core.runTexts([{ id: 0, text: input.text, filename: job.filePath, fix: how.fix, ...configOf(plan, join(job.configFrom!, '-')) }], plan.spec, { linters })) checked = r;
      }
      outcomes.push(await fileOutcome(job, input, checked, settings, core));
    }
  }

  saveCoreCodeCache(); // first run of this build: now the engine's hot functions are compiled

  const results: FileResult[] = [];
  const inputErrors: string[] = [...targets.unreadable];
  for (const o of outcomes) {
    if (!o) continue;
    if ('inputError' in o && o.inputError) inputErrors.push(o.inputError);
    if ('result' in o) results.push(o.result);
  }

  const ctx: FormatContext = {
    cwd,
    color: format === 'stylish' && !opts.outputFile && shouldColor(opts.color),
    version: cliVersion(),
    quiet: Boolean(opts.quiet),
    rules: () => ruleMetas(core),
    columns: opts.outputFile ? 80 : outputColumns(),
    docsBase: docsBase(core.rulesDir()),
  };
  const text = (await loadFormatter(format))(results, ctx);
  phase('输出格式化');
  if (opts.outputFile) {
    const target = resolve(cwd, opts.outputFile);
    try {
      await ensureDirectory(dirname(target));
      await writeFile(target, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(`无法写入输出文件「${opts.outputFile}」${code ? `（${code}）` : ''}`);
    }
  } else if (text) {
    process.stdout.write(text);
  }

  phase('输出写完');
  if (debug) process.stderr.write(`[replylint] 各阶段（进程启动后毫秒）：${phases.join('，')}\n`);
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  for (const e of inputErrors) process.stderr.write(`replylint：${e}\n`);
  const max = opts.maxWarnings ?? -1;
  const tooManyWarnings = max >= 0 && warnings > max;
  if (tooManyWarnings) process.stderr.write(`replylint：共 ${warnings} 个警告，超过 --max-warnings 上限 ${max}\n`);
  if (inputErrors.length) return EXIT_USAGE;
  return errors > 0 || tooManyWarnings ? EXIT_LINT : EXIT_OK;
}


function ruleMetas(core: Core): RuleMeta[] {
  const out: RuleMeta[] = [];
  for (const r of core.loadBuiltinRules().values()) {
    out.push({
      id: r.id,
      description: r.description,
      ...(r.rationale ? { rationale: r.rationale } : {}),
      source: r.source,
      category: r.category,
      severity: r.severity,
      fixable: r.fixable,
    });
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...out, ...CORE_PSEUDO_RULES, ...CLI_RULES];
}

/**
 * Minimum number of files for which worker threads may pay off. A worker needs ~0.4–0.7 s to load
 * the engine and warm up (it starts right after the targets are expanded), and on the 2-core bench
 * machine two threads linting at once each run much slower than one alone (bench/parallel.mjs), so
 * the gain there is small: none at 1,000–5,000 files, 0–8 % at 10,000 (bench/README.md; a median of
 * −223 ms in 12 paired runs against a single thread, fifth round).
 */
export const PARALLEL_MIN_FILES = 4000;

/** The configurations of a run: one linter spec per .replylintrc.yaml found (or the explicit --config). */
interface ConfigPlan {
  spec: LinterSpec;
  /** Directory → name of its config in `spec.configs` (absent: the spec's own, the default config). */
  byDir: Map<string, string | undefined>;
}

function planConfigs(core: Core, settings: ProcessSettings, dirs: readonly string[]): ConfigPlan {
  const base = {
    deferModules: true, // the segmenter and the yaml package load when a reply needs them: most runs need neither
    ...(settings.profile !== undefined ? { profile: settings.profile } : {}),
    ...(Object.keys(settings.rules).length ? { rules: settings.rules } : {}),
    ...(settings.timeBudget !== undefined ? { timeBudget: settings.timeBudget } : {}),
  };
  const byDir = new Map<string, string | undefined>();
  const spec: LinterSpec = settings.configFile ? { ...base, configFile: settings.configFile } : { ...base, configs: {} };
  if (!settings.configFile) {
    for (const dir of dirs) {
      if (byDir.has(dir)) continue;
      const file = core.findConfigFile(dir);
      byDir.set(dir, file);
      if (file) spec.configs![file] = { ...base, configFile: file };
    }
  }
  return { spec, byDir };
}

/** Loads every configuration of the plan: a bad one stops the run before anything is checked (exit 2). */
function loadConfigs(core: Core, plan: ConfigPlan): ReturnType<Core['lintersFromSpec']> {
  const linterFor = core.lintersFromSpec(plan.spec);
  linterFor();
  for (const name of Object.keys(plan.spec.configs ?? {})) linterFor(name);
  return linterFor;
}

/** The `config` of the item for a file (by its directory). */
function configOf(plan: ConfigPlan, path: string): { config?: string } {
  const name = plan.byDir.get(dirname(path));
  return name === undefined ? {} : { config: name };
}

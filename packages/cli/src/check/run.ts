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
// - Fixes are written atomically (write-file-atomic: temp file in the same directory, fsync,
//   rename; mode and owner kept; symlinks followed) and only if the file did not change meanwhile.
// - JSON output leaves out `source` (replies carry personal data); `output` is given for
//   --fix-dry-run and stdin, where the fixed text is not written back.
// Large runs spread the files over worker threads (check/pool.ts); the main thread works along.
import { availableParallelism } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT_LINT, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { expandTargets } from '../io/files.js';
import { readStdin } from '../io/read.js';
import { ensureDirectory } from '../io/dirs.js';
import { loadFormatter, isFormatName, FORMATS } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import type { FileResult, FormatContext, RuleMeta } from '../formatters/types.js';
import { cliVersion } from '../version.js';
import { loadCore, saveCoreCodeCache } from '../core-loader.js';
import { shouldColor } from '../color.js';
import { FileProcessor, type Core, type Job, type JobOutcome, type ProcessSettings } from './process.js';
import { startPool, type Pool } from './pool.js';
import type { WorkerTask } from './worker.js';

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
  if (targets.stdin && opts.fix) throw new CliError('从标准输入读取时不能使用 --fix（无处写回）：请改用 --fix-dry-run，修复后的全文在 JSON 输出的 output 字段中');
  // Enough files for worker threads: they start loading the rule engine now, while the main
  // thread loads its own (a worker needs ~0.4 s before its first file).
  const threads = workerThreads(targets.files.length);
  const pool = startThreads(threads);
  let jobs: Job[];
  let core: Core;
  let settings: ProcessSettings;
  let processor: FileProcessor;
  try {
    core = await loadCore();
    phase('加载引擎');
    if (opts.profile !== undefined) {
      const profiles = core.listProfiles();
      if (!profiles.includes(opts.profile)) throw new CliError(`--profile: 未知的规则配置「${opts.profile}」，可用：${profiles.join('、')}`);
    }
    const builtin = core.loadBuiltinRules();
    const ruleFlags = parseRuleFlags(opts.rule ?? [], new Set(builtin.keys()));

    settings = {
      cwd,
      maxBytes,
      fix: Boolean(opts.fix),
      fixDryRun: Boolean(opts.fixDryRun),
      quiet: Boolean(opts.quiet),
      ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
      rules: ruleFlags,
      ...(opts.config !== undefined ? { configFile: resolve(cwd, opts.config) } : {}),
      ...(format === 'json' ? { serializeAs: 'json' as const } : {}),
    };
    processor = new FileProcessor(core, settings); // loads --config (ConfigError → exit 2)
    pool?.warmUp(settings);

    jobs = targets.files.map((f) => ({ path: f, filePath: f, display: displayPath(f, cwd) }));
  } catch (e) {
    await pool?.destroy();
    throw e;
  }
  const outcomes: JobOutcome[] = new Array<JobOutcome>(jobs.length);
  if (pool) await processParallel(jobs, outcomes, processor, settings, pool);
  else for (let i = 0; i < jobs.length; i++) outcomes[i] = await processor.process(jobs[i]!);
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
    outcomes.push(input instanceof Error ? { inputError: `${job.display}：${input.message}` } : await processor.process(job, input));
  }

  saveCoreCodeCache(); // first run of this build: now the engine's hot functions are compiled

  const results: FileResult[] = [];
  const inputErrors: string[] = [...targets.unreadable];
  for (const o of outcomes) {
    if (!o) continue;
    if ('fatal' in o) throw new CliError(o.fatal);
    if ('inputError' in o && o.inputError) inputErrors.push(o.inputError);
    if ('result' in o) results.push(o.result);
  }

  const ctx: FormatContext = {
    cwd,
    color: format === 'stylish' && !opts.outputFile && shouldColor(opts.color),
    version: cliVersion(),
    rules: () => ruleMetas(core),
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

/** Worker threads to use besides the main thread (REPLYLINT_WORKERS overrides; 0 = none). */
function workerThreads(files: number): number {
  const env = process.env.REPLYLINT_WORKERS;
  if (env !== undefined && env !== '' && /^\d+$/.test(env)) return Math.min(Number(env), Math.max(0, files - 1));
  if (files < PARALLEL_MIN_FILES) return 0;
  return Math.min(Math.max(availableParallelism() - 1, 0), 7);
}

/** The worker threads (check/pool.ts), each also told to load the engine and check a sample reply. */
function startThreads(threads: number): (Pool & { warmUp(settings: ProcessSettings): void }) | undefined {
  if (threads <= 0) return undefined;
  const pool = startPool(threads);
  const warming: Promise<unknown>[] = [];
  return {
    threads,
    run: (task) => pool.run(task),
    warmUp(settings) {
      // one warm-up chunk per thread, ahead of the real ones in its queue (results ignored)
      for (let i = 0; i < threads; i++) warming.push(pool.run({ settings, jobs: [], warmUp: true }).catch(() => undefined));
    },
    async destroy() {
      await pool.destroy();
      await Promise.all(warming);
    },
  };
}

async function processParallel(jobs: readonly Job[], outcomes: JobOutcome[], processor: FileProcessor, settings: ProcessSettings, pool: Pool): Promise<void> {
  const threads = pool.threads;
  // guided chunk sizes: large while much is left (fewer messages), small towards the end (so no
  // thread is left with a long queue while the others are idle)
  const chunkFor = (remaining: number, max: number) => Math.max(5, Math.min(max, Math.ceil(remaining / ((threads + 1) * 4))));
  let next = 0;
  let stop = false;
  const take = (max: number): [number, number] | undefined => {
    if (stop || next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + chunkFor(jobs.length - next, max));
    return [start, next];
  };
  const t0 = performance.now();
  let byMain = 0;
  let firstWorkerResult = 0;
  const store = (start: number, res: JobOutcome[]) => {
    res.forEach((o, k) => (outcomes[start + k] = o));
    if (res.some((o) => 'fatal' in o)) stop = true;
  };
  const worker = async () => {
    for (let r = take(100); r; r = take(100)) {
      const task: WorkerTask = { settings, jobs: jobs.slice(r[0], r[1]) };
      store(r[0], await pool.run(task));
      firstWorkerResult ||= performance.now() - t0;
    }
  };
  const main = async () => {
    for (let r = take(25); r; r = take(25)) {
      const res: JobOutcome[] = [];
      for (let i = r[0]; i < r[1]; i++) res.push(await processor.process(jobs[i]!));
      store(r[0], res);
      byMain += res.length;
      await new Promise((done) => setImmediate(done)); // let worker results in
    }
  };
  try {
    // two chunks in flight per thread (pool.run picks the thread with fewest): the main thread,
    // busy with its own chunk, cannot hand out the next one the moment a worker finishes one
    await Promise.all([main(), ...Array.from({ length: threads * 2 }, worker)]);
  } finally {
    await pool.destroy();
  }
  if (process.env.REPLYLINT_DEBUG === '1') {
    process.stderr.write(`[replylint] ${threads} 个工作线程 + 主线程：主线程处理 ${byMain} 个文件，工作线程 ${jobs.length - byMain} 个；首批工作线程结果 ${firstWorkerResult.toFixed(0)} ms，共 ${(performance.now() - t0).toFixed(0)} ms\n`);
  }
}

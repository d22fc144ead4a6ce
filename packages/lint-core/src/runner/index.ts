// One runner for texts, shared by the front ends that check many replies (`check`, `batch`,
// `serve`): an async iterable of items in, results out, ordered or as they finish, over a pool of
// worker threads (or in this thread), with backpressure: the source is read only as far as results
// are taken.
import { createLinter, type CreateLinterOptions, type Linter } from '../linter/create.js';
import { createConfig, loadConfig } from '../config/load.js';
import type { RuleSettingInput } from '../pack/schema.js';
import type { Diagnostic, SuppressedDiagnostic } from '../types.js';
import { startPool, type RunnerPool } from './pool.js';

/** One reply to check. */
export interface TextItem {
  /** The caller's id (a row number, a work order id, a path); returned with the result. */
  id: string | number;
  text: string;
  /** Ticket metadata as data (front matter in `text` merges under it). */
  meta?: unknown;
  filename?: string;
  /** Apply fixes: the result then has the fixed text in `output` (when it changed). */
  fix?: boolean;
  /** Evaluation instant as an ISO string or epoch milliseconds (default: when it is checked). */
  now?: string | number;
  /** Which linter of the spec (its `configs` key); default: the spec's own. */
  config?: string;
  /** `text`: plain text, not Markdown (a spreadsheet cell). */
  format?: 'markdown' | 'text';
}

export interface TextResult {
  id: string | number;
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  /** The profile that applied. */
  profile: string;
  /** The fixed text, for `fix` items whose text changed. */
  output?: string;
  /** Why the item could not be checked (not a string, unknown config); no diagnostics then. */
  error?: string;
}

/** How to build the linters (structured-cloneable: each worker builds its own). */
export interface LinterSpec {
  /** A `.replylintrc.yaml` (no discovery). */
  configFile?: string;
  /** A config object, as createConfig() takes it. */
  config?: Record<string, unknown>;
  /** Directory relative paths in `config` are resolved from, and where `cwd` discovery starts. */
  baseDir?: string;
  /** Discover `.replylintrc.yaml` upward from here. */
  cwd?: string;
  profile?: string;
  rules?: Record<string, RuleSettingInput>;
  deferModules?: boolean;
  /** Milliseconds one document may take (CreateLinterOptions.timeBudget; default: the config's, else 10 s). */
  timeBudget?: number;
  /** Further linters by name, for items with `config` (e.g. one per .replylintrc.yaml of a tree). */
  configs?: Record<string, Omit<LinterSpec, 'configs'>>;
}

export interface RunOptions {
  /** Worker threads (default 0: check in this thread). */
  workers?: number;
  /** Results in the order of the items (default true); false: as they finish. */
  ordered?: boolean;
  /** Items per message to a worker (default 32). */
  chunkSize?: number;
  /** Chunks checked or waiting to be taken at once (default 4 per worker): the bound on read-ahead. */
  maxPending?: number;
  /**
   * The calling thread checks chunks too, whenever every worker has two in flight (default false).
   * For a caller with little else to do (the CLI): all cores lint.
   */
  inline?: boolean;
  /** The worker module (tests; default: runner-worker.js beside this module). */
  workerUrl?: URL;
  /** Heap ceiling of each worker thread in MB (default DEFAULT_WORKER_MEMORY_MB; 0: V8's own). */
  workerMemoryMb?: number;
  /** This thread's linters for the spec, when the caller has built them already (lintersFromSpec). */
  linters?: (name?: string) => Linter;
  /**
   * Threads started earlier with startRunnerPool() for the same spec (they boot while the caller
   * does other work; a service keeps them across runs). The caller destroys it; `workers` is ignored.
   */
  pool?: RunnerPool;
}

export { startPool as startRunnerPool, DEFAULT_WORKER_MEMORY_MB, type RunnerPool, type PoolOptions } from './pool.js';

/** The linters a spec describes: the default one and the named ones, created on first use. */
export function lintersFromSpec(spec: LinterSpec): (name?: string) => Linter {
  const build = (s: Omit<LinterSpec, 'configs'>): Linter => {
    const options: CreateLinterOptions = {
      ...(s.profile !== undefined ? { profile: s.profile } : {}),
      ...(s.rules ? { rules: s.rules } : {}),
      ...(s.deferModules ? { deferModules: true } : {}),
      ...(s.timeBudget !== undefined ? { timeBudget: s.timeBudget } : {}),
    };
    if (s.config) options.config = createConfig(s.config, s.baseDir !== undefined ? { baseDir: s.baseDir } : {});
    else if (s.configFile !== undefined) options.config = loadConfig({ configFile: s.configFile });
    else if (s.cwd !== undefined) options.config = loadConfig({ from: s.cwd });
    return createLinter(options);
  };
  const byName = new Map<string, Linter>();
  return (name) => {
    const key = name ?? '';
    let l = byName.get(key);
    if (!l) {
      const s = name === undefined ? spec : spec.configs?.[name];
      if (!s) throw new RangeError(`unknown config "${name}"`);
      byName.set(key, (l = build(s)));
    }
    return l;
  };
}

/** Checks one item with the spec's linters; never throws for an item. */
export function checkItem(linterFor: (name?: string) => Linter, item: TextItem): TextResult {
  const id = item?.id;
  if (typeof item?.text !== 'string') return { id, diagnostics: [], suppressed: [], profile: '', error: '答复内容应为文字' };
  let linter: Linter;
  try {
    linter = linterFor(item.config);
  } catch {
    return { id, diagnostics: [], suppressed: [], profile: '', error: `未知的配置「${item.config}」` };
  }
  const call = {
    ...(item.meta !== undefined ? { meta: item.meta } : {}),
    ...(item.filename !== undefined ? { filename: item.filename } : {}),
    ...(item.now !== undefined ? { now: new Date(item.now) } : {}),
    ...(item.format === 'text' ? { format: 'text' as const } : {}),
  };
  if (item.fix) {
    // the fix passes and the lint of the result share the document's time budget
    const budget = linter.timeBudget;
    const shared = budget > 0 ? { ...call, deadline: performance.now() + budget } : call;
    const fixed = linter.fix(item.text, shared);
    const r = linter.lintDocument(fixed.output, shared);
    return { id, diagnostics: r.diagnostics, suppressed: r.suppressed, profile: r.profile, ...(fixed.fixed ? { output: fixed.output } : {}) };
  }
  const r = linter.lintDocument(item.text, call);
  return { id, diagnostics: r.diagnostics, suppressed: r.suppressed, profile: r.profile };
}

type Source<T> = AsyncIterable<T> | Iterable<T>;

function iteratorOf<T>(source: Source<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
}

/**
 * Checks every item of `source` and yields one result per item. The linters are built before the
 * first item is read (a configuration error is thrown from the first `next()`); with workers, each
 * builds its own from the same spec. Stop taking results and the source is no longer read.
 */
export async function* runTexts(source: Source<TextItem>, spec: LinterSpec = {}, options: RunOptions = {}): AsyncGenerator<TextResult> {
  const workers = options.pool ? options.pool.threads : (options.workers ?? 0);
  const linterFor = options.linters ?? lintersFromSpec(spec);
  linterFor(); // configuration errors surface here, before any item is read
  if (options.pool) {
    yield* schedule(source, options.pool, options, linterFor);
    return;
  }
  if (workers <= 0) {
    const it = iteratorOf(source);
    for (let r = await it.next(); !r.done; r = await it.next()) yield checkItem(linterFor, r.value);
    return;
  }
  const pool = startPool(workers, spec, { ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}), ...(options.workerMemoryMb !== undefined ? { memoryMb: options.workerMemoryMb } : {}) });
  try {
    yield* schedule(source, pool, options, linterFor);
  } finally {
    await pool.destroy();
  }
}

async function* schedule(source: Source<TextItem>, pool: RunnerPool, options: RunOptions, linterFor: (name?: string) => Linter): AsyncGenerator<TextResult> {
  const chunkSize = Math.max(1, options.chunkSize ?? 32);
  const maxPending = Math.max(1, options.maxPending ?? pool.threads * 4);
  const ordered = options.ordered ?? true;
  const it = iteratorOf(source);
  let exhausted = false;
  let sent = 0;
  let next = 0; // ordered: the chunk whose results go out next
  const running = new Map<number, Promise<void>>();
  const done = new Map<number, TextResult[]>();

  const readChunk = async (): Promise<TextItem[]> => {
    const chunk: TextItem[] = [];
    while (chunk.length < chunkSize) {
      const r = await it.next();
      if (r.done) {
        exhausted = true;
        break;
      }
      chunk.push(r.value);
    }
    return chunk;
  };
  const fill = async () => {
    while (!exhausted && running.size + done.size < maxPending) {
      const chunk = await readChunk();
      if (!chunk.length) break;
      const n = sent++;
      if (options.inline && running.size >= pool.threads * 2) {
        done.set(n, chunk.map((item) => checkItem(linterFor, item)));
        await new Promise((resolve) => setImmediate(resolve)); // let the workers' results in
        continue;
      }
      const p = pool.run(chunk).then(
        (results) => {
          running.delete(n);
          done.set(n, results);
        },
        (e: unknown) => {
          running.delete(n);
          // a thread that died takes its chunk with it: say so per item, keep going
          const why = e instanceof Error ? e.message : String(e);
          done.set(n, chunk.map((item) => ({ id: item?.id, diagnostics: [], suppressed: [], profile: '', error: `检查中断：${why}` })));
        },
      );
      running.set(n, p);
    }
  };

  await fill();
  while (running.size || done.size) {
    if (ordered) {
      while (done.has(next)) {
        const results = done.get(next)!;
        done.delete(next++);
        yield* results;
        await fill();
      }
    } else {
      for (const [n, results] of [...done]) {
        done.delete(n);
        yield* results;
        await fill();
      }
    }
    if (running.size) await Promise.race(running.values());
    await fill();
  }
}

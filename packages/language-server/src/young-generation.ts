// A bound on V8's young generation for a long-running server. V8 doubles the new space (two
// semispaces) whenever enough objects survive a scavenge, up to 2 × 16 MiB on 64-bit, and an editing
// session gets there within a few hundred edits: ~30 MiB of the server's memory (bench/README.md,
// "语言服务器的内存"). `--max-semi-space-size` would bound it, but only as a start-up flag, and editors
// start the server as they like (`replylint-language-server --stdio`, `node server.js`, VS Code's
// fork). At run time V8 still reads `--semi-space-growth-factor` at every growth step (only its
// minimum of 2 is enforced at start-up): the governor lets the new space grow while it is below the
// bound and sets the factor to 1 (no growth) once it is there; when V8 shrinks the new space again
// (an idle server), growing is allowed again. It looks after every garbage collection (a 'gc'
// performance observer, called soon after) and after every check. Best effort: a V8 that ignores the
// flag at run time just keeps its default.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Semispace bound in MiB (new space = 2 semispaces): 8 MiB of new space instead of up to 32. */
export const DEFAULT_MAX_SEMI_SPACE_MIB = 4;

/** Whether V8 was started with its own young-generation bound (then it is left alone). */
export function startedWithYoungGenerationFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const flag = /^--(?:max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor|optimize[-_]for[-_]size)(?:=|$)/;
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => flag.test(a));
}

let stoppedEarly = false;

/**
 * Stops the growth from the process's start (early.ts, the server's first import): loading the
 * server's modules alone grows the new space to 2 × 8 MiB before the governor exists, and V8 rarely
 * shrinks it again. The governor then decides (and restores the default when it is disabled).
 */
export function stopGrowthEarly(): void {
  if (stoppedEarly || startedWithYoungGenerationFlags()) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  stoppedEarly = true;
}

export interface YoungGenerationGovernor {
  /** Allows or stops the new space's growth (call after a burst of allocation, e.g. a check). */
  check(): void;
  /**
   * Runs a long synchronous task (loading the segmenter, verifying the rules' examples) with the
   * growth stopped: the checks run between tasks, and such a task could otherwise grow the new
   * space twice before the next one.
   */
  withoutGrowth<T>(task: () => T): T;
  /** Stops watching garbage collections. */
  dispose(): void;
  /** Whether the new space may grow now (false once it reached the bound). */
  readonly growing: boolean;
}

/**
 * A governor bounding the new space at 2 × `maxSemiSpaceMiB`; a no-op when the bound is 0 or V8
 * was started with young-generation flags. `space`, `setFlags` and `watch` are for tests.
 */
export function youngGenerationGovernor(
  maxSemiSpaceMiB: number = DEFAULT_MAX_SEMI_SPACE_MIB,
  {
    space = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size,
    setFlags = setFlagsFromString,
    startedWithFlags = startedWithYoungGenerationFlags(),
    watch = true,
  }: { space?: () => number | undefined; setFlags?: (flags: string) => void; startedWithFlags?: boolean; watch?: boolean } = {},
): YoungGenerationGovernor {
  let growing = !stoppedEarly;
  if (!(maxSemiSpaceMiB > 0) || startedWithFlags) {
    if (!growing) setFlags('--semi-space-growth-factor=2'); // V8's default again
    return { check() {}, withoutGrowth: (task) => task(), dispose() {}, growing: true };
  }
  const bound = 2 * maxSemiSpaceMiB * 1024 * 1024;
  const check = () => {
    const size = space();
    if (size === undefined) return;
    const grow = size < bound;
    if (grow === growing) return;
    growing = grow;
    setFlags(`--semi-space-growth-factor=${grow ? 2 : 1}`);
  };
  check();
  let observer: PerformanceObserver | undefined;
  if (watch) {
    observer = new PerformanceObserver(check);
    observer.observe({ entryTypes: ['gc'] });
  }
  return {
    check,
    withoutGrowth(task) {
      if (growing) setFlags('--semi-space-growth-factor=1');
      growing = false;
      try {
        return task();
      } finally {
        check();
      }
    },
    dispose: () => observer?.disconnect(),
    get growing() {
      return growing;
    },
  };
}

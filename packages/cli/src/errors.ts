// CLI error handling: every failure ends as one concise Chinese line on stderr and exit code 2.
// Stack traces are shown only with REPLYLINT_DEBUG=1.

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_USAGE = 2;

/** A usage, input or configuration error with a user-facing Chinese message. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export const ISSUE_HINT = '这是 replylint 的内部错误，请设置 REPLYLINT_DEBUG=1 重新运行，并将输出附在问题报告中。';

function isDebug(): boolean {
  return process.env.REPLYLINT_DEBUG === '1' || process.env.REPLYLINT_DEBUG === 'true';
}

/**
 * An error with a user-facing Chinese message: a CliError, or any of the core's ReplylintErrors
 * (ConfigError, SegmenterUnavailableError…), recognised by the brand the core puts on them
 * (Symbol.for('replylint.error')) so that this module does not load the core.
 */
export function isUserFacing(e: unknown): e is Error {
  return e instanceof CliError || (e instanceof Error && (e as unknown as Record<symbol, unknown>)[Symbol.for('replylint.error')] === true);
}

/** Prints `e` and returns the exit code to use. */
export function reportError(e: unknown): number {
  if (isUserFacing(e)) {
    process.stderr.write(`replylint：${e.message}\n`);
    if (isDebug() && e.stack) process.stderr.write(`${e.stack}\n`);
    return e instanceof CliError ? e.exitCode : EXIT_USAGE;
  }
  const code = e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' ? `（${(e as NodeJS.ErrnoException).code}）` : '';
  process.stderr.write(`replylint：意外错误${code}。${ISSUE_HINT}\n`);
  if (isDebug()) process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT_USAGE;
}

// Errors that carry a precise, user-facing Chinese message (file, line, key path, expectation).
// CLI and server print `message` as is and exit 2; they never show stack traces.

/**
 * Brand on every ReplylintError, subclasses included (ConfigError, SegmenterUnavailableError…), so
 * that code which does not load the core (the CLI's error handler) recognises them all.
 */
export const REPLYLINT_ERROR: unique symbol = Symbol.for('replylint.error') as never;

export class ReplylintError extends Error {
  override name = 'ReplylintError';
  readonly [REPLYLINT_ERROR] = true;
  constructor(
    message: string,
    readonly code: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Invalid configuration, profile, rule pack or data list. */
export class ConfigError extends ReplylintError {
  override name = 'ConfigError';
  constructor(message: string, file?: string, line?: number, readonly keyPath?: string) {
    super(message, 'config', file, line);
  }
}

/** Whether `e` is one of the core's errors (by brand, so copies of the core in a bundle count too). */
export function isReplylintError(e: unknown): e is ReplylintError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[REPLYLINT_ERROR] === true;
}

// Errors that carry a precise, user-facing Chinese message (file, line, key path, expectation).
// CLI and server print `message` as is and exit 2; they never show stack traces.

export class ReplylintError extends Error {
  override name = 'ReplylintError';
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

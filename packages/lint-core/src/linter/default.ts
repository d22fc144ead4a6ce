// The module-level lint(), lintDocument() and fix(): a convenience over linters created on demand
// for the options given (ESLint's Linter over a default config). A process that lints many
// documents with one configuration should hold its own createLinter() instead.
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/load.js';
import type { RuleSetting } from '../config/settings.js';
import type { RuleSettingInput } from '../pack/schema.js';
import type { FixResult } from '../engine/fix.js';
import type { LintResult } from '../engine/lint.js';
import type { Diagnostic } from '../types.js';
import { createLinter, type Linter } from './create.js';

export interface LintOptions {
  /** Ticket metadata as data (English keys or Chinese aliases); front matter merges under it. */
  meta?: unknown;
  /** For messages; no file is read. */
  filePath?: string;
  /** From loadConfig() / createConfig(); default: the `recommended` profile. */
  config?: ResolvedConfig;
  /** Profile that overrides front matter `profile` and config `extends`. */
  profile?: string;
  /** Per-rule overrides (CLI `--rule id:severity`). */
  rules?: Record<string, RuleSettingInput | RuleSetting>;
  /** Evaluation instant (default: new Date()). */
  now?: Date;
  /** Run only these rules (example verification, fixtures and tests). */
  only?: string[];
  /** `text`: a plain-text reply, not Markdown. */
  format?: 'markdown' | 'text';
  /** Milliseconds the document may take (default 10,000; 0: no limit): see LintCall.timeBudget. */
  timeBudget?: number;
}

// a few linters per config object (the usual caller passes one config and one set of overrides);
// the oldest is dropped beyond the bound
const MAX_PER_CONFIG = 32;
const linters = new WeakMap<ResolvedConfig, Map<string, Linter>>();

function linterFor(options: LintOptions): Linter {
  const config = options.config ?? DEFAULT_CONFIG;
  let byKey = linters.get(config);
  if (!byKey) linters.set(config, (byKey = new Map()));
  const key = `${options.profile ?? ''}\0${options.rules ? JSON.stringify(options.rules) : ''}`;
  let linter = byKey.get(key);
  if (!linter) {
    linter = createLinter({ config, ...(options.profile !== undefined ? { profile: options.profile } : {}), ...(options.rules ? { rules: options.rules } : {}) });
    if (byKey.size >= MAX_PER_CONFIG) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, linter);
  }
  return linter;
}

const callOf = (o: LintOptions) => ({
  ...(o.meta !== undefined ? { meta: o.meta } : {}),
  ...(o.filePath !== undefined ? { filename: o.filePath } : {}),
  ...(o.now ? { now: o.now } : {}),
  ...(o.only ? { only: o.only } : {}),
  ...(o.format ? { format: o.format } : {}),
  ...(o.timeBudget !== undefined ? { timeBudget: o.timeBudget } : {}),
});

export function lint(text: string, options: LintOptions = {}): Diagnostic[] {
  return linterFor(options).lint(text, callOf(options));
}

export function lintDocument(text: string, options: LintOptions = {}): LintResult {
  return linterFor(options).lintDocument(text, callOf(options));
}

export function fix(text: string, options: LintOptions = {}): FixResult {
  return linterFor(options).fix(text, callOf(options));
}

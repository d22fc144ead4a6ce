// The CLI's per-file result: ESLint's LintResult shape plus what the SARIF/JUnit/GitHub
// formatters need (offsets, display path, encoding). The JSON formatter strips the extras.

export interface CliFix {
  range: [number, number];
  text: string;
}

export interface CliMessage {
  /** Rule id; `encoding` / `empty-file` for notices of the CLI itself. */
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId: string;
  /** 1-based; columns in UTF-16 code units (like ESLint). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: CliFix;
  suggestions?: { messageId?: string; desc: string; fix: CliFix }[];
  fatal?: boolean;
  /** Other rules that saw the same fault, reported once here (core Diagnostic.covers). */
  covers?: string[];
  /** [start, end) UTF-16 offsets into the text (BOM excluded). */
  range: [number, number];
}

export interface FileResult {
  /** Absolute path, or `<text>` for stdin without --stdin-filename. */
  filePath: string;
  /** Path relative to the working directory (POSIX separators) for human-facing output. */
  displayPath: string;
  messages: CliMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Fixed text (ESLint: present when fixes were applied, with --fix / --fix-dry-run). */
  output?: string;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  /**
   * The result already serialised for the output format, by the thread that checked the file
   * (formats with a per-file serialiser: json). `messages` is then empty; the counts stay.
   */
  serialized?: string;
}

export interface RuleMeta {
  id: string;
  description: string;
  rationale?: string;
  source: string;
  category: string;
  severity: 'warn' | 'error';
  fixable: boolean;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Metadata of every rule that can appear (built-in rules and CLI/core pseudo-rules). */
  rules: () => RuleMeta[];
  version: string;
  /** --quiet: a clean run prints nothing. */
  quiet?: boolean;
  /** Width human-readable output is fitted to (default 80). */
  columns?: number;
  /** Folder URL of the rule docs (…/docs/rules/), for links in SARIF. */
  docsBase?: string;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

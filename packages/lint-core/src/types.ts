// Shared public types of @replylint/core.
// Positions are [start, end) UTF-16 offsets into the original file text.
// Line/column only exist at the edges (CLI formatters, LSP conversion).

export type Severity = 'off' | 'warn' | 'error';
export type ReportSeverity = 1 | 2; // 1 = warning, 2 = error (ESLint numbering)

export type Range = readonly [start: number, end: number];

export interface Fix {
  range: Range;
  text: string;
}

/** A rewrite offered to the user, not applied by `--fix` (ESLint's suggestion). */
export interface Suggestion {
  /** Key of the title in the rule's `messages:`. */
  messageId: string;
  /** The title: the rule's message `messageId` formatted with `data`. */
  desc: string;
  data: Record<string, string | number>;
  fix: Fix;
}

export interface Diagnostic {
  ruleId: string;
  severity: ReportSeverity;
  messageId: string;
  message: string;
  data: Record<string, string | number>;
  range: Range;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** true when the problem makes the rest of the document unreliable (e.g. unparsable front matter). */
  fatal?: boolean;
}

/** Request types of SPEC §2. */
export const REQUEST_TYPES = [
  'consultation',
  'complex-consultation',
  'help',
  'complaint',
  'report',
  'suggestion',
  'emergency',
  'incident',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface PersonRef {
  name?: string;
  phone?: string;
  unit?: string;
}

export interface Approval {
  by?: string;
  role?: string;
  at?: Date;
}

export interface Extension {
  approvedAt?: Date;
  until?: Date;
}

/** Validated ticket metadata (English canonical keys). Unknown keys are kept in `extra`. */
export interface TicketMeta {
  id?: string;
  channel?: string;
  type?: RequestType;
  anonymous?: boolean;
  dispatchedAt?: Date;
  repliedAt?: Date;
  request?: string;
  citizen?: PersonRef;
  handler?: PersonRef;
  approval?: Approval;
  extension?: Extension;
  profile?: string;
  extra: Record<string, unknown>;
}

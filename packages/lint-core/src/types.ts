// Shared public types of @replylint/core: the diagnostic and result contract (docs/api.md).
// Positions are [start, end) UTF-16 offsets into the original file text.
// Line/column only exist at the edges (CLI formatters, LSP conversion).

/**
 * Version of the diagnostic and result types below. The minor number grows when fields are added,
 * the major number when a field changes meaning or is removed.
 */
export const RESULT_FORMAT_VERSION = '1.1';

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

/** Another place that belongs to a finding (e.g. the earlier of two conflicting statements). */
export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: ReportSeverity;
  messageId: string;
  /** Chinese message. Personal numbers and names in it are masked (王*, 138****1234). */
  message: string;
  data: Record<string, string | number>;
  /**
   * Where in the text. A finding about the whole reply (a missing element) points at the first
   * paragraph of the body. A finding about a metadata value points at the value in the front
   * matter, or is `[0, 0]` when the value was passed as data (`metaKey` then names it).
   */
  range: Range;
  /** The metadata key the finding is about (`dispatchedAt`, `handler.phone`…), if any. */
  metaKey?: string;
  /** Whether `range` points into the text (false: a metadata value passed as data). */
  inText?: false;
  fix?: Fix;
  suggestions?: Suggestion[];
  related?: RelatedLocation[];
  /**
   * Other rules that saw the same fault and were not reported separately (one problem, one
   * report: a rule's `yieldsTo`). Their places are in `related`, their suggestions here.
   */
  covers?: string[];
  /** true when the problem makes the rest of the document unreliable (e.g. unparsable front matter). */
  fatal?: boolean;
}

/** A diagnostic an inline directive suppressed, kept for audit trails (ESLint's suppressedMessages). */
export interface SuppressedDiagnostic extends Diagnostic {
  suppressions: { kind: 'directive'; justification: string; range: Range }[];
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

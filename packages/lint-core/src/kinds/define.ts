// Rule kinds: TypeScript behaviour shared by data-defined rules (rules/core/<id>.yaml).
// A kind declares its options schema and the message ids it reports; a rule supplies
// options, Chinese messages, source clause and examples.
import type { z } from 'zod';
import type { Block, DocumentView, Sentence } from '../parse/views.js';
import type { Fix, Range, TicketMeta } from '../types.js';
import type { Segmenter } from '../segment/types.js';
import type { PolicyRegistry } from '../config/policies.js';

export interface KindReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** View range [start, end) (into doc.text/doc.simp). */
  at?: readonly [number, number];
  /** Source range; used when `at` is absent (e.g. metadata). Default: the whole document start. */
  range?: Range;
  /** Source-coordinate fix. Only provably safe edits. */
  fix?: Fix;
  suggestions?: KindSuggestion[];
  /** Report as a warning even when the rule is configured as an error. */
  downgrade?: boolean;
}

/** A suggestion as a kind makes it: the title is the rule's message `messageId` (declared in `messageIds`). */
export interface KindSuggestion {
  messageId: string;
  data?: Record<string, string | number>;
  fix: Fix;
}

/** The common suggestion: replace `range` by `text`, titled by the rule's message `suggestReplace` (改为：{{replacement}}). */
export function suggestReplace(range: Range, text: string): KindSuggestion {
  return { messageId: 'suggestReplace', data: { replacement: text }, fix: { range, text } };
}

export interface LintSettings {
  /** Signature defaults from config (`handler:`). */
  handler?: { name?: string; unit?: string; phone?: string };
  policies?: PolicyRegistry;
  /** Extra data a kind may need from config (e.g. calendar path). */
  calendarFile?: string;
}

export interface KindContext {
  ruleId: string;
  doc: DocumentView;
  meta: TicketMeta;
  metaRanges: Partial<Record<keyof TicketMeta, Range>>;
  /** The evaluation instant ("now") — injectable for tests. */
  now: Date;
  /** Profile that applies to this document (for profile-specific data such as deadline tables). */
  profile: string;
  settings: LintSettings;
  /** Lazily loaded word segmenter (only rules that need one call this). */
  segmenter(): Segmenter;
  report(report: KindReport): void;
}

export interface Visitors {
  document?(): void;
  block?(block: Block): void;
  sentence?(sentence: Sentence): void;
}

export interface KindDefinition<S extends z.ZodType = z.ZodType> {
  kind: string;
  description: string;
  options: S;
  /** Message ids the rule's YAML must define, for reports and suggestion titles (a function of the options when they choose them). */
  messageIds: readonly string[] | ((options: z.infer<S>) => readonly string[]);
  /** Option key that `phrases: {rule-id: [...]}` in config appends to. */
  extraPhrasesOption?: string;
  /** Whether a rule of this kind with these options offers fixes (shown in docs and `replylint rules`). */
  fixable?(options: z.infer<S>): boolean;
  /** Whether a rule of this kind with these options needs word segmentation. */
  needsSegmenter?(options: z.infer<S>): boolean;
  create(ctx: KindContext, options: z.infer<S>): Visitors;
}

export function defineKind<S extends z.ZodType>(def: KindDefinition<S>): KindDefinition<S> {
  return def;
}

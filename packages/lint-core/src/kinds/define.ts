// Rule kinds: TypeScript behaviour shared by data-defined rules (rules/core/<id>.yaml).
// A kind declares its options schema and the message ids it reports; a rule supplies
// options, Chinese messages, source clause and examples.
import type { z } from 'zod';
import type { Block, DocumentView, Sentence } from '../parse/views.js';
import type { Fix, Range, RelatedLocation, TicketMeta } from '../types.js';
import type { MetaKey } from '../meta/keys.js';
import type { DeadlineTable } from '../deadline/table.js';
import type { Calendar } from '../deadline/calendar.js';
import type { Segmenter } from '../segment/types.js';
import type { PolicyRegistry } from '../config/policies.js';

/**
 * A finding. Where it is, one of: `at` (a view range), `range` (a source range), `metaKey` (a
 * metadata value: its range in the front matter, or no range when it was passed as data), or
 * none of them for a finding about the whole reply (the engine points at the first paragraph).
 */
export interface KindReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** View range [start, end) (into doc.text/doc.simp). */
  at?: readonly [number, number];
  /** Source range. */
  range?: Range;
  /** The metadata key the finding is about (first found of several: `[repliedAt, dispatchedAt]`). */
  metaKey?: MetaKey | readonly MetaKey[];
  related?: RelatedLocation[];
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
  /** `strictCalendar: true`: a year with no calendar data is a CalendarGapError, not computed provisionally. */
  strictCalendar?: boolean;
}

/** Deadline data the linter loaded (profiles' tables, the working-day calendar). */
export interface KindDeadlines {
  /** The deadline table under a profile, or undefined when its chain has none. */
  tableFor(profile: string): DeadlineTable | undefined;
  readonly calendar: Calendar;
}

export interface KindContext {
  ruleId: string;
  doc: DocumentView;
  meta: TicketMeta;
  /** The evaluation instant ("now") — injectable for tests. */
  now: Date;
  /** Profile that applies to this document (for profile-specific data such as deadline tables). */
  profile: string;
  settings: LintSettings;
  deadlines: KindDeadlines;
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

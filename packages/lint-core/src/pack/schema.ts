// zod schemas of rule packs (rules/core/<id>.yaml) and profiles (rules/profiles/<name>.yaml).
import { z } from 'zod';
import { REQUEST_TYPES } from '../types.js';

export const severitySchema = z.enum(['off', 'warn', 'error']);

const numericSeverity = z.union([z.literal(0), z.literal(1), z.literal(2)]).transform((n) => (['off', 'warn', 'error'] as const)[n]);
const onSeverity = z.literal('on');

/** `error` | `warn` | `off` | `on` (= the rule's default) | 0/1/2 | [severity, {options}] */
export const ruleSettingSchema = z.union([
  severitySchema,
  onSeverity,
  numericSeverity,
  z.tuple([z.union([severitySchema, onSeverity, numericSeverity]), z.record(z.string(), z.unknown())]),
  z.tuple([z.union([severitySchema, onSeverity, numericSeverity])]),
]);
export type RuleSettingInput = z.input<typeof ruleSettingSchema>;

export const appliesToSchema = z.strictObject({
  type: z.array(z.enum(REQUEST_TYPES)).optional(),
  notType: z.array(z.enum(REQUEST_TYPES)).optional(),
  channel: z.array(z.string()).optional(),
  anonymous: z.boolean().optional(),
  /** metadata keys that must be present */
  has: z.array(z.string()).optional(),
});
export type AppliesTo = z.infer<typeof appliesToSchema>;

const exampleSchema = z.union([
  z.string(),
  z.strictObject({
    text: z.string(),
    messageId: z.string().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    note: z.string().optional(),
  }),
]);

/**
 * One fault that another rule reports too (one problem, one report): when a document has reports
 * of both, only one is shown, the more severe; on equal severity the other rule's (engine/overlaps.ts).
 */
export const yieldsToSchema = z.strictObject({
  /** The other rule. */
  rule: z.string(),
  /** Its reports that say the same… */
  messageIds: z.array(z.string()).min(1),
  /** …as these reports of this rule. */
  ours: z.array(z.string()).min(1),
  /** Only where the two reports' ranges overlap (the same words), not anywhere in the document. */
  samePlace: z.boolean().optional(),
});
export type YieldsTo = z.infer<typeof yieldsToSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case 规则 id'),
  /** The problem in a few words, for reports and charts (结尾署名不全): the id is for configuration. */
  title: z.string().min(2).max(12),
  kind: z.string(),
  severity: z.enum(['warn', 'error']),
  category: z.enum(['elements', 'citations', 'invalid', 'approval']),
  source: z.string().min(1),
  description: z.string().min(1),
  rationale: z.string().optional(),
  messages: z.record(z.string(), z.string().min(1)),
  options: z.record(z.string(), z.unknown()).default({}),
  appliesTo: appliesToSchema.optional(),
  yieldsTo: z.array(yieldsToSchema).optional(),
  /** Severity to use when the rule's `appliesTo` … (e.g. warn otherwise) is expressed via options by kinds. */
  examples: z.strictObject({
    valid: z.array(exampleSchema).min(1),
    invalid: z.array(exampleSchema).min(1),
  }),
});
export type RuleYaml = z.infer<typeof ruleSchema>;

export const profileSchema = z.strictObject({
  id: z.string(),
  description: z.string().optional(),
  extends: z.array(z.string()).optional(),
  rules: z.record(z.string(), ruleSettingSchema).nullish(),
  deadlines: z.unknown().optional(),
});
export type ProfileYaml = z.infer<typeof profileSchema>;

const listExamples = z
  .array(z.string().min(1))
  .min(1)
  .describe('例句：每句都必须能被本条匹配，词表加载时逐句核对。');

/**
 * Text of a phrase: no regex syntax, since a phrase is matched as written and a regex written
 * here would (almost surely) never match. `(`, `)` and `.` are allowed: they occur in titles.
 * Also the `pattern` of the JSON Schema, so editors flag it as it is typed.
 */
const phraseText = z
  .string()
  .min(1)
  .regex(/^(?!.*\(\?)[^\\^$*+?|[\]{}]*$/, '含正则符号：phrases 按原文匹配；要写正则表达式请移到 patterns: 下');

/** A `phrases:` entry: literal text, or `{ phrase, examples }`. */
export const phraseEntrySchema = z.union([
  phraseText,
  z.strictObject({ phrase: phraseText.describe('按原文匹配的词语。'), examples: listExamples.optional() }),
]);

/** A `patterns:` entry: a regex source (macros allowed), or `{ pattern, examples }`. */
export const patternEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({ pattern: z.string().min(1).describe('正则表达式（可用 {{date}} 等宏）。'), examples: listExamples.optional() }),
]);

/**
 * rules/lists/<name>.yaml: literal `phrases` (matched as written on the Simplified view) and
 * regex `patterns`, like Vale's tokens / raw. Rules insert them with `{ $list: name }`.
 */
export const listSchema = z
  .strictObject({
    description: z.string().optional().describe('这张词表收什么、给哪条规则用。'),
    phrases: z
      .array(phraseEntrySchema)
      .optional()
      .describe('词语：按原文匹配，不是正则表达式；简体、繁体答复都能查出。每行一条，如“- 无理取闹”。'),
    patterns: z
      .array(patternEntrySchema)
      .optional()
      .describe('正则表达式（供开发人员维护），在答复的简体文本上匹配。'),
  })
  .refine((l) => (l.phrases?.length ?? 0) + (l.patterns?.length ?? 0) > 0, { message: '词表是空的：请至少写一条 phrases 或 patterns' });
export type ListYaml = z.infer<typeof listSchema>;

// The `deadlines:` block of a profile (rules/profiles/<name>.yaml): conventions and one entry per
// event (sign-in, return, completion by request type, extension…), each with its rule text and
// source clause. Validated here with file:line errors.
import { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from '../types.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为时刻 HH:MM，如 17:30');

export const conventionsSchema = z.strictObject({
  /** Start of the working day (a dispatch on a non-working day counts from this time of the next working day). */
  workdayStart: clock.default('08:30'),
  /** End of the working day: "within N working days" ends at this time. */
  workdayEnd: clock.default('17:30'),
  /** From this time on a dispatch counts as afternoon (12:00 itself is afternoon). */
  noon: clock.default('12:00'),
});
export type Conventions = z.infer<typeof conventionsSchema>;

/** How a due time is computed from the dispatch. */
export const dueSchema = z.discriminatedUnion('kind', [
  /** 上午派发 → 当日下班前；下午派发（含12:00）→ 次一工作日 noon 前 */
  z.strictObject({ kind: z.literal('half-day') }),
  /** 收到之日后第 N 个工作日下班前 */
  z.strictObject({ kind: z.literal('working-days'), days: z.number().int().min(1).max(100) }),
  /** 收到（受理）当个工作日下班前 */
  z.strictObject({ kind: z.literal('same-working-day') }),
  /** 派单当日（自然日）24:00 前，不论是否工作日（突发事件“当天答复”） */
  z.strictObject({ kind: z.literal('same-day') }),
  /** 办结时限届满前 N 个工作日（延期申请） */
  z.strictObject({ kind: z.literal('before-completion'), workingDays: z.number().int().min(1).max(30) }),
  /** 延长后的最晚时限：原办结时限再加原办理时限（延长不得超过原时限） */
  z.strictObject({ kind: z.literal('extension-max') }),
  /** 文件未规定（或不以派单时间起算）：不计算，说明原因 */
  z.strictObject({ kind: z.literal('none'), note: z.string().min(1) }),
]);
export type DueSpec = z.infer<typeof dueSchema>;

const typedRuleSchema = z.strictObject({ rule: z.string().min(1), due: dueSchema, source: z.string().min(1).optional() });

const eventSchema = z
  .strictObject({
    /** Machine id: sign-in | return | completion | extension-apply | extension-max | … */
    event: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case 事件 id'),
    /** Chinese name (签收、申请退回…) */
    name: z.string().min(1),
    source: z.string().min(1),
    rule: z.string().min(1).optional(),
    due: dueSchema.optional(),
    /** Due per request type (completion limits). */
    byType: z.partialRecord(z.enum(REQUEST_TYPES), typedRuleSchema).optional(),
  })
  .refine((e) => (e.due === undefined) !== (e.byType === undefined), { message: '每个事件应有 due 或 byType 之一' })
  .refine((e) => e.byType !== undefined || e.rule !== undefined, { message: '事件缺少 rule（中文规则说明）', path: ['rule'] });
export type DeadlineEvent = z.infer<typeof eventSchema>;

export const deadlineTableSchema = z.union([
  z.strictObject({
    /** Document the table implements (shown in output). */
    document: z.string().min(1),
    note: z.string().optional(),
    conventions: conventionsSchema.default({ workdayStart: '08:30', workdayEnd: '17:30', noon: '12:00' }),
    events: z.array(eventSchema).min(1),
  }),
  /** Reuse another profile's table (e.g. a county applying the city's limits). */
  z.strictObject({ from: z.string().min(1), document: z.string().min(1), note: z.string().optional() }),
]);
export type DeadlineTableYaml = z.infer<typeof deadlineTableSchema>;

export interface DeadlineTable {
  /** Profile whose YAML defines the table. */
  profile: string;
  /** Profile the table was requested for (differs when `from:` borrows one). */
  usedBy: string;
  document: string;
  note?: string;
  conventions: Conventions;
  events: DeadlineEvent[];
}

/** Request types for which the table has type-specific limits (empty when no event depends on the type). */
export function typesOf(table: DeadlineTable): RequestType[] {
  const set = new Set<RequestType>();
  for (const e of table.events) for (const t of Object.keys(e.byType ?? {})) set.add(t as RequestType);
  return REQUEST_TYPES.filter((t) => set.has(t));
}

// Validation of each metadata value (SPEC §2), shared by front matter and `meta` objects. Each key
// is validated on its own, so one wrong value is one problem and the other keys still count.
// Well-formed values of the usual shapes are taken without zod (fastField); zod validates the rest
// and words the problems.
import { z } from 'zod';
import { parseBeijingTime } from '../time.js';
import { maskPersonalText } from '../detect/mask.js';
import { NESTED_ALIASES, REQUEST_TYPE_HINT, requestTypeOf, type MetaKey } from './keys.js';

const text = z.union([z.string(), z.number()]).transform((v) => String(v));
const dateTime = z.union([z.string(), z.date()]).transform((v, ctx) => {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v;
  const d = typeof v === 'string' ? parseBeijingTime(v) : undefined;
  if (!d) {
    ctx.addIssue({ code: 'custom', message: '日期时间，如 2024-03-12 09:30 或 2024-03-12T09:30:00+08:00' });
    return z.NEVER;
  }
  return d;
});
const person = z.object({ name: text.optional(), phone: text.optional(), unit: text.optional() }).loose();

export const FIELD_SCHEMAS: Record<MetaKey, { schema: z.ZodType; expected: string }> = {
  id: { schema: text, expected: '工单编号（文字）' },
  channel: { schema: text, expected: '来源渠道（文字），如 12345、市长信箱、督办件' },
  type: {
    schema: z.string().transform((v, ctx) => {
      const t = requestTypeOf(v);
      if (!t) {
        ctx.addIssue({ code: 'custom', message: 'type' });
        return z.NEVER;
      }
      return t;
    }),
    expected: `诉求类型之一：${REQUEST_TYPE_HINT}`,
  },
  anonymous: {
    schema: z.union([z.boolean(), z.enum(['是', '否'])]).transform((v) => v === true || v === '是'),
    expected: 'true / false（或 是 / 否）',
  },
  dispatchedAt: { schema: dateTime, expected: '日期时间，如 2024-03-12 09:30' },
  repliedAt: { schema: dateTime, expected: '日期时间，如 2024-03-12 09:30' },
  request: { schema: z.string(), expected: '诉求原文（文字）' },
  citizen: { schema: person, expected: '{ name, phone }' },
  handler: { schema: person, expected: '{ name, unit, phone }' },
  approval: {
    schema: z.object({ by: text.optional(), role: text.optional(), at: dateTime.optional() }).loose(),
    expected: '{ by, role, at }',
  },
  extension: {
    schema: z.object({ approvedAt: dateTime.optional(), until: dateTime.optional() }).loose(),
    expected: '{ approvedAt, until }（日期时间）',
  },
  profile: { schema: z.string(), expected: '规则配置名称，如 suqian' },
};

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const isText = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
// an invalid Date (new Date(NaN)) is left to the schema, which rejects it
const timeOf = (v: unknown): Date | undefined =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? undefined : v) : typeof v === 'string' ? parseBeijingTime(v) : undefined;

/**
 * The parsed value of a field when it has the usual well-formed shape (plain strings, a known
 * type, a valid date-time, objects of strings), computed without zod; undefined means "ask the
 * schema" (which then also words any problem). Same result as the schema
 * (test/parse/metadata-fast.test.ts).
 */
export function fastField(key: string, value: unknown): { data: unknown } | undefined {
  switch (key) {
    case 'id':
    case 'channel':
      if (typeof value === 'string') return { data: value };
      if (typeof value === 'number' && Number.isSafeInteger(value)) return { data: String(value) };
      return undefined;
    case 'request':
    case 'profile':
      return typeof value === 'string' ? { data: value } : undefined;
    case 'type': {
      if (typeof value !== 'string') return undefined;
      const t = requestTypeOf(value);
      return t ? { data: t } : undefined;
    }
    case 'anonymous':
      return typeof value === 'boolean' ? { data: value } : undefined;
    case 'dispatchedAt':
    case 'repliedAt': {
      const d = timeOf(value);
      return d ? { data: d } : undefined;
    }
    case 'citizen':
    case 'handler':
      return isPlainObject(value) && isText(value.name) && isText(value.phone) && isText(value.unit) ? { data: { ...value } } : undefined;
    case 'approval':
      if (!isPlainObject(value) || !isText(value.by) || !isText(value.role)) return undefined;
      if (value.at === undefined) return { data: { ...value } };
      const at = timeOf(value.at);
      return at ? { data: { ...value, at } } : undefined;
    case 'extension': {
      if (!isPlainObject(value)) return undefined;
      const out: Record<string, unknown> = { ...value };
      for (const k of ['approvedAt', 'until'] as const) {
        if (value[k] === undefined) continue;
        const d = timeOf(value[k]);
        if (!d) return undefined;
        out[k] = d;
      }
      return { data: out };
    }
    default:
      return undefined;
  }
}

/** Nested Chinese keys (`姓名`) under their English names; the object itself when it has none. */
export function normalizeNested(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (!keys.some((k) => NESTED_ALIASES.has(k))) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[NESTED_ALIASES.get(k) ?? k] = value[k];
  return out;
}

/** A short description of a value for messages (never more than 20 characters of it). */
export function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : value.toISOString();
  if (typeof value === 'object') return '对象';
  // the value is echoed in the message: a phone or ID number written under the wrong key is masked
  const s = maskPersonalText(String(value));
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

export type FieldResult = { ok: true; value: unknown } | { ok: false; subPath: string; expected: string };

/** Validates the value of a known key (nested Chinese keys accepted). */
export function readField(key: MetaKey, value: unknown): FieldResult {
  const field = FIELD_SCHEMAS[key];
  const normalized = normalizeNested(value);
  const fast = fastField(key, normalized);
  if (fast) return { ok: true, value: fast.data };
  const parsed = field.schema.safeParse(normalized);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, subPath: issue && issue.path.length ? `.${issue.path.join('.')}` : '', expected: field.expected };
}

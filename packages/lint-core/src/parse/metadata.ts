// Ticket metadata from YAML front matter: English keys or their Chinese aliases (SPEC §2).
// Each key is validated on its own, so one wrong key is one diagnostic at its line and
// the other keys still reach the rules. Unknown keys are kept in `extra`.
//
// Speed: front matter is parsed on every lint, so values come from a reader for flat one-line
// `key: value` front matter (parse/flat-yaml.ts), else from js-yaml (~0.03 ms for a typical
// ticket); the `yaml` document with node ranges (~0.25 ms) is built only when a range is needed —
// a syntax error, an invalid value, or a rule pointing at a key. Well-formed values of the usual
// shapes are taken without zod (fastField); zod validates the rest and words the problems.
import jsyaml from 'js-yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { yaml } from '../util/lazy-yaml.js';
import { aliasRange, yamlErrorDetail } from '../util/yaml-source.js';
import { z } from 'zod';
import { parseBeijingTime } from '../time.js';
import { readFlatYaml } from './flat-yaml.js';
import { maskPersonalText } from '../detect/mask.js';
import { REQUEST_TYPES, type Range, type RequestType, type TicketMeta } from '../types.js';

export interface MetadataProblem {
  messageId: 'yamlSyntax' | 'notMapping' | 'invalidValue' | 'duplicateKey';
  data: Record<string, string>;
  range: Range;
  fatal?: boolean;
}

// Maps: a key such as `constructor` must not find Object.prototype's members
const TOP_ALIASES = new Map<string, keyof TicketMeta>(Object.entries({
  工单编号: 'id',
  编号: 'id',
  来源渠道: 'channel',
  渠道: 'channel',
  诉求类型: 'type',
  类型: 'type',
  匿名: 'anonymous',
  派单时间: 'dispatchedAt',
  答复时间: 'repliedAt',
  回复时间: 'repliedAt',
  诉求内容: 'request',
  诉求人: 'citizen',
  承办人: 'handler',
  审核: 'approval',
  签批: 'approval',
  延期: 'extension',
  规则配置: 'profile',
} satisfies Record<string, keyof TicketMeta>));

const NESTED_ALIASES = new Map<string, string>(Object.entries({
  姓名: 'name',
  电话: 'phone',
  联系电话: 'phone',
  单位: 'unit',
  承办单位: 'unit',
  审核人: 'by',
  签批人: 'by',
  职务: 'role',
  时间: 'at',
  签批时间: 'at',
  审核时间: 'at',
  批准时间: 'approvedAt',
  延期至: 'until',
}));

const TYPE_ALIASES: Record<string, RequestType> = {
  咨询: 'consultation',
  一般咨询: 'consultation',
  复杂咨询: 'complex-consultation',
  求助: 'help',
  投诉: 'complaint',
  举报: 'report',
  建议: 'suggestion',
  应急: 'emergency',
  突发: 'incident',
};

const text = z.union([z.string(), z.number()]).transform((v) => String(v));
const dateTime = z.union([z.string(), z.date()]).transform((v, ctx) => {
  if (v instanceof Date) return v;
  const d = parseBeijingTime(v);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: '日期时间，如 2024-03-12 09:30 或 2024-03-12T09:30:00+08:00' });
    return z.NEVER;
  }
  return d;
});
const person = z.object({ name: text.optional(), phone: text.optional(), unit: text.optional() }).loose();

export const FIELD_SCHEMAS: Record<string, { schema: z.ZodType; expected: string }> = {
  id: { schema: text, expected: '工单编号（文字）' },
  channel: { schema: text, expected: '来源渠道（文字），如 12345、市长信箱、督办件' },
  type: {
    schema: z.string().transform((v, ctx) => {
      const t = (REQUEST_TYPES as readonly string[]).includes(v) ? (v as RequestType) : TYPE_ALIASES[v];
      if (!t) {
        ctx.addIssue({ code: 'custom', message: 'type' });
        return z.NEVER;
      }
      return t;
    }),
    expected: `诉求类型之一：${REQUEST_TYPES.join('、')}（或 咨询、复杂咨询、求助、投诉、举报、建议、应急、突发）`,
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

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
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
      const t = (REQUEST_TYPES as readonly string[]).includes(value) ? value : TYPE_ALIASES[value];
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
function normalizeNested(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (!keys.some((k) => NESTED_ALIASES.has(k))) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[NESTED_ALIASES.get(k) ?? k] = value[k];
  return out;
}

function describe(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '对象';
  // the value is echoed in the message: a phone or ID number written under the wrong key is masked
  const s = maskPersonalText(String(value));
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

export interface MetadataResult {
  meta: TicketMeta;
  problems: MetadataProblem[];
  /** Source ranges of the values of known keys (canonical name → range), for rules that point at metadata. */
  keyRanges: Partial<Record<keyof TicketMeta, Range>>;
}

const SIMPLE_VALUE = /^[^\s|>[\]{}&*!#%@`,'"?:-]/;

/**
 * Range [start, end) of the value of a top-level key written on one line as `key: value` with a
 * plain or single-line quoted scalar, no comment, and the key occurring once; otherwise undefined.
 * Same range as the `yaml` package's node range for these cases (see metadata.test.ts).
 */
export function simpleValueRange(yamlText: string, rawKey: string): Range | undefined {
  let found: Range | undefined;
  for (let at = yamlText.indexOf(rawKey); at >= 0; at = yamlText.indexOf(rawKey, at + 1)) {
    if (at > 0 && yamlText[at - 1] !== '\n') continue;
    let i = at + rawKey.length;
    while (yamlText[i] === ' ' || yamlText[i] === '\t') i++;
    if (yamlText[i] !== ':') continue;
    if (found) return undefined; // duplicate key
    i++;
    if (yamlText[i] !== ' ' && yamlText[i] !== '\t') return undefined;
    while (yamlText[i] === ' ' || yamlText[i] === '\t') i++;
    let end = yamlText.indexOf('\n', i);
    if (end < 0) end = yamlText.length;
    // an indented next line continues a plain scalar over several lines
    if (/^[ \t]+\S/.test(yamlText.slice(end + 1, end + 200))) return undefined;
    while (end > i && /[ \t\r]/.test(yamlText[end - 1]!)) end--;
    const value = yamlText.slice(i, end);
    if (!value) return undefined;
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : undefined;
    if (quote) {
      if (value.length < 2 || value[value.length - 1] !== quote || value.slice(1, -1).includes(quote)) return undefined;
    } else if (!SIMPLE_VALUE.test(value) || value.includes(' #') || value.includes('\t#') || /:[ \t]/.test(value)) {
      return undefined;
    }
    found = [i, end];
  }
  return found;
}

/**
 * Source ranges of the values of the known keys present, computed when a rule asks (a getter per
 * known key on the prototype: no per-document property definitions).
 */
class KeyRanges {
  constructor(
    readonly rawKeys: ReadonlyMap<string, string>,
    readonly rangeOf: (rawKey: string) => Range,
  ) {}
}
for (const key of Object.keys(FIELD_SCHEMAS)) {
  Object.defineProperty(KeyRanges.prototype, key, {
    get(this: KeyRanges) {
      const raw = this.rawKeys.get(key);
      return raw === undefined ? undefined : this.rangeOf(raw);
    },
  });
}

/** File line of an offset in the front matter text (it starts on line 2, after the opening `---`). */
const fileLine = (yamlText: string, offset: number): number => yamlText.slice(0, offset).split('\n').length + 1;

/**
 * A key given twice at the top level (js-yaml refuses such a mapping, `yaml` keeps the last
 * value): reported at the later occurrence, since the ticket's metadata is then ambiguous.
 */
function duplicateKeys(doc: Document, yamlText: string, base: number): MetadataProblem[] {
  const { isMap, isScalar } = yaml();
  if (!isMap(doc.contents)) return [];
  const seen = new Map<string, number>();
  const out: MetadataProblem[] = [];
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = pair.key as YamlNode | null;
    if (!key?.range) continue;
    const name = isScalar(key) ? String(key.value) : String(key);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, key.range[0]);
      continue;
    }
    out.push({ messageId: 'duplicateKey', data: { key: name, first: name, line: String(fileLine(yamlText, first)) }, range: [base + key.range[0], base + Math.max(key.range[0] + 1, key.range[1])] });
  }
  return out;
}

export function parseMetadata(yamlText: string, base: number, fmRange: Range): MetadataResult {
  const meta: TicketMeta = { extra: {} };
  const problems: MetadataProblem[] = [];
  if (!/\S/.test(yamlText)) return { meta, problems, keyRanges: {} }; // (trim() would copy the text)

  let data: unknown;
  let fast = true;
  try {
    data = readFlatYaml(yamlText) ?? jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    fast = false; // syntax error or a construct js-yaml rejects (e.g. duplicate keys): ask `yaml`
  }
  let doc: Document | undefined;
  const getDoc = () => (doc ??= yaml().parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: false }));
  if (!fast) {
    const d = getDoc();
    if (d.errors.length > 0) {
      const err = d.errors[0]!;
      const at = base + (err.pos?.[0] ?? 0);
      problems.push({
        messageId: 'yamlSyntax',
        data: { detail: yamlErrorDetail(err.code) },
        range: [at, Math.max(at + 1, base + (err.pos?.[1] ?? 0))],
        fatal: true,
      });
      return { meta, problems, keyRanges: {} };
    }
    try {
      data = d.toJS();
    } catch {
      // parses, but is no data: an alias to an anchor that is not defined (x: *y), or too many
      // aliases; reported at the first alias
      const alias = aliasRange(d);
      problems.push({
        messageId: 'yamlSyntax',
        data: { detail: yamlErrorDetail('BAD_ALIAS') },
        range: alias ? [base + alias[0], base + alias[1]] : fmRange,
        fatal: true,
      });
      return { meta, problems, keyRanges: {} };
    }
    problems.push(...duplicateKeys(d, yamlText, base));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ messageId: 'notMapping', data: {}, range: fmRange, fatal: true });
    return { meta, problems, keyRanges: {} };
  }

  // source ranges of the values of known keys, computed on first use: a one-line `key: value`
  // is found by a line scan; anything else asks the `yaml` document
  let ranges: Map<string, Range> | undefined;
  const rangeOf = (rawKey: string): Range => {
    const simple = simpleValueRange(yamlText, rawKey);
    if (simple) return [base + simple[0], base + simple[1]];
    if (!ranges) {
      ranges = new Map();
      const contents = getDoc().contents;
      const { isMap, isScalar } = yaml();
      if (isMap(contents)) {
        for (const pair of contents.items as Pair<YamlNode, YamlNode>[]) {
          const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          const r = (pair.value?.range ?? (pair.key as YamlNode | null)?.range ?? [0, 0]) as number[];
          ranges.set(k, [base + r[0]!, base + Math.max(r[0]! + 1, r[1]!)]);
        }
      }
    }
    return ranges.get(rawKey) ?? fmRange;
  };

  const rawKeys = new Map<string, string>();
  const keyRanges = new KeyRanges(rawKeys, rangeOf) as MetadataResult['keyRanges'];
  const record = data as Record<string, unknown>;
  for (const rawKey of Object.keys(record)) {
    const value = record[rawKey];
    const key = (TOP_ALIASES.get(rawKey) ?? rawKey) as keyof TicketMeta;
    const field = Object.prototype.hasOwnProperty.call(FIELD_SCHEMAS, key) ? FIELD_SCHEMAS[key as string] : undefined;
    if (!field) {
      meta.extra[rawKey] = value;
      continue;
    }
    const earlier = rawKeys.get(key);
    if (earlier !== undefined) {
      // the same field under two names (`handler` and `承办人`): the later one counts
      const line = fileLine(yamlText, rangeOf(earlier)[0] - base);
      problems.push({ messageId: 'duplicateKey', data: { key: rawKey, first: earlier, line: String(line) }, range: rangeOf(rawKey) });
    }
    rawKeys.set(key, rawKey);
    const normalized = normalizeNested(value);
    const parsed = fastField(key, normalized) ?? field.schema.safeParse(normalized);
    if ('success' in parsed && !parsed.success) {
      const issue = parsed.error.issues[0];
      const sub = issue && issue.path.length ? `.${issue.path.join('.')}` : '';
      problems.push({
        messageId: 'invalidValue',
        data: { key: `${rawKey}${sub}`, expected: field.expected, actual: describe(value) },
        range: rangeOf(rawKey),
      });
      continue;
    }
    (meta as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return { meta, problems, keyRanges };
}

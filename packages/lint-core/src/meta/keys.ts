// The one table of ticket metadata keys (SPEC §2): English canonical keys, the Chinese aliases
// accepted for them, nested keys, and the labels of request types. Front matter, `lint(text,
// { meta })`, `deadline --type`, batch columns and the HTTP service all read it from here.
import { REQUEST_TYPES, type RequestType, type TicketMeta } from '../types.js';

export type MetaKey = Exclude<keyof TicketMeta, 'extra'>;

export interface MetaKeySpec {
  key: MetaKey;
  /** Chinese name shown to users. */
  label: string;
  /** Other names accepted for the key (front matter, `meta` objects, export column headers). */
  aliases: readonly string[];
}

export const META_KEYS: readonly MetaKeySpec[] = [
  { key: 'id', label: '工单编号', aliases: ['工单编号', '编号', '留言编号'] },
  { key: 'channel', label: '来源渠道', aliases: ['来源渠道', '渠道'] },
  { key: 'type', label: '诉求类型', aliases: ['诉求类型', '类型'] },
  { key: 'anonymous', label: '匿名', aliases: ['匿名'] },
  { key: 'dispatchedAt', label: '派单时间', aliases: ['派单时间', '受理时间'] },
  { key: 'repliedAt', label: '答复时间', aliases: ['答复时间', '回复时间', '办结时间'] },
  { key: 'request', label: '诉求内容', aliases: ['诉求内容', '留言详情', '来电内容'] },
  { key: 'citizen', label: '诉求人', aliases: ['诉求人'] },
  { key: 'handler', label: '承办人', aliases: ['承办人'] },
  { key: 'approval', label: '审核/签批', aliases: ['审核', '签批'] },
  { key: 'extension', label: '延期', aliases: ['延期'] },
  { key: 'profile', label: '规则配置', aliases: ['规则配置'] },
];

// Maps: a key such as `constructor` must not find Object.prototype's members
const TOP = new Map<string, MetaKey>();
for (const spec of META_KEYS) {
  TOP.set(spec.key, spec.key);
  for (const a of spec.aliases) TOP.set(a, spec.key);
}

/** The canonical key for a key as written (English or Chinese alias), or undefined for an unknown key. */
export function canonicalMetaKey(raw: string): MetaKey | undefined {
  return TOP.get(raw);
}

/** Chinese names of the keys inside `citizen`, `handler`, `approval` and `extension`. */
export const NESTED_ALIASES: ReadonlyMap<string, string> = new Map(Object.entries({
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

/** The Chinese name of each request type (as the documents call them). */
export const TYPE_NAMES: Readonly<Record<RequestType, string>> = {
  consultation: '咨询',
  'complex-consultation': '复杂咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  emergency: '应急',
  incident: '突发',
};

/** Labels platforms use besides the names above (a trailing 类 or 件 is accepted on any of them). */
const EXTRA_TYPE_LABELS: Readonly<Record<string, RequestType>> = {
  一般咨询: 'consultation',
  突发事件: 'incident',
  应急事件: 'emergency',
};

const TYPE_LABELS = new Map<string, RequestType>([
  ...REQUEST_TYPES.map((t) => [t, t] as const),
  ...Object.entries(TYPE_NAMES).map(([t, name]) => [name, t as RequestType] as const),
  ...Object.entries(EXTRA_TYPE_LABELS),
]);

/** The request type a label stands for (`complaint`, 投诉, 投诉类, 一般咨询…), or undefined. */
export function requestTypeOf(label: string): RequestType | undefined {
  const s = label.trim();
  return TYPE_LABELS.get(s) ?? (/[类件]$/.test(s) ? TYPE_LABELS.get(s.slice(0, -1)) : undefined);
}

/** What a request type may be written as, for messages. */
export const REQUEST_TYPE_HINT = `${REQUEST_TYPES.join('、')}（或 ${Object.values(TYPE_NAMES).join('、')}，可带“类”字，如 投诉类）`;

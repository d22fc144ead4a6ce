// Errors the service answers with: one JSON shape `{error, message}`, a Chinese message that says
// what was wrong where and what is expected, and a defined status. Bad input is never a 500.
import type { FastifyError } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'invalid-request', message);

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  values?: unknown[];
  errors?: Issue[][];
}

/** `items[0].meta.type` */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '请求体';
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: 'true 或 false',
  object: 'JSON 对象',
  array: '数组',
  record: 'JSON 对象',
  tuple: '数组',
};

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? '其他类型';
      const sp = /^[A-Za-z]/.test(expected) ? ' ' : '';
      return /received undefined/.test(issue.message) ? `缺少此项（应为${sp}${expected}）` : `应为${sp}${expected}`;
    }
    case 'unrecognized_keys':
      return `未知的字段 ${(issue.keys ?? []).map((k) => `「${k}」`).join('、')}`;
    case 'too_big':
      return issue.origin === 'string' ? `过长：最多 ${issue.maximum} 个字符` : issue.origin === 'array' ? `过多：最多 ${issue.maximum} 项` : `过大：最大 ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'array' ? `至少要有 ${issue.minimum} 项` : issue.origin === 'string' ? `至少 ${issue.minimum} 个字符` : `过小：最小 ${issue.minimum}`;
    case 'invalid_value':
      return `应为 ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' 或 ')}`;
    default:
      return '取值无效';
  }
}

/** The issues of a failed zod parse as one Chinese message (at most three, each with its key path). */
export function issuesMessage(issues: readonly Issue[]): string {
  const flat: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors?.length) {
      // {text…} or {items…}: explain the alternative the request came closest to
      // (a branch whose problems are all nested inside the request is the one meant)
      const score = (branch: Issue[]) => branch.reduce((n, i) => n + (i.path.length <= 1 ? 10 : 1), 0);
      const best = [...issue.errors].sort((a, b) => score(a) - score(b))[0]!;
      for (const sub of best) flat.push({ ...sub, path: [...issue.path, ...sub.path] });
    } else flat.push(issue);
  }
  const parts = flat.slice(0, 3).map((i) => `${pathText(i.path)}：${describe(i)}`);
  if (flat.length > 3) parts.push(`另有 ${flat.length - 3} 处`);
  return `请求内容有误：${parts.join('；')}`;
}

/** Fastify's own errors (body parsing, limits, media type) as the service's errors. */
export function fromFastifyError(e: FastifyError, bodyLimit: number): HttpError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload-too-large', `请求体超过 ${bodyLimit} 字节的上限：请分批提交，或由管理员用 --body-limit 调高上限`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported-media-type', '请求体应为 JSON，并带 Content-Type: application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('请求体为空：应为 JSON 对象，如 {"text": "答复全文"}');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('请求头 Content-Length 与请求体长度不符');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest(jsonMessage(e));
    case 'FST_ERR_VALIDATION':
      return badRequest(e.message);
  }
  if (e instanceof SyntaxError) return badRequest(jsonMessage(e));
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'invalid-request', '请求无效');
  return undefined;
}

/** A body that JSON.parse (or the prototype-poisoning guard) refused, in Chinese. */
export function jsonMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/forbidden (?:prototype|constructor)/i.test(message)) return '请求体含有不允许的键 __proto__ 或 constructor.prototype';
  return `请求体不是合法的 JSON（${jsonDetail(message)}）：请检查引号、逗号和括号是否配对`;
}

/** The position part of a JSON.parse message ("… in JSON at position 12 (line 1 column 13)"). */
function jsonDetail(message: string): string {
  const m = /position (\d+)/.exec(message);
  if (m) return `第 ${Number(m[1]) + 1} 个字符附近`;
  if (/Unexpected end/.test(message)) return '内容不完整';
  return '无法解析';
}

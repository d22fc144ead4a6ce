// YAML files validated with zod, reporting problems as `file:line: key.path: 期望…`.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import type { Document } from 'yaml';
import { yaml } from './lazy-yaml.js';
import type { z } from 'zod';
import { ConfigError } from './errors.js';

export interface YamlSource {
  file: string;
  /** The `yaml` document with source ranges (built on first use: only error paths need it). */
  readonly doc: Document;
  /** File line of the value at `path`; 0 for data that comes from no file (objectSource). */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * A source for data given as an object (an editor's settings, an HTTP request's options): errors
 * name `label` and the key path, and no line.
 */
export function objectSource(label: string): YamlSource {
  return {
    file: label,
    get doc(): Document {
      throw new Error('objectSource has no YAML document');
    },
    lineOf: () => 0,
  };
}

/** `file:line: key.path: text` (or `label: key.path: text` for an objectSource) as a ConfigError. */
export function sourceError(source: YamlSource, path: readonly PropertyKey[], text: string): ConfigError {
  const line = source.lineOf(path);
  const where = line ? `${source.file}:${line}` : source.file;
  return new ConfigError(`${where}: ${formatPath(path)}: ${text}`, source.file, line || undefined, formatPath(path));
}

// Speed: rule packs, lists and profiles are read on every start. js-yaml (core schema: no
// timestamps, YAML 1.2 booleans) is ~5x faster than `yaml`'s composer, so values come from it;
// the `yaml` document with source ranges is only built when a line number is asked for, or
// when js-yaml rejects the text (then `yaml` gives the precise error).
export function parseYamlSource(text: string, file: string): { source: YamlSource; data: unknown } {
  let data: unknown;
  let fast = true;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: file });
  } catch {
    fast = false;
  }
  let parsed: { doc: Document; lineOfOffset: (offset: number) => number } | undefined;
  const full = () => {
    if (parsed) return parsed;
    const { LineCounter, parseDocument } = yaml();
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
    parsed = { doc, lineOfOffset: (offset: number) => lineCounter.linePos(offset).line };
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const line = parsed.lineOfOffset(e.pos?.[0] ?? 0);
      const what = e.code === 'DUPLICATE_KEY' ? '重复的键' : 'YAML 语法错误';
      throw new ConfigError(`${file}:${line}: ${what}（${e.message.split('\n')[0]}）`, file, line);
    }
    return parsed;
  };
  if (!fast) {
    const { doc, lineOfOffset } = full(); // throws the precise error
    try {
      data = doc.toJS(); // both parsers disagree: trust `yaml`, which accepted the text
    } catch {
      const line = lineOfOffset(aliasRange(doc)?.[0] ?? 0);
      throw new ConfigError(`${file}:${line}: YAML 语法错误（${YAML_ERRORS.BAD_ALIAS}）`, file, line);
    }
  }
  const source: YamlSource = {
    file,
    get doc() {
      return full().doc;
    },
    lineOf(path) {
      const { doc, lineOfOffset } = full();
      const { isNode } = yaml();
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineOfOffset(node.range[0]);
        // a missing key: point at its parent map
      }
      return 1;
    },
  };
  return { source, data };
}

/**
 * Range (in the YAML text) of the first alias that points nowhere, else of the first alias: where
 * to report a document that parses but cannot become data (`x: *y`, or too many aliases).
 */
export function aliasRange(d: Document): [number, number] | undefined {
  const { visit, isAlias } = yaml();
  let first: [number, number] | undefined;
  let unresolved: [number, number] | undefined;
  visit(d, {
    Alias(_key, node) {
      if (!isAlias(node) || !node.range) return undefined;
      first ??= [node.range[0], node.range[1]];
      if (node.resolve(d) === undefined) {
        unresolved = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

/** What the `yaml` package's error codes mean, in the words of the message (the code follows). */
export const YAML_ERRORS: Record<string, string> = {
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_INDENT: '缩进不对，或括号没有闭合',
  BLOCK_AS_IMPLICIT_KEY: '一行里有两个“键:”（值里有冒号时请给值加引号，如 request: "时间: 晚上"），或下一行的缩进不对',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  TAB_AS_INDENT: '用了制表符缩进，请改用空格',
  BAD_ALIAS: '引用了没有定义的锚点（*名称），或引用过多',
  BAD_DQ_ESCAPE: '双引号里的转义写法不对',
  UNEXPECTED_TOKEN: '有多余或不该出现的字符',
  BAD_SCALAR_START: '值不能以这个字符开头，请给值加引号',
  MULTIPLE_DOCS: '文件头里只能有一段 YAML',
};

export function yamlErrorDetail(code: string | undefined): string {
  const said = code ? YAML_ERRORS[code] : undefined;
  return said ? `${said}，${code}` : (code ?? '语法错误');
}

export function readYamlSource(file: string): { source: YamlSource; data: unknown } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ConfigError(`${file}: 无法读取文件（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`, file);
  }
  return parseYamlSource(decodeYamlBytes(bytes, file), file);
}

/**
 * A configuration file's text: UTF-8 (a BOM dropped), or GBK/GB18030 as Windows editors save it,
 * read like replies are (only when the text then reads as Chinese); anything else is an error
 * rather than mojibake read as settings.
 */
export function decodeYamlBytes(bytes: Uint8Array, file: string): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
  let text: string | undefined;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    text = undefined;
  }
  if (text === undefined || !mostlyChinese(text)) throw new ConfigError(`${file}: 既不是有效的 UTF-8，也不像 GBK/GB18030 编码的中文：请另存为 UTF-8`, file);
  return text;
}

/** At least 80 % of the non-ASCII characters are CJK ideographs, CJK punctuation or full-width forms. */
function mostlyChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x20000 && c <= 0x3134f)) cjk++;
  }
  return nonAscii > 0 && cjk / nonAscii >= 0.8;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true/false',
  object: '对象（键: 值）',
  array: '列表',
  undefined: '缺失',
  null: '空值',
};

export function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; text: string } {
  const path = [...issue.path];
  switch (issue.code) {
    case 'invalid_type':
      return { path, text: `应为${TYPE_NAMES[issue.expected] ?? issue.expected}` };
    case 'unrecognized_keys':
      return { path: [...path, issue.keys[0]!], text: `未知的键「${issue.keys.join('」「')}」` };
    case 'invalid_value':
      return { path, text: `应为以下之一：${issue.values.map((v) => String(v)).join('、')}` };
    case 'too_small':
      return { path, text: `过小或过短（至少 ${String(issue.minimum)}）` };
    case 'too_big':
      return { path, text: `过大或过长（至多 ${String(issue.maximum)}）` };
    case 'invalid_union':
      return { path, text: issue.message && !issue.message.startsWith('Invalid') ? issue.message : '格式不符合要求' };
    default:
      return { path, text: issue.message };
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || '(根)';
}

/** Validates data against a schema; on failure throws ConfigError pointing at the first issue. */
export function validateSource<S extends z.ZodType>(schema: S, data: unknown, source: YamlSource, prefix: readonly PropertyKey[] = []): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { path, text } = describeIssue(result.error.issues[0]!);
  throw sourceError(source, [...prefix, ...path], text);
}

// YAML files validated with zod, reporting problems as `file:line: key.path: 期望…`.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.js';

export interface YamlSource {
  file: string;
  doc: Document;
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYamlSource(text: string, file: string): { source: YamlSource; data: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core', uniqueKeys: true });
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineOfOffset(e.pos?.[0] ?? 0);
    const what = e.code === 'DUPLICATE_KEY' ? '重复的键' : 'YAML 语法错误';
    throw new ConfigError(`${file}:${line}: ${what}（${e.message.split('\n')[0]}）`, file, line);
  }
  const source: YamlSource = {
    file,
    doc,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineOfOffset(node.range[0]);
        // a missing key: point at its parent map
      }
      return 1;
    },
  };
  return { source, data: doc.toJS() };
}

export function readYamlSource(file: string): { source: YamlSource; data: unknown } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: 无法读取文件（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`, file);
  }
  return parseYamlSource(text, file);
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
  const full = [...prefix, ...path];
  const line = source.lineOf(full);
  throw new ConfigError(`${source.file}:${line}: ${formatPath(full)}: ${text}`, source.file, line, formatPath(full));
}

// Loading the built-in rule pack: rules/core/*.yaml (+ rules/lists/*.yaml referenced with {$list: name}).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../util/errors.js';
import { readYamlSource, validateSource, formatPath, describeIssue, type YamlSource } from '../util/yaml-source.js';
import { rulesDir } from '../util/paths.js';
import { listSchema, ruleSchema, type RuleYaml } from './schema.js';
import { getKind } from '../kinds/index.js';
import type { KindDefinition } from '../kinds/define.js';

export interface RuleDefinition extends RuleYaml {
  file: string;
  kindDef: KindDefinition;
  /** Options after list resolution and kind-schema validation (defaults applied). */
  defaultOptions: Record<string, unknown>;
  fixable: boolean;
}

const listCache = new Map<string, string[]>();

export function loadList(name: string, dir = rulesDir()): string[] {
  const file = join(dir, 'lists', `${name}.yaml`);
  let items = listCache.get(file);
  if (!items) {
    const { source, data } = readYamlSource(file);
    items = validateSource(listSchema, data, source).items;
    listCache.set(file, items);
  }
  return items;
}

/** Replaces `{ $list: name }` values (anywhere in options) by the list's items. */
export function resolveLists(value: unknown, source: YamlSource, path: PropertyKey[], dir = rulesDir()): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => {
      const r = resolveLists(v, source, [...path, i], dir);
      // a list reference inside an array is spliced in
      if (v && typeof v === 'object' && !Array.isArray(v) && '$list' in v && Array.isArray(r)) out.push(...r);
      else out.push(r);
    });
    return out;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('$list' in obj) {
      const name = obj.$list;
      if (typeof name !== 'string') {
        const line = source.lineOf(path);
        throw new ConfigError(`${source.file}:${line}: ${formatPath(path)}.$list: 应为列表名称（rules/lists/ 下的文件名）`, source.file, line);
      }
      try {
        return loadList(name, dir);
      } catch (e) {
        if (e instanceof ConfigError && e.message.includes('无法读取')) {
          const line = source.lineOf(path);
          throw new ConfigError(`${source.file}:${line}: ${formatPath(path)}: 找不到词表 rules/lists/${name}.yaml`, source.file, line);
        }
        throw e;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = resolveLists(v, source, [...path, k], dir);
    return out;
  }
  return value;
}

export function loadRuleFile(file: string, dir = rulesDir()): RuleDefinition {
  const { source, data } = readYamlSource(file);
  const rule = validateSource(ruleSchema, data, source);
  const kindDef = getKind(rule.kind);
  if (!kindDef) {
    const line = source.lineOf(['kind']);
    throw new ConfigError(`${file}:${line}: kind: 未知的规则类型「${rule.kind}」`, file, line, 'kind');
  }
  for (const id of referencedMessageIds(rule.options)) {
    if (!(id in rule.messages)) {
      const line = source.lineOf(['messages']);
      throw new ConfigError(`${file}:${line}: messages.${id}: 缺少提示文字（选项中引用了 messageId: ${id}）`, file, line);
    }
  }
  const resolved = resolveLists(rule.options, source, ['options'], dir);
  const parsed = kindDef.options.safeParse(resolved);
  if (!parsed.success) {
    const { path, text } = describeIssue(parsed.error.issues[0]!);
    const full = ['options', ...path];
    const line = source.lineOf(full);
    throw new ConfigError(`${file}:${line}: ${formatPath(full)}: ${text}`, file, line, formatPath(full));
  }
  const required = typeof kindDef.messageIds === 'function' ? kindDef.messageIds(parsed.data) : kindDef.messageIds;
  for (const id of required) {
    if (!(id in rule.messages)) {
      const line = source.lineOf(['messages']);
      throw new ConfigError(`${file}:${line}: messages.${id}: 缺少提示文字（规则类型 ${rule.kind} 需要 ${required.join('、')}）`, file, line);
    }
  }
  return {
    ...rule,
    file,
    kindDef,
    defaultOptions: parsed.data as Record<string, unknown>,
    fixable: kindDef.fixable?.(parsed.data) ?? false,
  };
}

let builtin: Map<string, RuleDefinition> | undefined;

export function loadBuiltinRules(dir = rulesDir()): Map<string, RuleDefinition> {
  if (builtin) return builtin;
  const coreDir = join(dir, 'core');
  const map = new Map<string, RuleDefinition>();
  for (const name of readdirSync(coreDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const rule = loadRuleFile(join(coreDir, name), dir);
    if (`${rule.id}.yaml` !== name) throw new ConfigError(`${join(coreDir, name)}:1: id: 应与文件名一致（${name.replace(/\.yaml$/, '')}）`, join(coreDir, name), 1, 'id');
    map.set(rule.id, rule);
  }
  builtin = map;
  return map;
}

function referencedMessageIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedMessageIds(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'messageId' && typeof v === 'string') out.add(v);
      else referencedMessageIds(v, out);
    }
  }
  return out;
}

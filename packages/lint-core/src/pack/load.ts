// Loading the built-in rule pack: rules/core/*.yaml (+ rules/lists/*.yaml referenced with {$list: name}).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../util/errors.js';
import { readYamlSource, validateSource, formatPath, describeIssue, type YamlSource } from '../util/yaml-source.js';
import { rulesDir } from '../util/paths.js';
import { cacheEnabled, codeIdentity, readCache, writeCache } from '../util/disk-cache.js';
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
    ...(rule.rationale ? { rationale: joinFoldedCjk(rule.rationale) } : {}),
    file,
    kindDef,
    defaultOptions: parsed.data as Record<string, unknown>,
    fixable: kindDef.fixable?.(parsed.data) ?? false,
  };
}

// YAML folded scalars (`>-`) join lines with a space, which Chinese text does not want:
// drop whitespace between two CJK characters or punctuation marks, unless a clause reference
// (三(三)…, 第九条…) follows, where a space is usual.
const FOLDED_CJK = /(?<=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“‘])(?![一二三四五六七八九十]+[(（]|第[一二三四五六七八九十百\d]+[条款项])/g;

export function joinFoldedCjk(text: string): string {
  return text.replace(FOLDED_CJK, '');
}

let builtin: Map<string, RuleDefinition> | undefined;

const PACK_CACHE = 'rule-pack.json';
type CachedRule = Omit<RuleDefinition, 'kindDef' | 'fixable'>;

/** Hash of every rule and list file (name and content) and of the code that validates them. */
function packKey(dir: string, coreDir: string, names: readonly string[]): string {
  const h = createHash('sha1').update(`${codeIdentity()}\0${dir}\n`);
  for (const name of names) h.update(`core/${name}\0${readFileSync(join(coreDir, name), 'utf8')}\0`);
  const listsDir = join(dir, 'lists');
  if (existsSync(listsDir)) {
    for (const name of readdirSync(listsDir).filter((f) => f.endsWith('.yaml')).sort()) h.update(`lists/${name}\0${readFileSync(join(listsDir, name), 'utf8')}\0`);
  }
  return h.digest('hex');
}

/**
 * Every rule under `rules/core/`, validated. The validated pack is cached on disk keyed on the
 * content of the rule and list files and on the build (util/disk-cache.ts): reading it back skips
 * YAML parsing and schema validation (~60 ms of a cold start). Kinds are looked up afresh.
 */
export function loadBuiltinRules(dir = rulesDir()): Map<string, RuleDefinition> {
  return (builtin ??= loadRulePack(dir));
}

/** loadBuiltinRules without the per-process memo (tests, tools). */
export function loadRulePack(dir: string): Map<string, RuleDefinition> {
  const coreDir = join(dir, 'core');
  const names = readdirSync(coreDir).filter((f) => f.endsWith('.yaml')).sort();
  const key = cacheEnabled() ? packKey(dir, coreDir, names) : '';
  const cached = key ? readCache<{ key: string; rules: CachedRule[] }>(PACK_CACHE) : undefined;
  const map = new Map<string, RuleDefinition>();
  if (cached?.key === key && Array.isArray(cached.rules) && cached.rules.every((r) => getKind(r.kind))) {
    for (const r of cached.rules) {
      const kindDef = getKind(r.kind)!;
      map.set(r.id, { ...r, kindDef, fixable: kindDef.fixable?.(r.defaultOptions as never) ?? false });
    }
    return map;
  }
  listCache.clear(); // a full load reads the lists afresh
  for (const name of names) {
    const rule = loadRuleFile(join(coreDir, name), dir);
    if (`${rule.id}.yaml` !== name) throw new ConfigError(`${join(coreDir, name)}:1: id: 应与文件名一致（${name.replace(/\.yaml$/, '')}）`, join(coreDir, name), 1, 'id');
    map.set(rule.id, rule);
  }
  if (key) writeCache(PACK_CACHE, { key, rules: [...map.values()].map(({ kindDef: _k, fixable: _f, ...rest }) => rest) });
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

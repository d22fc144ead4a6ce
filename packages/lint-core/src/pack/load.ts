// Loading the built-in rule pack: rules/core/*.yaml (+ rules/lists/*.yaml referenced with {$list: name}).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../util/errors.js';
import { readYamlSource, validateSource, formatPath, describeIssue, type YamlSource } from '../util/yaml-source.js';
import { rulesDir } from '../util/paths.js';
import { cacheEnabled, codeIdentity, readCache, writeCache } from '../util/disk-cache.js';
import { listSchema, ruleSchema, type RuleYaml } from './schema.js';
import { compilePatterns, escapeRegex, patternError } from '../match/index.js';
import { toSimplified } from '../parse/t2s.js';
import { getKind } from '../kinds/index.js';
import type { KindDefinition } from '../kinds/define.js';

export interface RuleDefinition extends RuleYaml {
  file: string;
  kindDef: KindDefinition;
  /** Options after list resolution and kind-schema validation (defaults applied). */
  defaultOptions: Record<string, unknown>;
  fixable: boolean;
  /** The lists `{ $list: name }` put into the options, and where (for docs). */
  lists: RuleListUse[];
}

/** One entry of a list: the phrase or pattern as written, with its optional examples. */
export interface ListEntry {
  text: string;
  examples?: string[];
}

/** A validated rules/lists/<name>.yaml. */
export interface LoadedList {
  name: string;
  file: string;
  description?: string;
  /** Literal text, matched as written (on the Simplified view). */
  phrases: ListEntry[];
  /** Regex sources. */
  patterns: ListEntry[];
}

/** Where a list went into a rule's options. */
export interface RuleListUse {
  name: string;
  description?: string;
  phrases: ListEntry[];
  patterns: ListEntry[];
  /** `{ $list: name, literal: true }`: the phrases as written, not as regex sources. */
  literal: boolean;
  /** Key path (under options) of the value the list replaced, or of the array it was spliced into. */
  path: (string | number)[];
  /** Position in that array where the list's items start, when spliced. */
  index?: number;
  /** Number of items the list contributed. */
  count: number;
}

const listCache = new Map<string, LoadedList>();

/** Reads and validates rules/lists/<name>.yaml (cached): entries, duplicates, patterns, examples. */
export function readList(name: string, dir = rulesDir()): LoadedList {
  const file = join(dir, 'lists', `${name}.yaml`);
  let list = listCache.get(file);
  if (list) return list;
  const { source, data } = readYamlSource(file);
  if (data && typeof data === 'object' && 'items' in data) {
    const line = source.lineOf(['items']);
    throw new ConfigError(`${file}:${line}: items: 词表格式已更新：按原文匹配的词语写在 phrases: 下，正则表达式写在 patterns: 下`, file, line, 'items');
  }
  const parsed = validateSource(listSchema, data, source);
  const fail = (path: PropertyKey[], text: string): never => {
    const line = source.lineOf(path);
    throw new ConfigError(`${file}:${line}: ${formatPath(path)}: ${text}`, file, line, formatPath(path));
  };
  const entries = (key: 'phrases' | 'patterns'): ListEntry[] => {
    const seen = new Map<string, number>();
    return (parsed[key] ?? []).map((e, i) => {
      const entry: ListEntry = typeof e === 'string' ? { text: e } : { text: 'phrase' in e ? e.phrase : e.pattern, ...(e.examples ? { examples: e.examples } : {}) };
      const at: PropertyKey[] = typeof e === 'string' ? [key, i] : [key, i, key === 'phrases' ? 'phrase' : 'pattern'];
      const first = seen.get(entry.text);
      if (first !== undefined) fail(at, `「${entry.text}」重复（与 ${key}[${first}] 相同）`);
      seen.set(entry.text, i);
      // (regex syntax in phrases is rejected by the schema)
      if (key === 'patterns') {
        const err = patternError(entry.text);
        if (err) fail(at, `正则表达式无效：${err}`);
      }
      const matches = key === 'phrases' ? phraseMatcher(entry.text) : patternMatcher(entry.text);
      entry.examples?.forEach((ex, j) => {
        if (!matches(toSimplified(ex))) {
          fail([key, i, 'examples', j], key === 'phrases' ? `例句「${ex}」里没有「${entry.text}」` : `例句「${ex}」与本条正则表达式不匹配`);
        }
      });
      return entry;
    });
  };
  list = { name, file, ...(parsed.description !== undefined ? { description: joinFoldedCjk(parsed.description) } : {}), phrases: entries('phrases'), patterns: entries('patterns') };
  listCache.set(file, list);
  return list;
}

function phraseMatcher(phrase: string): (simp: string) => boolean {
  const p = toSimplified(phrase);
  return (simp) => simp.includes(p);
}

function patternMatcher(pattern: string): (simp: string) => boolean {
  const set = compilePatterns([pattern]);
  return (simp) => set.test(simp);
}

/**
 * A list as regex sources, as kinds take them: each phrase escaped (in Simplified script, since
 * patterns run on the Simplified view), then the patterns as written.
 */
export function listSources(list: Pick<LoadedList, 'phrases' | 'patterns'>): string[] {
  return [...list.phrases.map((p) => escapeRegex(toSimplified(p.text))), ...list.patterns.map((p) => p.text)];
}

/** rules/lists/<name>.yaml as regex sources (see listSources). */
export function loadList(name: string, dir = rulesDir()): string[] {
  return listSources(readList(name, dir));
}

function resolveReference(obj: Record<string, unknown>, source: YamlSource, path: PropertyKey[], outPath: (string | number)[], dir: string, uses: RuleListUse[], index?: number): string[] {
  const name = obj.$list;
  const here = (suffix: string, text: string): never => {
    const line = source.lineOf(path);
    throw new ConfigError(`${source.file}:${line}: ${formatPath(path)}${suffix}: ${text}`, source.file, line);
  };
  if (typeof name !== 'string') here('.$list', '应为列表名称（rules/lists/ 下的文件名）');
  const extra = Object.keys(obj).find((k) => k !== '$list' && k !== 'literal');
  if (extra !== undefined) here(`.${extra}`, '未知的键：词表引用只能写 $list 和 literal');
  if (obj.literal !== undefined && typeof obj.literal !== 'boolean') here('.literal', '应为 true/false');
  let list: LoadedList;
  try {
    list = readList(name as string, dir);
  } catch (e) {
    if (e instanceof ConfigError && e.message.includes('无法读取')) here('', `找不到词表 rules/lists/${String(name)}.yaml`);
    throw e;
  }
  const literal = obj.literal === true;
  if (literal && list.patterns.length) here('', `词表 ${list.name} 含 patterns（正则表达式），此处只接受按原文比较的词语（phrases）`);
  // literal consumers (surnames, law titles) compare words themselves, in the script they were written in
  const items = literal ? list.phrases.map((p) => p.text) : listSources(list);
  uses.push({
    name: list.name,
    ...(list.description !== undefined ? { description: list.description } : {}),
    phrases: list.phrases,
    patterns: list.patterns,
    literal,
    path: outPath,
    ...(index !== undefined ? { index } : {}),
    count: items.length,
  });
  return items;
}

/**
 * Replaces `{ $list: name }` values (anywhere in options) by the list's items as regex sources
 * (`{ $list: name, literal: true }`: the phrases as written). A reference inside an array is
 * spliced in. Each use is recorded in `uses`.
 */
export function resolveLists(value: unknown, source: YamlSource, path: PropertyKey[], dir = rulesDir(), uses: RuleListUse[] = [], outPath: (string | number)[] = []): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => {
      if (isReference(v)) out.push(...resolveReference(v, source, [...path, i], outPath, dir, uses, out.length));
      else out.push(resolveLists(v, source, [...path, i], dir, uses, [...outPath, out.length]));
    });
    return out;
  }
  if (isReference(value)) return resolveReference(value, source, path, outPath, dir, uses);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveLists(v, source, [...path, k], dir, uses, [...outPath, k]);
    return out;
  }
  return value;
}

function isReference(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && '$list' in v;
}

/**
 * The rule's default options with each list put back as `{ $list: name }` (what the YAML says),
 * for docs: the lists are shown on their own, phrases as written.
 */
export function optionsWithListReferences(rule: Pick<RuleDefinition, 'defaultOptions' | 'lists'>): Record<string, unknown> {
  const out = structuredClone(rule.defaultOptions);
  // in reverse order of resolution: undoing a later use leaves the paths of earlier ones valid
  for (const use of [...rule.lists].reverse()) {
    const ref = { $list: use.name, ...(use.literal ? { literal: true } : {}) };
    const parentPath = use.index === undefined ? use.path.slice(0, -1) : use.path;
    let parent: unknown = out;
    for (const k of parentPath) parent = (parent as Record<string | number, unknown>)[k];
    const items = use.literal ? use.phrases.map((p) => p.text) : listSources(use);
    const key = use.path.at(-1)!;
    const found = use.index === undefined ? (parent as Record<string | number, unknown>)[key] : (parent as unknown[]).slice(use.index, use.index + use.count);
    // the kind's schema kept the list's items where they were put (no transform): else say so
    if (JSON.stringify(found) !== JSON.stringify(items)) throw new Error(`${formatPath(['options', ...use.path])}: the options no longer hold list ${use.name} as resolved`);
    if (use.index === undefined) (parent as Record<string | number, unknown>)[key] = ref;
    else (parent as unknown[]).splice(use.index, use.count, ref);
  }
  return out;
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
  const lists: RuleListUse[] = [];
  const resolved = resolveLists(rule.options, source, ['options'], dir, lists);
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
    lists,
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
  checkYields(map);
  if (key) writeCache(PACK_CACHE, { key, rules: [...map.values()].map(({ kindDef: _k, fixable: _f, ...rest }) => rest) });
  return map;
}

/** Every `yieldsTo` names a rule of the pack and messages both rules have. */
function checkYields(map: ReadonlyMap<string, RuleDefinition>): void {
  for (const rule of map.values()) {
    for (const [i, y] of (rule.yieldsTo ?? []).entries()) {
      const where = `yieldsTo.${i}`;
      const other = map.get(y.rule);
      if (!other || other.id === rule.id) throw new ConfigError(`${rule.file}: ${where}.rule: 没有规则「${y.rule}」（应为另一条规则的 id）`, rule.file, undefined, `${where}.rule`);
      const theirs = y.messageIds.find((m) => !(m in other.messages));
      if (theirs) throw new ConfigError(`${rule.file}: ${where}.messageIds: 规则 ${y.rule} 没有提示「${theirs}」`, rule.file, undefined, `${where}.messageIds`);
      const ours = y.ours.find((m) => !(m in rule.messages));
      if (ours) throw new ConfigError(`${rule.file}: ${where}.ours: 本规则没有提示「${ours}」`, rule.file, undefined, `${where}.ours`);
    }
  }
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

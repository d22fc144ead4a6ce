// `.replylintrc.yaml`: discovery upward from a file, validation, `extends` (profiles or other
// config files), per-rule settings, extra phrase lists, policy registry, calendar (and whether a
// year without data is refused: strictCalendar), signature.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../util/errors.js';
import { objectSource, parseYamlSource, readYamlSource, sourceError, validateSource, type YamlSource } from '../util/yaml-source.js';
import { loadBuiltinRules, type RuleDefinition } from '../pack/load.js';
import { listProfiles } from './profiles.js';
import { readRuleSettings, type RuleSetting } from './settings.js';
import { loadPolicyRegistry } from './policy-registry.js';
import type { LintSettings } from '../kinds/define.js';
import type { Severity } from '../types.js';
import type { SegmenterName } from '../segment/types.js';

export const CONFIG_FILENAMES = ['.replylintrc.yaml', '.replylintrc.yml'] as const;

export const configSchema = z.strictObject({
  extends: z.union([z.string(), z.array(z.string())]).optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  phrases: z.record(z.string(), z.array(z.string().min(1))).optional(),
  policies: z.string().optional(),
  calendar: z.string().optional(),
  strictCalendar: z.boolean().optional(),
  handler: z.strictObject({ name: z.string().optional(), unit: z.string().optional(), phone: z.union([z.string(), z.number()]).transform(String).optional() }).optional(),
  segmenter: z.enum(['node-rs', 'nodejieba', 'wasm', 'js']).optional(),
  reportUnusedDisableDirectives: z.enum(['off', 'warn', 'error']).optional(),
  /** Milliseconds one reply may take to check (0: no limit; default 10,000). */
  timeBudget: z.number().int().min(0).optional(),
  root: z.boolean().optional(),
});

export interface ResolvedConfig {
  /** Config files that contributed, base first. Empty for the default config. */
  files: string[];
  /** Profile names (base first). */
  extends: string[];
  rules: Record<string, RuleSetting>;
  phrases: Record<string, string[]>;
  settings: LintSettings;
  segmenter: SegmenterName;
  reportUnusedDisableDirectives: Severity;
  /** `timeBudget:` (undefined: the linter's default). */
  timeBudget?: number;
  /** Identity for caches. */
  key: string;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  files: [],
  extends: ['recommended'],
  rules: {},
  phrases: {},
  settings: {},
  segmenter: 'node-rs',
  reportUnusedDisableDirectives: 'warn',
  key: 'default',
};

/** Nearest `.replylintrc.yaml` at or above `start` (a file or directory), or undefined. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  else if (!existsSync(dir)) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILENAMES) {
      const f = join(dir, name);
      if (existsSync(f)) return f;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadConfigOptions {
  /** Explicit config file (`--config`); no discovery then. */
  configFile?: string;
  /** File or directory to discover the config from (default: cwd). */
  from?: string;
  /** Rule catalogue and profile names to validate against (default: the built-in pack). */
  pack?: ConfigPack;
}

/** What a config is validated against. */
export interface ConfigPack {
  rules: ReadonlyMap<string, RuleDefinition>;
  profiles: readonly string[];
}

const builtinPack = (): ConfigPack => ({ rules: loadBuiltinRules(), profiles: listProfiles() });

const fileCache = new Map<string, ResolvedConfig>();

export function loadConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const file = options.configFile ? resolve(options.configFile) : findConfigFile(options.from ?? process.cwd());
  if (!file) return DEFAULT_CONFIG;
  if (options.configFile && !existsSync(file)) throw new ConfigError(`找不到配置文件：${options.configFile}`, options.configFile);
  return loadConfigFile(file, [], options.pack ?? builtinPack());
}

export interface CreateConfigOptions {
  /** Directory that relative paths in the object (extends, policies, calendar) are resolved from. Default: cwd. */
  baseDir?: string;
  /** Name of the settings in error messages (default: 配置). */
  label?: string;
  pack?: ConfigPack;
}

let objectConfigs = 0;

/**
 * A config from an object in memory (an editor's settings, an HTTP request's options), with the
 * same keys, validation and messages as `.replylintrc.yaml`; errors name `label` and the key path.
 */
export function createConfig(object: unknown, options: CreateConfigOptions = {}): ResolvedConfig {
  const source = objectSource(options.label ?? '配置');
  const cfg = resolveConfigData(object ?? {}, source, resolve(options.baseDir ?? process.cwd()), [], options.pack ?? builtinPack());
  cfg.key = `object#${++objectConfigs}`;
  return cfg;
}

/**
 * A config from the text of a `.replylintrc.yaml` (an editor's unsaved buffer): validated as the
 * file would be, errors at their line. Relative paths resolve from the file's directory.
 */
export function configFromText(text: string, file: string, pack: ConfigPack = builtinPack()): ResolvedConfig {
  const { source, data } = parseYamlSource(text, file);
  const cfg = resolveConfigData(data ?? {}, source, dirname(file), [file], pack);
  cfg.files.push(file);
  cfg.key = `text:${file}#${++objectConfigs}`;
  return cfg;
}

function loadConfigFile(file: string, stack: string[], pack: ConfigPack): ResolvedConfig {
  const cached = fileCache.get(file);
  if (cached) return cached;
  if (stack.includes(file)) throw new ConfigError(`配置文件循环继承：${[...stack, file].join(' → ')}`, file);
  const { source, data } = readYamlSource(file);
  const own = resolveConfigData(data ?? {}, source, dirname(file), [...stack, file], pack);
  own.files.push(file);
  own.key = `${own.files.join('|')}@${statSync(file).mtimeMs}`;
  fileCache.set(file, own);
  return own;
}

function resolveConfigData(data: unknown, source: YamlSource, dir: string, stack: string[], pack: ConfigPack): ResolvedConfig {
  const cfg = validateSource(configSchema, data, source);
  const { rules, profiles } = pack;

  // extends: profile names and/or relative paths of other config files
  let base: ResolvedConfig = { ...DEFAULT_CONFIG, extends: [] };
  const ext = cfg.extends === undefined ? ['recommended'] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends];
  const profileNames: string[] = [];
  ext.forEach((entry, i) => {
    const path = Array.isArray(cfg.extends) ? ['extends', i] : ['extends'];
    if (/[\\/]|\.ya?ml$/.test(entry)) {
      const target = resolve(dir, entry);
      if (!existsSync(target)) throw sourceError(source, path, `找不到被继承的配置文件 ${entry}`);
      const parent = loadConfigFile(target, stack, pack);
      base = mergeConfigs(base, parent);
      profileNames.push(...parent.extends);
    } else if (profiles.includes(entry)) {
      profileNames.push(entry);
    } else {
      throw sourceError(source, path, `未知的规则配置「${entry}」，可用：${profiles.join('、')}`);
    }
  });

  const ruleSettings = readRuleSettings(cfg.rules, source, rules);
  const phrases: Record<string, string[]> = {};
  for (const [id, list] of Object.entries(cfg.phrases ?? {})) {
    const rule = rules.get(id);
    if (!rule) throw sourceError(source, ['phrases', id], `未知的规则「${id}」`);
    if (!rule.kindDef.extraPhrasesOption) throw sourceError(source, ['phrases', id], '该规则不接受自定义词语');
    phrases[id] = list;
  }

  const settings: LintSettings = { ...base.settings };
  if (cfg.handler) settings.handler = cfg.handler;
  if (cfg.policies) {
    const target = resolve(dir, cfg.policies);
    if (!existsSync(target)) throw sourceError(source, ['policies'], `找不到政策文件库 ${cfg.policies}`);
    settings.policies = loadPolicyRegistry(target);
  }
  if (cfg.calendar) {
    const target = resolve(dir, cfg.calendar);
    if (!existsSync(target)) throw sourceError(source, ['calendar'], `找不到日历文件 ${cfg.calendar}`);
    settings.calendarFile = target;
  }
  if (cfg.strictCalendar !== undefined) settings.strictCalendar = cfg.strictCalendar;

  return {
    files: [...base.files],
    extends: dedupe([...base.extends, ...profileNames]),
    rules: { ...base.rules, ...ruleSettings },
    phrases: mergePhrases(base.phrases, phrases),
    settings,
    segmenter: cfg.segmenter ?? base.segmenter,
    reportUnusedDisableDirectives: cfg.reportUnusedDisableDirectives ?? base.reportUnusedDisableDirectives,
    ...((cfg.timeBudget ?? base.timeBudget) !== undefined ? { timeBudget: cfg.timeBudget ?? base.timeBudget } : {}),
    key: '',
  };
}

function mergeConfigs(a: ResolvedConfig, b: ResolvedConfig): ResolvedConfig {
  return {
    files: [...a.files, ...b.files],
    extends: dedupe([...a.extends, ...b.extends]),
    rules: { ...a.rules, ...b.rules },
    phrases: mergePhrases(a.phrases, b.phrases),
    settings: { ...a.settings, ...b.settings },
    segmenter: b.segmenter,
    reportUnusedDisableDirectives: b.reportUnusedDisableDirectives,
    ...((b.timeBudget ?? a.timeBudget) !== undefined ? { timeBudget: b.timeBudget ?? a.timeBudget } : {}),
    key: `${a.key}+${b.key}`,
  };
}

function mergePhrases(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Clears file caches (the language server calls this when a config changes). */
export function clearConfigCache(): void {
  fileCache.clear();
}

// Profiles: rules/profiles/<name>.yaml — severities, options and deadline tables per document.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../util/errors.js';
import { readYamlSource, validateSource } from '../util/yaml-source.js';
import { rulesDir } from '../util/paths.js';
import { profileSchema } from '../pack/schema.js';
import { loadBuiltinRules, type RuleDefinition } from '../pack/load.js';
import { readRuleSettings, type RuleSetting } from './settings.js';

export interface Profile {
  id: string;
  file: string;
  description?: string;
  extends: string[];
  rules: Record<string, RuleSetting>;
  /** Raw deadline table (validated by the deadline module). */
  deadlines?: unknown;
}

const cache = new Map<string, Profile>();

export function listProfiles(dir = rulesDir()): string[] {
  return readdirSync(join(dir, 'profiles'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

export class UnknownProfileError extends ConfigError {
  constructor(name: string, where?: string) {
    super(`${where ? `${where}: ` : ''}未知的规则配置「${name}」，可用：${listProfiles().join('、')}`);
  }
}

/** A profile, read on first use and then kept for the process (readProfile reads it afresh). */
export function loadProfile(name: string, dir = rulesDir(), rules: ReadonlyMap<string, RuleDefinition> = loadBuiltinRules(dir)): Profile {
  const key = `${dir}\0${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const profile = readProfile(name, dir, rules);
  cache.set(key, profile);
  return profile;
}

/** Reads and validates `rules/profiles/<name>.yaml` against the rule catalogue. */
export function readProfile(name: string, dir: string, rules: ReadonlyMap<string, RuleDefinition>): Profile {
  if (!/^[a-z0-9-]+$/.test(name) || !listProfiles(dir).includes(name)) throw new UnknownProfileError(name);
  const file = join(dir, 'profiles', `${name}.yaml`);
  const { source, data } = readYamlSource(file);
  const parsed = validateSource(profileSchema, data, source);
  if (parsed.id !== name) throw new ConfigError(`${file}:${source.lineOf(['id'])}: id: 应与文件名一致（${name}）`, file);
  for (const [i, parent] of (parsed.extends ?? []).entries()) {
    if (!listProfiles(dir).includes(parent)) throw new UnknownProfileError(parent, `${file}:${source.lineOf(['extends', i])}`);
  }
  const profile: Profile = {
    id: parsed.id,
    file,
    description: parsed.description,
    extends: parsed.extends ?? [],
    rules: readRuleSettings(parsed.rules as Record<string, unknown> | undefined, source, rules),
    deadlines: parsed.deadlines,
  };
  return profile;
}

/** A profile and its ancestors, base first, each once. */
export function profileChain(names: readonly string[], dir = rulesDir()): Profile[] {
  return chainOf(names, (name) => loadProfile(name, dir));
}

/** A profile and its ancestors, base first, each once, with profiles from `get`. */
export function chainOf(names: readonly string[], get: (name: string) => Profile): Profile[] {
  const out: Profile[] = [];
  const seen = new Set<string>();
  const visit = (name: string, stack: string[]) => {
    if (seen.has(name)) return;
    if (stack.includes(name)) throw new ConfigError(`规则配置循环继承：${[...stack, name].join(' → ')}`);
    const p = get(name);
    for (const parent of p.extends) visit(parent, [...stack, name]);
    seen.add(name);
    out.push(p);
  };
  for (const n of names) visit(n, []);
  return out;
}

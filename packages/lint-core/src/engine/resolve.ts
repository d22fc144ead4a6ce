// Which rules run on a document, with which severity and options:
// profile chain (--profile > front matter `profile` > config `extends`) → config `rules`
// → CLI `--rule`. Extra phrases from config are appended to the kind's phrase option.
import { loadBuiltinRules, type RuleDefinition } from '../pack/load.js';
import { profileChain } from '../config/profiles.js';
import { checkOptions, type RuleSetting } from '../config/settings.js';
import { ConfigError } from '../util/errors.js';
import { escapeRegex } from '../detect/patterns.js';
import { DEFAULT_CONFIG as DEFAULT_CONFIG_FOR_PROFILES, type ResolvedConfig } from '../config/load.js';

export interface ActiveRule {
  rule: RuleDefinition;
  severity: 'warn' | 'error';
  options: Record<string, unknown>;
}

export interface ResolvedRules {
  profile: string;
  rules: ActiveRule[];
}

const cache = new Map<string, ResolvedRules>();
/** The usual case (no --rule), without building the string key: by config object and profile. */
const byConfig = new WeakMap<ResolvedConfig, Map<string, ResolvedRules>>();

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export function resolveRules(config: ResolvedConfig, profileOverride: string | undefined, cliRules: Record<string, RuleSetting> = {}): ResolvedRules {
  if (!isEmpty(cliRules)) return resolveByKey(config, profileOverride, cliRules);
  let byProfile = byConfig.get(config);
  if (!byProfile) byConfig.set(config, (byProfile = new Map()));
  let resolved = byProfile.get(profileOverride ?? '');
  if (!resolved) byProfile.set(profileOverride ?? '', (resolved = resolveByKey(config, profileOverride, cliRules)));
  return resolved;
}

function resolveByKey(config: ResolvedConfig, profileOverride: string | undefined, cliRules: Record<string, RuleSetting>): ResolvedRules {
  const key = `${config.key}\0${profileOverride ?? ''}\0${JSON.stringify(cliRules)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const catalogue = loadBuiltinRules();
  // `extends: []` in a config file means "no profile": only the rules it lists run (the
  // deadline table is still recommended's). The built-in default config extends recommended.
  const profiles = profileOverride ? [profileOverride] : config.extends;
  const chain = profiles.length ? profileChain(profiles) : [];
  const state = new Map<string, RuleSetting>();
  const apply = (settings: Record<string, RuleSetting>) => {
    for (const [id, s] of Object.entries(settings)) {
      const prev = state.get(id);
      state.set(id, { severity: s.severity, options: { ...(prev?.options ?? {}), ...(s.options ?? {}) } });
    }
  };
  for (const p of chain) apply(p.rules);
  apply(config.rules);
  for (const id of Object.keys(cliRules)) {
    if (!catalogue.has(id)) throw new ConfigError(`--rule: 未知的规则「${id}」（运行 replylint rules 查看全部规则）`);
  }
  apply(cliRules);

  const rules: ActiveRule[] = [];
  for (const [id, s] of state) {
    const rule = catalogue.get(id)!;
    if (s.severity === 'off') continue;
    const severity = s.severity === 'on' ? rule.severity : s.severity;
    let options = checkOptions(rule, s.options ?? {}, (path, text) => new ConfigError(`规则 ${id} 的选项 ${path.join('.')}: ${text}`));
    const extra = config.phrases[id];
    const opt = rule.kindDef.extraPhrasesOption;
    // user phrases are literal text, not regexes
    if (extra?.length && opt) options = { ...options, [opt]: [...((options[opt] as unknown[]) ?? []), ...extra.map(escapeRegex)] };
    rules.push({ rule, severity, options });
  }
  rules.sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  const resolved = { profile: chain.at(-1)?.id ?? 'recommended', rules };
  cache.set(key, resolved);
  return resolved;
}

/** Effective severity of a rule under each profile (for `replylint rules` and the docs). */
export function severitiesByProfile(ruleId: string, profiles: readonly string[]): Record<string, 'off' | 'warn' | 'error'> {
  const out: Record<string, 'off' | 'warn' | 'error'> = {};
  for (const p of profiles) {
    const r = resolveRules({ ...DEFAULT_CONFIG_FOR_PROFILES, key: `profile:${p}` }, p).rules.find((a) => a.rule.id === ruleId);
    out[p] = r ? r.severity : 'off';
  }
  return out;
}

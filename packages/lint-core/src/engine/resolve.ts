// Which rules run on a document, with which severity and options:
// profile chain (linter profile > front matter `profile` > config `extends`) → config `rules`
// → per-linter rule overrides (CLI `--rule`). Extra phrases from config are appended to the
// kind's phrase option. Pure: profiles and rules come from the loaded pack.
import type { RuleDefinition } from '../pack/load.js';
import type { Profile } from '../config/profiles.js';
import { checkOptions, type RuleSetting } from '../config/settings.js';
import { ConfigError } from '../util/errors.js';
import { escapeRegex } from '../match/source.js';
import type { ResolvedConfig } from '../config/load.js';

export interface ActiveRule {
  rule: RuleDefinition;
  severity: 'warn' | 'error';
  options: Record<string, unknown>;
}

export interface ResolvedRules {
  profile: string;
  rules: ActiveRule[];
}

/** The loaded rules and profiles that rule resolution reads. */
export interface ResolvePack {
  rules: ReadonlyMap<string, RuleDefinition>;
  /** A profile and its ancestors, base first, each once. */
  profileChain(names: readonly string[]): Profile[];
}

export function resolveRules(pack: ResolvePack, config: ResolvedConfig, profileOverride: string | undefined, overrides: Record<string, RuleSetting> = {}): ResolvedRules {
  const catalogue = pack.rules;
  // `extends: []` in a config file means "no profile": only the rules it lists run (the
  // deadline table is still recommended's). The built-in default config extends recommended.
  const profiles = profileOverride ? [profileOverride] : config.extends;
  const chain = profiles.length ? pack.profileChain(profiles) : [];
  const state = new Map<string, RuleSetting>();
  const apply = (settings: Record<string, RuleSetting>) => {
    for (const [id, s] of Object.entries(settings)) {
      const prev = state.get(id);
      state.set(id, { severity: s.severity, options: { ...(prev?.options ?? {}), ...(s.options ?? {}) } });
    }
  };
  for (const p of chain) apply(p.rules);
  apply(config.rules);
  for (const id of Object.keys(overrides)) {
    if (!catalogue.has(id)) throw new ConfigError(`--rule: 未知的规则「${id}」（运行 replylint rules 查看全部规则）`);
  }
  apply(overrides);

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
  return { profile: chain.at(-1)?.id ?? 'recommended', rules };
}

// Effective severity of a rule under each profile (for `replylint rules` and the docs).
import { DEFAULT_CONFIG } from '../config/load.js';
import { resolveRules } from '../engine/resolve.js';
import { builtinResources, type Resources } from './resources.js';

export function severitiesByProfile(ruleId: string, profiles: readonly string[], resources: Resources = builtinResources()): Record<string, 'off' | 'warn' | 'error'> {
  const out: Record<string, 'off' | 'warn' | 'error'> = {};
  for (const p of profiles) {
    const r = resolveRules(resources, DEFAULT_CONFIG, p).rules.find((a) => a.rule.id === ruleId);
    out[p] = r ? r.severity : 'off';
  }
  return out;
}

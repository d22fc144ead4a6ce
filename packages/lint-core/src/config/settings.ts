// Rule settings (`error`, `[warn, {max: 2}]`, …) from profiles, config files and the CLI,
// normalized and checked against the rule catalogue where they are read, so errors can
// name the file and line.
import { describeIssue, sourceError, validateSource, type YamlSource } from '../util/yaml-source.js';
import { ruleSettingSchema, type RuleSettingInput } from '../pack/schema.js';
import type { RuleDefinition } from '../pack/load.js';
import type { Severity } from '../types.js';

export interface RuleSetting {
  /** 'on' = the rule's default severity */
  severity: Severity | 'on';
  options?: Record<string, unknown>;
}

export function normalizeSetting(input: RuleSettingInput): RuleSetting {
  const parsed = ruleSettingSchema.parse(input);
  if (Array.isArray(parsed)) {
    const [severity, options] = parsed as [Severity | 'on', Record<string, unknown>?];
    return options ? { severity, options } : { severity };
  }
  return { severity: parsed as Severity | 'on' };
}

/** Validates a `rules:` map read from a YAML source against the rule catalogue. */
export function readRuleSettings(
  raw: Record<string, unknown> | undefined,
  source: YamlSource,
  rules: ReadonlyMap<string, RuleDefinition>,
  prefix: PropertyKey[] = ['rules'],
): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw ?? {})) {
    const path = [...prefix, id];
    const rule = rules.get(id);
    if (!rule) throw sourceError(source, path, `未知的规则「${id}」（运行 replylint rules 查看全部规则）`);
    const setting = normalizeSetting(validateSource(ruleSettingSchema, value, source, path));
    if (setting.options) checkOptions(rule, setting.options, (optPath, text) => sourceError(source, [...path, 1, ...optPath], text));
    out[id] = setting;
  }
  return out;
}

/** Checks user options merged over a rule's defaults against the kind's schema. */
export function checkOptions(
  rule: RuleDefinition,
  options: Record<string, unknown>,
  fail: (path: PropertyKey[], text: string) => Error,
): Record<string, unknown> {
  // the defaults were validated (and completed) by the kind's schema when the rule loaded
  if (Object.keys(options).length === 0) return rule.defaultOptions;
  const merged = { ...rule.defaultOptions, ...options };
  const parsed = rule.kindDef.options.safeParse(merged);
  if (!parsed.success) {
    const { path, text } = describeIssue(parsed.error.issues[0]!);
    throw fail(path, text);
  }
  return parsed.data as Record<string, unknown>;
}

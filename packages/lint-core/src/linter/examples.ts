// A rule's own YAML examples must behave as labelled, or the rule pack fails to load: no rule may
// silently never fire (Vale's weakness), none may fire on its valid examples. Checked when a
// linter is first created on a set of resources (never while linting); verified rules are
// remembered on disk across processes (examples-cache.ts).
import { ConfigError } from '../util/errors.js';
import type { RuleDefinition } from '../pack/load.js';
import type { Diagnostic } from '../types.js';
import { examplesKnownGood, rememberExamplesGood } from './examples-cache.js';
import type { Resources } from './resources.js';

export interface ExampleFailure {
  rule: string;
  kind: 'valid' | 'invalid';
  index: number;
  text: string;
  problem: string;
}

/** Fixed instant for examples, so time-dependent rules are deterministic. */
export const EXAMPLE_NOW = new Date('2025-06-30T10:00:00+08:00');

/** Runs a rule alone (with example options when given) on a text: its diagnostics. */
export type ExampleRunner = (text: string, options?: Record<string, unknown>) => readonly Diagnostic[];

/** Thrown by a runner that cannot judge a rule's examples here (its segmenter cannot load). */
export class ExamplesUnverifiable extends Error {
  constructor(readonly rule: string) {
    super(`examples of ${rule} cannot be run here`);
  }
}

export function checkExamplesWith(rule: RuleDefinition, run: ExampleRunner): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  rule.examples.valid.forEach((ex, index) => {
    const e = typeof ex === 'string' ? { text: ex } : ex;
    const found = run(e.text, e.options);
    if (found.length) failures.push({ rule: rule.id, kind: 'valid', index, text: e.text, problem: `却报告了：${found.map((d) => d.messageId).join('、')}` });
  });
  rule.examples.invalid.forEach((ex, index) => {
    const e = typeof ex === 'string' ? { text: ex } : ex;
    const found = run(e.text, e.options);
    if (!found.length) failures.push({ rule: rule.id, kind: 'invalid', index, text: e.text, problem: '却没有报告' });
    else if (e.messageId && !found.some((d) => d.messageId === e.messageId))
      failures.push({ rule: rule.id, kind: 'invalid', index, text: e.text, problem: `应报告 ${e.messageId}，实际：${found.map((d) => d.messageId).join('、')}` });
  });
  return failures;
}

/** Throws ConfigError naming the first rule whose examples do not behave as labelled. */
export function verifyRuleExamples(rule: RuleDefinition, run: ExampleRunner): void {
  if (examplesKnownGood(rule)) return;
  let failures: ExampleFailure[];
  try {
    failures = checkExamplesWith(rule, run);
  } catch (e) {
    // left unverified (and not remembered): the rule itself reports the missing segmenter
    if (e instanceof ExamplesUnverifiable) return;
    throw e;
  }
  if (failures.length) {
    const f = failures[0]!;
    throw new ConfigError(
      `${rule.file}: 规则 ${rule.id} 的示例与标注不符：examples.${f.kind}[${f.index}]「${f.text.slice(0, 40).replace(/\n/g, ' ')}」${f.problem}`,
      rule.file,
    );
  }
  rememberExamplesGood(rule);
}

const verified = new WeakSet<Resources>();

/** Verifies the examples of every rule of `resources`, once per resources object. */
export function verifyExamples(resources: Resources, runnerFor: (rule: RuleDefinition) => ExampleRunner): void {
  if (verified.has(resources)) return;
  for (const rule of resources.rules.values()) verifyRuleExamples(rule, runnerFor(rule));
  verified.add(resources);
}

// A rule's own YAML examples must behave as labelled, or the rule fails at load:
// no rule may silently never fire (Vale's weakness), none may fire on its valid examples.
import { ConfigError } from '../util/errors.js';
import type { RuleDefinition } from '../pack/load.js';
import { lintDocument } from './lint.js';
import { DEFAULT_CONFIG } from '../config/load.js';
import { examplesKnownGood, rememberExamplesGood } from './examples-cache.js';

const verified = new WeakSet<RuleDefinition>();

export interface ExampleFailure {
  rule: string;
  kind: 'valid' | 'invalid';
  index: number;
  text: string;
  problem: string;
}

/** Fixed instant for examples, so time-dependent rules are deterministic. */
export const EXAMPLE_NOW = new Date('2025-06-30T10:00:00+08:00');

export function checkExamples(rule: RuleDefinition): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const run = (text: string, options?: Record<string, unknown>) =>
    lintDocument(text, {
      config: { ...DEFAULT_CONFIG, key: `examples:${rule.id}`, extends: ['recommended'], reportUnusedDisableDirectives: 'off' },
      rules: { [rule.id]: options ? ['on', options] : 'on' },
      only: [rule.id],
      now: EXAMPLE_NOW,
    }).diagnostics.filter((d) => d.ruleId === rule.id);
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

export function verifyExamples(rule: RuleDefinition): void {
  if (verified.has(rule)) return;
  verified.add(rule); // before running, so the examples' own lint does not recurse
  if (examplesKnownGood(rule)) return;
  const failures = checkExamples(rule);
  if (failures.length) {
    const f = failures[0]!;
    verified.delete(rule);
    throw new ConfigError(
      `${rule.file}: 规则 ${rule.id} 的示例与标注不符：examples.${f.kind}[${f.index}]「${f.text.slice(0, 40).replace(/\n/g, ' ')}」${f.problem}`,
      rule.file,
    );
  }
  rememberExamplesGood(rule);
}

// Verified examples are remembered across processes, keyed on the rule as loaded: a rule whose
// examples or options change is checked again (and fails if it no longer behaves as labelled).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@replylint/core';
import { verifyRuleExamples } from '../../src/linter/examples.js';
import { examplesKnownGood } from '../../src/linter/examples-cache.js';
import { exampleRunner } from '../../src/linter/create.js';
import { builtinResources } from '../../src/linter/resources.js';

describe('examples cache', () => {
  it('remembers a verified rule and re-checks a changed one', () => {
    const resources = builtinResources();
    const rule = resources.rules.get('no-harsh-language')!;
    verifyRuleExamples(rule, exampleRunner(rule, resources));
    expect(examplesKnownGood(rule)).toBe(true);

    const changed = { ...rule, examples: { ...rule.examples, invalid: [...rule.examples.invalid, '该市民反映情况属实。'] } };
    expect(examplesKnownGood(changed)).toBe(false);
    expect(() => verifyRuleExamples(changed, exampleRunner(changed, resources))).toThrow(ConfigError);
    expect(examplesKnownGood(changed)).toBe(false);
  });
});

// Verified examples are remembered across processes, keyed on the rule as loaded: a rule whose
// examples or options change is checked again (and fails if it no longer behaves as labelled).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@replylint/core';
import { verifyExamples } from '../../src/engine/examples.js';
import { examplesKnownGood } from '../../src/engine/examples-cache.js';
import { loadBuiltinRules } from '../../src/pack/load.js';

describe('examples cache', () => {
  it('remembers a verified rule and re-checks a changed one', () => {
    const rule = loadBuiltinRules().get('no-harsh-language')!;
    verifyExamples(rule);
    expect(examplesKnownGood(rule)).toBe(true);

    const changed = { ...rule, examples: { ...rule.examples, invalid: [...rule.examples.invalid, '该市民反映情况属实。'] } };
    expect(examplesKnownGood(changed)).toBe(false);
    expect(() => verifyExamples(changed)).toThrow(ConfigError);
    expect(examplesKnownGood(changed)).toBe(false);
  });
});

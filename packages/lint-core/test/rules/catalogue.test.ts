// Meta tests over the rule catalogue: examples, fixtures, docs, profiles.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, loadBuiltinRules, listProfiles, loadProfile, rulesDir, severitiesByProfile } from '@replylint/core';
import { listFixtureCases } from '@replylint/core/testing';
import { renderRuleDoc } from '../../../../scripts/rule-docs.mjs';

const rules = [...loadBuiltinRules().values()];
const cases = listFixtureCases();
const root = join(rulesDir(), '..');

describe('rule catalogue', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s: its YAML examples behave as labelled', (_id, rule) => {
    expect(checkExamples(rule)).toEqual([]);
  });

  it.each(rules.map((r) => [r.id] as const))('%s: has ≥3 failing and ≥3 passing fixtures', (id) => {
    const mine = cases.filter((c) => c.ruleId === id);
    expect(mine.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(3);
    expect(mine.filter((c) => c.valid).length).toBeGreaterThanOrEqual(3);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: docs page is current (node scripts/gen-rule-docs.mjs)', (id, rule) => {
    const file = join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderRuleDoc(rule, severitiesByProfile(id, listProfiles())));
  });

  it('every fixture folder belongs to a rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect([...new Set(cases.map((c) => c.ruleId))].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every profile loads', () => {
    for (const p of listProfiles()) expect(loadProfile(p).id).toBe(p);
  });
});


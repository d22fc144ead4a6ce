// Meta tests over the rule catalogue: examples, fixtures, docs, profiles.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, loadBuiltinRules, listProfiles, loadProfile, optionsWithListReferences, rulesDir, severitiesByProfile } from '@replylint/core';
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
    expect(readFileSync(file, 'utf8')).toBe(renderRuleDoc(rule, severitiesByProfile(id, listProfiles()), optionsWithListReferences(rule), loadBuiltinRules()));
  });

  it.each(rules.filter((r) => r.lists.length).map((r) => [r.id, r] as const))('%s: docs page shows its lists by name, not their items, in the options', (id, rule) => {
    const page = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    const options = JSON.stringify(JSON.parse(/## 选项\n[\s\S]*?```json\n([\s\S]*?)\n```/.exec(page)![1]!));
    for (const use of rule.lists) {
      expect(options).toContain(JSON.stringify({ $list: use.name, ...(use.literal ? { literal: true } : {}) }));
      for (const p of use.phrases) expect(options, p.text).not.toContain(JSON.stringify(p.text));
      // the phrases are listed as written, the patterns apart
      expect(page).toContain(use.phrases.map((p) => p.text).join('、'));
      for (const p of use.patterns) expect(page).toContain(p.text);
    }
  });

  it.each(rules.map((r) => [r.id] as const))('%s: is enabled by at least one profile (directly or via extends)', (id) => {
    const severities = severitiesByProfile(id, listProfiles());
    const enabledBy = Object.keys(severities).filter((p) => severities[p] !== 'off');
    expect(
      enabledBy.length,
      `rule ${id} is enabled by no profile under rules/profiles/, so no reply is ever checked with it: ` +
        `add the line \`${id}: on\` under \`rules:\` in rules/profiles/recommended.yaml (rules every document supports), ` +
        `or in the profile of the document it comes from (${listProfiles().filter((p) => p !== 'recommended').map((p) => `${p}.yaml`).join(', ')})`,
    ).toBeGreaterThan(0);
  });

  it('every fixture folder belongs to a rule', () => {
    const ids = new Set(rules.map((r) => r.id));
    expect([...new Set(cases.map((c) => c.ruleId))].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every profile loads', () => {
    for (const p of listProfiles()) expect(loadProfile(p).id).toBe(p);
  });
});


// Runs fixture files: fixtures/<rule-id>/{valid-*,invalid-*}.md (+ invalid-*.fixed.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, fix, type LintOptions } from '../linter/default.js';
import { DEFAULT_CONFIG } from '../config/load.js';
import { rulesDir } from '../util/paths.js';
import { loadPolicyRegistry } from '../config/policy-registry.js';
import { compareExpectations, parseFixture, renderMarkers, type ParsedFixture } from './fixtures.js';

export function fixturesDir(): string {
  return join(rulesDir(), '..', 'fixtures');
}

export interface FixtureCase {
  ruleId: string;
  file: string;
  name: string;
  valid: boolean;
  fixedFile?: string;
}

export function listFixtureCases(dir = fixturesDir()): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const ruleId of readdirSync(dir).sort()) {
    const sub = join(dir, ruleId);
    if (ruleId === 'replies' || ruleId === 'corpus' || !existsSync(sub) || !/^[a-z][a-z0-9-]*$/.test(ruleId)) continue;
    for (const name of readdirSync(sub).sort()) {
      if (!name.endsWith('.md') || name.endsWith('.fixed.md')) continue;
      const valid = name.startsWith('valid-');
      if (!valid && !name.startsWith('invalid-')) continue;
      const fixed = join(sub, name.replace(/\.md$/, '.fixed.md'));
      out.push({ ruleId, file: join(sub, name), name, valid, ...(existsSync(fixed) ? { fixedFile: fixed } : {}) });
    }
  }
  return out;
}

export function fixtureLintOptions(fx: ParsedFixture, ruleId: string): LintOptions {
  const ids = [ruleId, ...new Set(fx.expected.map((e) => e.ruleId)), ...(fx.options.also ?? [])];
  const rules: Record<string, unknown> = {};
  for (const id of ids) rules[id] = 'on';
  Object.assign(rules, fx.options.rules ?? {});
  return {
    config: {
      ...DEFAULT_CONFIG,
      key: fx.options.policies ? `fixtures+${fx.options.policies}` : 'fixtures',
      reportUnusedDisableDirectives: 'off',
      ...(fx.options.policies
        ? { settings: { ...DEFAULT_CONFIG.settings, policies: loadPolicyRegistry(join(rulesDir(), '..', fx.options.policies)) } }
        : {}),
    },
    ...(fx.options.profile ? { profile: fx.options.profile } : {}),
    rules: rules as LintOptions['rules'],
    only: [...new Set(ids)],
    now: new Date(fx.options.now ?? '2025-06-30T10:00:00+08:00'),
  };
}

export interface FixtureOutcome {
  problems: string[];
  /** The stripped text with actual diagnostics rendered as markers. */
  actual: string;
}

export function runFixtureCase(c: FixtureCase): FixtureOutcome {
  const fx = parseFixture(readFileSync(c.file, 'utf8'), c.ruleId);
  const options = fixtureLintOptions(fx, c.ruleId);
  const diagnostics = lint(fx.text, options);
  const problems: string[] = [];
  if (c.valid) {
    if (fx.expected.length) problems.push('valid-* 文件不应包含预期标记');
    for (const d of diagnostics) problems.push(`多出的诊断 ${d.ruleId}/${d.messageId}：${d.message}`);
  } else {
    if (!fx.expected.some((e) => e.ruleId === c.ruleId)) problems.push(`invalid-* 文件至少要有一个 ${c.ruleId} 的预期标记`);
    problems.push(...compareExpectations(fx.expected, diagnostics));
    if (c.fixedFile) {
      const want = readFileSync(c.fixedFile, 'utf8');
      const result = fix(fx.text, options);
      if (result.output !== want) problems.push(`--fix 的输出与 ${c.fixedFile} 不一致：\n${result.output}`);
      const left = lint(result.output, options).filter((d) => d.fix);
      if (left.length) problems.push(`修复后仍有可修复的问题：${left.map((d) => d.ruleId).join('、')}`);
    }
  }
  return { problems, actual: renderMarkers(fx.text, diagnostics) };
}

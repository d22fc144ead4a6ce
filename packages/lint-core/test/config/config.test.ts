import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, lint as coreLint, loadConfig } from '@replylint/core';
import { lintFocused as lint } from '../support/focus.js';

const created: string[] = [];
afterAll(() => created.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-config-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('.replylintrc.yaml', () => {
  it('is discovered upward from the checked file', () => {
    const dir = project({ '.replylintrc.yaml': 'rules:\n  no-harsh-language: warn\n', 'a/b/reply.md': '' });
    const config = loadConfig({ from: join(dir, 'a/b/reply.md') });
    expect(config.files).toEqual([join(dir, '.replylintrc.yaml')]);
    const d = lint('该市民无理取闹。', { config });
    expect(d.map((x) => [x.ruleId, x.severity])).toEqual([['no-harsh-language', 1]]);
  });

  it('turns a rule off, and --rule overrides the config', () => {
    const dir = project({ '.replylintrc.yaml': 'extends: recommended\nrules:\n  no-harsh-language: off\n' });
    const config = loadConfig({ from: dir });
    expect(lint('该市民无理取闹。', { config })).toEqual([]);
    expect(lint('该市民无理取闹。', { config, rules: { 'no-harsh-language': 'error' } })).toHaveLength(1);
  });

  it('`extends: []` runs only the rules the config lists; no `extends` means recommended', () => {
    const only = loadConfig({ from: project({ '.replylintrc.yaml': 'extends: []\nrules:\n  no-harsh-language: warn\n' }) });
    expect(coreLint('该市民无理取闹。', { config: only }).map((d) => `${d.ruleId}/${d.severity}`)).toEqual(['no-harsh-language/1']);
    const dflt = loadConfig({ from: project({ '.replylintrc.yaml': 'rules:\n  no-harsh-language: warn\n' }) });
    const ids = new Set(coreLint('该市民无理取闹。', { config: dflt }).map((d) => d.ruleId));
    expect(ids.has('no-harsh-language') && ids.has('satisfaction')).toBe(true);
  });

  it('appends extra phrases (as literal text) to a phrase rule', () => {
    const dir = project({ '.replylintrc.yaml': 'phrases:\n  no-harsh-language: ["不讲道理(指市民)"]\n' });
    const config = loadConfig({ from: dir });
    const d = lint('诉求人不讲道理(指市民)。', { config });
    expect(d.map((x) => x.data.phrase)).toEqual(['不讲道理(指市民)']);
  });

  it('extends another config file by relative path', () => {
    const dir = project({ 'base.yaml': 'rules:\n  no-harsh-language: warn\n', 'sub/.replylintrc.yaml': 'extends: [../base.yaml]\n' });
    const config = loadConfig({ from: join(dir, 'sub') });
    expect(lint('无理取闹', { config }).map((x) => x.severity)).toEqual([1]);
  });

  it('names file, line and key path for an unknown key', () => {
    const dir = project({ '.replylintrc.yaml': 'extends: recommended\nrules:\n  no-harsh-language: error\nrulez: {}\n' });
    const e = configError(() => loadConfig({ from: dir }));
    expect(e.message).toMatch(/\.replylintrc\.yaml:4: rulez: 未知的键「rulez」/);
    expect(e.line).toBe(4);
  });

  it('names the line of an unknown rule and of a bad severity', () => {
    const dir1 = project({ '.replylintrc.yaml': 'rules:\n  no-such-rule: error\n' });
    expect(configError(() => loadConfig({ from: dir1 })).message).toMatch(/:2: rules\.no-such-rule: 未知的规则/);
    const dir2 = project({ '.replylintrc.yaml': 'rules:\n  no-harsh-language: loud\n' });
    expect(configError(() => loadConfig({ from: dir2 })).message).toMatch(/:2: rules\.no-harsh-language/);
  });

  it('reports bad option values against the kind schema with the key path', () => {
    const dir = project({ '.replylintrc.yaml': 'rules:\n  no-harsh-language:\n    - error\n    - maxReports: many\n' });
    const e = configError(() => loadConfig({ from: dir }));
    expect(e.message).toMatch(/rules\.no-harsh-language\[1\]\.maxReports: 应为数字/);
    expect(e.line).toBe(4);
  });

  it('rejects an unknown profile in extends, listing the known ones', () => {
    const dir = project({ '.replylintrc.yaml': 'extends: [recomended]\n' });
    expect(configError(() => loadConfig({ from: dir })).message).toMatch(/:1: extends\[0\]: 未知的规则配置「recomended」，可用：.*recommended/);
  });

  it('reports YAML syntax errors with a line', () => {
    const dir = project({ '.replylintrc.yaml': 'rules:\n  a: [error\n' });
    expect(configError(() => loadConfig({ from: dir })).message).toMatch(/\.replylintrc\.yaml:\d+: YAML 语法错误/);
  });

  it('rejects an explicit config file that does not exist', () => {
    expect(configError(() => loadConfig({ configFile: '/nonexistent/x.yaml' })).message).toContain('找不到配置文件');
  });

  it('rejects an unknown --profile', () => {
    expect(() => lint('正文', { profile: 'nope' })).toThrow(/未知的规则配置「nope」/);
  });
});

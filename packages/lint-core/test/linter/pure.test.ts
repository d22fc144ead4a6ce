// createLinter loads; lint() then reads no file and no environment variable (issue: one core for
// every front end). Counted the way the issue measured it: every function of `fs` is wrapped (and
// synced into its ES module exports), and process.env is replaced by a counting proxy, while a
// linter with profiles, a policy registry, a user calendar and deadline tables lints 1,000 replies
// whose metadata comes as front matter and as data.
import fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig, createLinter, rulesDir } from '@replylint/core';

const root = join(rulesDir(), '..');
const replies = readdirSync(join(root, 'fixtures', 'replies'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(root, 'fixtures', 'replies', f), 'utf8'));
const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');

const dir = mkdtempSync(join(tmpdir(), 'replylint-pure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'calendar.yaml'), 'years:\n  2027:\n    notice: 测试用\n    holidays:\n      - { name: 元旦, from: 2027-01-01, to: 2027-01-01 }\n');

/** Runs `f` with every fs call and every process.env access counted. */
function counted(f: () => void): { fs: string[]; env: string[] } {
  const calls = { fs: [] as string[], env: [] as string[] };
  const saved = new Map<string, unknown>();
  const mod = fs as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
    saved.set(name, value);
    mod[name] = function (this: unknown, ...args: unknown[]) {
      calls.fs.push(name);
      return (value as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  syncBuiltinESMExports();
  const env = process.env;
  process.env = new Proxy(env, {
    get: (t, k) => (calls.env.push(String(k)), Reflect.get(t, k)),
    has: (t, k) => (calls.env.push(String(k)), Reflect.has(t, k)),
    ownKeys: (t) => (calls.env.push('*'), Reflect.ownKeys(t)),
  });
  try {
    f();
  } finally {
    process.env = env;
    for (const [name, value] of saved) mod[name] = value;
    syncBuiltinESMExports();
  }
  return calls;
}

describe('lint() is pure', () => {
  it('the counters see file and environment access', () => {
    const c = counted(() => {
      readFileSync(join(root, 'package.json'));
      void process.env.HOME;
    });
    expect(c.fs).toContain('readFileSync');
    expect(c.env).toContain('HOME');
  });

  it('1,000 replies with profiles, policies and deadlines: no fs call, no environment read', () => {
    const config = createConfig(
      {
        extends: ['recommended', 'suzhou-jkq'],
        policies: 'rules/policies/sample.yaml',
        calendar: join(dir, 'calendar.yaml'),
        rules: { 'citation-registry': 'error' },
        handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' },
      },
      { baseDir: root },
    );
    const linter = createLinter({ config });
    const profiles = ['suqian', 'suzhou-jkq', 'xiaoxian', 'changshu', 'anning', 'recommended'];
    const types = ['complaint', '咨询', '投诉类', 'suggestion', 'emergency', 'help'];
    let findings = 0;
    let overdue = 0;
    const c = counted(() => {
      for (let i = 0; i < 1000; i++) {
        const text = replies[i % replies.length]!;
        const asData = i % 2 === 1;
        const meta = {
          profile: profiles[i % profiles.length],
          type: types[i % types.length],
          派单时间: `2024-0${1 + (i % 9)}-1${i % 10} 09:30`,
          repliedAt: `2024-0${1 + (i % 9)}-2${i % 10} 16:00`,
          ...(i % 3 === 0 ? { request: '小区门口夜市噪音扰民，希望整治。' } : {}),
        };
        const r = linter.lintDocument(asData ? body(text) : text, { meta, now: new Date('2025-06-30T10:00:00+08:00') });
        findings += r.diagnostics.length;
        overdue += r.diagnostics.filter((d) => d.ruleId === 'overdue').length;
      }
    });
    expect(c.fs).toEqual([]);
    expect(c.env).toEqual([]);
    // the replies were really checked, deadlines included
    expect(findings).toBeGreaterThan(500);
    expect(overdue).toBeGreaterThan(50);
  });
});

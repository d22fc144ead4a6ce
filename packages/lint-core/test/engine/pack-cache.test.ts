// The validated rule pack is cached on disk keyed on the rule and list files: reading it back
// gives the same rules, and any edit to a rule or a list is picked up (and validated) again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@replylint/core';
import { loadRulePack } from '../../src/pack/load.js';
import { rulesDir } from '../../src/util/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'replylint-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(rulesDir(), dir, { recursive: true });

const plain = (m: ReturnType<typeof loadRulePack>) => [...m.values()].map(({ kindDef, ...r }) => ({ ...r, kind: kindDef.kind }));

describe('rule pack cache', () => {
  it('reads back the same validated rules, and picks up edits to rules and lists', () => {
    const first = loadRulePack(dir);
    expect(plain(loadRulePack(dir))).toEqual(plain(first));

    const rule = join(dir, 'core', 'no-harsh-language.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^description: .*$/m, 'description: 已修改的说明。'));
    expect(loadRulePack(dir).get('no-harsh-language')!.description).toBe('已修改的说明。');

    const list = join(dir, 'lists', 'cliches.yaml');
    writeFileSync(list, readFileSync(list, 'utf8').replace('phrases:\n', 'phrases:\n  - 新增套话\n'));
    expect(JSON.stringify(loadRulePack(dir).get('no-bureaucratic-cliche')!.defaultOptions)).toContain('新增套话');

    writeFileSync(rule, readFileSync(rule, 'utf8').replace(/^kind: .*$/m, 'kind: no-such-kind'));
    expect(() => loadRulePack(dir)).toThrow(ConfigError);
  });
});

// rules/lists/<name>.yaml: literal `phrases` and regex `patterns`, checked examples, and
// `{ $list: name }` resolving to regex sources (phrases escaped) for the kinds.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '@replylint/core';
import { compilePatterns } from '../../src/match/index.js';
import { loadBuiltinRules, loadList, loadRulePack, optionsWithListReferences, readList } from '../../src/pack/load.js';
import { rulesDir } from '../../src/util/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'replylint-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(rulesDir(), dir, { recursive: true });
const builtinNames = readdirSync(join(rulesDir(), 'lists'))
  .filter((f) => f.endsWith('.yaml') && f !== 'segment-dict.yaml')
  .map((f) => f.replace(/\.yaml$/, ''));

// each test writes its own list file; names are unique so the per-file cache never serves a stale one
let n = 0;
let name = '';
beforeEach(() => {
  name = `t${++n}`;
});
const write = (yaml: string, list = name) => writeFileSync(join(dir, 'lists', `${list}.yaml`), yaml);
const errorOf = (f: () => unknown): ConfigError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no ConfigError');
};

describe('rules/lists', () => {
  it.each(builtinNames)('%s loads: phrases are plain text, patterns compile, examples match', (list) => {
    const l = readList(list);
    expect(l.phrases.length + l.patterns.length).toBeGreaterThan(0);
  });

  it('phrases become escaped regex sources in Simplified script, patterns stay as written', () => {
    write('phrases:\n  - 纯属胡闹(故意)\n  - 蠻橫無理\npatterns:\n  - 不要(?:再)?来电\n');
    const sources = loadList(name, dir);
    expect(sources).toEqual(['纯属胡闹\\(故意\\)', '蛮横无理', '不要(?:再)?来电']);
    expect(compilePatterns([sources[0]!]).test('纯属胡闹(故意)')).toBe(true);
    expect(compilePatterns([sources[0]!]).test('纯属胡闹故意')).toBe(false);
  });

  it('checks the examples of each entry at load time, pointing at file:line and key path', () => {
    write('phrases:\n  - { phrase: 无理取闹, examples: [该市民无理取闹, 該市民無理取鬧] }\npatterns:\n  - { pattern: "不要(?:再)?来电", examples: [请不要再来电] }\n');
    expect(readList(name, dir).phrases[0]!.examples).toEqual(['该市民无理取闹', '該市民無理取鬧']);

    name = `${name}b`;
    write('phrases:\n  - 刁民\n  - phrase: 无理取闹\n    examples:\n      - 该市民态度恶劣\n');
    const e = errorOf(() => readList(name, dir));
    expect(e.message).toBe(`${join(dir, 'lists', `${name}.yaml`)}:5: phrases[1].examples[0]: 例句「该市民态度恶劣」里没有「无理取闹」`);
    expect(e.line).toBe(5);

    name = `${name}c`;
    write('patterns:\n  - pattern: 不要(?:再)?来电\n    examples: [请勿来电]\n');
    expect(errorOf(() => readList(name, dir)).message).toMatch(/:3: patterns\[0\]\.examples\[0\]: 例句「请勿来电」与本条正则表达式不匹配$/);
  });

  it('rejects regex syntax under phrases, duplicates, bad patterns, empty lists and the old items:', () => {
    write('phrases:\n  - 高度重视\n  - 取得(?:了)?成效\n');
    expect(errorOf(() => readList(name, dir)).message).toMatch(/:3: phrases\[1\]: 含正则符号：.*patterns/);
    name = `${name}b`;
    write('phrases:\n  - 高度重视\n  - 积极协调\n  - 高度重视\n');
    expect(errorOf(() => readList(name, dir)).message).toMatch(/:4: phrases\[2\]: 「高度重视」重复（与 phrases\[0\] 相同）$/);
    name = `${name}c`;
    write('patterns:\n  - 联系(?!电话\n');
    expect(errorOf(() => readList(name, dir)).message).toMatch(/:2: patterns\[0\]: 正则表达式无效/);
    name = `${name}d`;
    write('description: 空表\n');
    expect(errorOf(() => readList(name, dir)).message).toContain('词表是空的');
    name = `${name}e`;
    write('items:\n  - 高度重视\n');
    expect(errorOf(() => readList(name, dir)).message).toMatch(/:2: items: 词表格式已更新：.*phrases.*patterns/);
  });
});

describe('{ $list: name } in rule options', () => {
  const ruleFile = join(dir, 'core', 'no-harsh-language.yaml');
  const original = readFileSync(ruleFile, 'utf8');
  afterAll(() => writeFileSync(ruleFile, original));
  const withOptions = (options: string) => writeFileSync(ruleFile, original.replace(/^options:\n(?: {2}.*\n)+/m, `options:\n${options}`));

  it('splices regex sources into arrays and records where each list went', () => {
    write('phrases:\n  - 甲(乙)\npatterns:\n  - 丙+\n', 'extra');
    withOptions('  patterns:\n    - 丁\n    - { $list: extra }\n    - 戊\n');
    const rule = loadRulePack(dir).get('no-harsh-language')!;
    expect(rule.defaultOptions.patterns).toEqual(['丁', '甲\\(乙\\)', '丙+', '戊']);
    expect(rule.lists).toMatchObject([{ name: 'extra', path: ['patterns'], index: 1, count: 2, literal: false }]);
    expect(optionsWithListReferences(rule).patterns).toEqual(['丁', { $list: 'extra' }, '戊']);
  });

  it('literal: true gives the phrases as written, and refuses a list with patterns', () => {
    write('phrases:\n  - 於\n  - 欧阳\n', 'names');
    const personal = readFileSync(join(dir, 'core', 'personal-info.yaml'), 'utf8');
    try {
      writeFileSync(join(dir, 'core', 'personal-info.yaml'), personal.replace('{ $list: surnames, literal: true }', '{ $list: names, literal: true }'));
      const rule = loadRulePack(dir).get('personal-info')!;
      expect(rule.defaultOptions.surnames).toEqual(['於', '欧阳']);
      expect(optionsWithListReferences(rule).surnames).toEqual({ $list: 'names', literal: true });
      withOptions('  patterns:\n    - { $list: extra, literal: true }\n');
      expect(errorOf(() => loadRulePack(dir)).message).toMatch(/no-harsh-language\.yaml:\d+: options\.patterns\[0\]: 词表 extra 含 patterns/);
      withOptions('  patterns:\n    - { $list: extra, raw: true }\n');
      expect(errorOf(() => loadRulePack(dir)).message).toMatch(/options\.patterns\[0\]\.raw: 未知的键/);
      withOptions('  patterns:\n    - { $list: no-such-list }\n');
      expect(errorOf(() => loadRulePack(dir)).message).toMatch(/options\.patterns\[0\]: 找不到词表 rules\/lists\/no-such-list\.yaml/);
    } finally {
      writeFileSync(join(dir, 'core', 'personal-info.yaml'), personal);
    }
  });

  it('the built-in rules read their lists back as references', () => {
    for (const rule of loadBuiltinRules().values()) {
      const shown = JSON.stringify(optionsWithListReferences(rule));
      for (const use of rule.lists) {
        expect(shown).toContain(JSON.stringify({ $list: use.name, ...(use.literal ? { literal: true } : {}) }));
        // no phrase of a list (escaped or not) is left in the options shown
        for (const p of use.phrases) expect(shown, `${rule.id}: ${p.text}`).not.toContain(`"${p.text}"`);
      }
    }
  });
});

// Suggestion titles come from the rule's YAML `messages:` (a kind gives a messageId and data, like
// a report), and a rule whose kind offers a suggestion without the message fails to load.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, lint, loadBuiltinRules } from '@replylint/core';
import { fixtureLintOptions, listFixtureCases, parseFixture } from '@replylint/core/testing';
import { formatMessage, formatSuggestions } from '../../src/engine/messages.js';
import { loadRulePack } from '../../src/pack/load.js';
import { rulesDir } from '../../src/util/paths.js';

const rules = loadBuiltinRules();

describe('suggestion titles', () => {
  it('are formatted from the message of their id, or show the id when it has none', () => {
    const fix = { range: [0, 2] as const, text: '王某' };
    expect(formatSuggestions({ suggestReplace: '改为：{{replacement}}' }, [{ messageId: 'suggestReplace', data: { replacement: '王某' }, fix }, { messageId: 'other', fix }])).toEqual([
      { messageId: 'suggestReplace', desc: '改为：王某', data: { replacement: '王某' }, fix },
      { messageId: 'other', desc: 'other', data: {}, fix },
    ]);
  });

  it('of every suggestion in the fixtures are the YAML message formatted with its data', () => {
    let seen = 0;
    const ids = new Set<string>();
    for (const c of listFixtureCases()) {
      const fx = parseFixture(readFileSync(c.file, 'utf8'), c.ruleId);
      for (const d of lint(fx.text, fixtureLintOptions(fx, c.ruleId))) {
        for (const s of d.suggestions ?? []) {
          const template = rules.get(d.ruleId)!.messages[s.messageId];
          expect(template, `${d.ruleId}: messages.${s.messageId}`).toBeDefined();
          expect(s.desc).toBe(formatMessage(template!, s.data));
          ids.add(`${d.ruleId}/${s.messageId}`);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
    // the rules that offer suggestions today, each seen at least once
    expect([...ids].sort()).toEqual(expect.arrayContaining(['citation-format/suggestReplace', 'personal-info/suggestDeleteName', 'personal-info/suggestReplace']));
  });

  it('of the signature are the YAML message, with the name and phone masked', () => {
    const text = '---\nhandler:\n  name: 王磊\n  unit: 宿城区城管局\n  phone: 0527-84361234\n---\n您反映的问题已处理完毕，请知悉。\n';
    const [d] = lint(text, { only: ['signature-block'], rules: { 'signature-block': 'error' } });
    expect(d!.suggestions!.map((s) => [s.messageId, s.desc])).toEqual([['suggestSignature', '在结尾补充署名：承办单位：宿城区城管局　承办人：王*　联系电话：0527-****1234']]);
    expect(d!.suggestions![0]!.fix.text).toBe('\n承办单位：宿城区城管局\n承办人：王磊\n联系电话：0527-84361234\n');
  });
});

describe('loading a rule whose kind suggests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-suggest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(rulesDir(), dir, { recursive: true });

  it('fails with file:line when the suggestion message is missing', () => {
    const file = join(dir, 'core', 'personal-info.yaml');
    const yaml = readFileSync(file, 'utf8');
    writeFileSync(file, yaml.replace(/^ {2}suggestReplace: .*\n/m, ''));
    let error: unknown;
    try {
      loadRulePack(dir);
    } catch (e) {
      error = e;
    } finally {
      writeFileSync(file, yaml);
    }
    expect(error).toBeInstanceOf(ConfigError);
    const m = /^(.*):(\d+): messages\.suggestReplace: 缺少提示文字/.exec((error as ConfigError).message);
    expect(m?.[1]).toBe(file);
    // the line is in the `messages:` block
    const lines = yaml.split('\n');
    const line = Number(m![2]);
    expect(line).toBeGreaterThan(lines.indexOf('messages:'));
    expect(lines[line - 1]).toMatch(/^(?:messages:| {2}\w+: )/);
  });

  it('of a phrase rule requires the message only when a pattern suggests a rewrite', () => {
    const file = join(dir, 'core', 'no-harsh-language.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).not.toContain('suggestReplace');
    expect(() => loadRulePack(dir)).not.toThrow();
    writeFileSync(file, yaml.replace(/^ {2}patterns:\n/m, '  patterns:\n    - { pattern: 刁民, suggest: 群众 }\n'));
    try {
      expect(() => loadRulePack(dir)).toThrow(/no-harsh-language\.yaml:\d+: messages\.suggestReplace: 缺少提示文字/);
    } finally {
      writeFileSync(file, yaml);
    }
  });
});

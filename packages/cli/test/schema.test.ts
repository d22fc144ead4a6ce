// The committed JSON Schemas (rules/schema/) are current; the config `replylint init` writes and
// every YAML data file under rules/ are valid against theirs, and each data file names its schema.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { listProfiles } from '@replylint/core';
import { configTemplate } from '../src/commands/init-run.js';
import { REPO_ROOT } from './helpers.js';

const schemaFile = join(REPO_ROOT, 'rules/schema/replylintrc.schema.json');

describe('rules/schema/', () => {
  it('is what scripts/gen-schema.mjs generates from the zod schemas', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-schema.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

});

describe('rules/schema/replylintrc.schema.json', () => {
  const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  it('accepts the configs `replylint init` writes and the SPEC example', () => {
    for (const p of listProfiles()) {
      const cfg = parse(configTemplate(p, listProfiles()));
      expect(validate(cfg), JSON.stringify(validate.errors)).toBe(true);
    }
    const spec = {
      extends: ['recommended', 'suqian'],
      rules: { 'no-bureaucratic-cliche': ['warn', { max: 2 }], 'signature-block': 'error', 'on-topic': 'off' },
      phrases: { 'no-evasive-phrase': ['已按程序处理'] },
      policies: './policies.yaml',
      calendar: './calendar.yaml',
      handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' },
    };
    expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown keys and bad values', () => {
    expect(validate({ extend: ['recommended'] })).toBe(false);
    expect(validate({ segmenter: 'fast' })).toBe(false);
    expect(validate({ rules: { 'no-harsh-language': 'loud' } })).toBe(false);
    expect(validate({ handler: { name: '王磊', email: 'x' } })).toBe(false);
  });
});

const compile = (name: string) => new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'rules/schema', name), 'utf8')));
const rule = compile('rule.schema.json');
const list = compile('list.schema.json');
const profile = compile('profile.schema.json');
const segmentDict = compile('segment-dict.schema.json');

/** Every YAML data file under rules/core, rules/lists and rules/profiles, with the schema it must name. */
const dataFiles = ['core', 'lists', 'profiles'].flatMap((d) =>
  readdirSync(join(REPO_ROOT, 'rules', d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const schema = d === 'core' ? 'rule' : d === 'profiles' ? 'profile' : f === 'segment-dict.yaml' ? 'segment-dict' : 'list';
      return [`rules/${d}/${f}`, schema] as const;
    }),
);
const validators: Record<string, typeof rule> = { rule, list, profile, 'segment-dict': segmentDict };

describe('YAML data files and their schemas', () => {
  it.each(dataFiles)('%s names %s.schema.json on its first line and is valid against it', (file, schema) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../schema/${schema}.schema.json`);
    const validate = validators[schema]!;
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rule schema: exact top-level keys, known kinds, and the option keys of the kind', () => {
    const base = parse(readFileSync(join(REPO_ROOT, 'rules/core/no-harsh-language.yaml'), 'utf8'));
    expect(rule(base)).toBe(true);
    expect(rule({ ...base, severty: 'warn' })).toBe(false);
    expect(rule({ ...base, kind: 'no-such-kind' })).toBe(false);
    expect(rule({ ...base, options: { ...base.options, maxReport: 1 } })).toBe(false);
    // loose values: a list reference anywhere
    expect(rule({ ...base, options: { patterns: [{ $list: 'harsh-phrases' }], unless: [{ $list: 'cliches' }] } })).toBe(true);
  });

  it('list schema: phrases are plain text, at least one entry, examples as lists', () => {
    expect(list({ phrases: ['无理取闹', { phrase: '胡搅蛮缠', examples: ['该市民胡搅蛮缠'] }] })).toBe(true);
    expect(list({ patterns: [{ pattern: '不要(?:再)?来电', examples: ['请不要再来电'] }] })).toBe(true);
    expect(list({ phrases: ['取得(?:了)?成效'] })).toBe(false);
    expect(list({ phrases: ['高度重视|积极协调'] })).toBe(false);
    expect(list({ phrases: ['中华人民共和国某法(试行)'] })).toBe(true);
    expect(list({ description: '空表' })).toBe(false);
    expect(list({ phrases: [] })).toBe(false);
    expect(list({ items: ['无理取闹'] })).toBe(false);
    expect(list({ phrases: [{ phrase: '无理取闹', example: '该市民无理取闹' }] })).toBe(false);
  });

  it('profile schema: known rule ids and profiles, deadline tables checked', () => {
    const base = parse(readFileSync(join(REPO_ROOT, 'rules/profiles/suzhou-jkq.yaml'), 'utf8'));
    expect(profile(base)).toBe(true);
    expect(profile({ ...base, rule: {} })).toBe(false);
    expect(profile({ ...base, rules: { 'no-such-rule': 'error' } })).toBe(false);
    expect(profile({ ...base, extends: ['no-such-profile'] })).toBe(false);
    expect(profile({ ...base, deadlines: { ...base.deadlines, events: [{ event: 'x', name: 'x', source: 'x', due: { kind: 'weeks' } }] } })).toBe(false);
  });
});

// The committed JSON Schema of .replylintrc.yaml is current, and the config `replylint init`
// writes is valid against it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { listProfiles } from '@replylint/core';
import { configTemplate } from '../src/commands/init-run.js';
import { REPO_ROOT } from './helpers.js';

const schemaFile = join(REPO_ROOT, 'rules/schema/replylintrc.schema.json');

describe('rules/schema/replylintrc.schema.json', () => {
  it('is what scripts/gen-schema.mjs generates from configSchema', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/gen-schema.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

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

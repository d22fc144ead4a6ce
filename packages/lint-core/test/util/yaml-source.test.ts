// The YAML reader used for rule packs, profiles, lists and config: fast values, precise errors.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlSource, validateSource } from '../../src/util/yaml-source.js';
import { ConfigError } from '../../src/util/errors.js';

describe('parseYamlSource', () => {
  it('keeps dates, times and YAML 1.1 booleans as strings (core schema)', () => {
    const { data } = parseYamlSource('a: 2024-09-27\nb: on\nc: 0527-84361234\nd: "12345"\ne: true\nf: 3\n', 'x.yaml');
    expect(data).toEqual({ a: '2024-09-27', b: 'on', c: '0527-84361234', d: '12345', e: true, f: 3 });
  });

  it('names file and line of a duplicate key', () => {
    const run = () => parseYamlSource('id: a\nkind: phrase\nid: b\n', 'rules/core/a.yaml');
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/^rules\/core\/a\.yaml:3: 重复的键/);
  });

  it('names file and line of a syntax error', () => {
    expect(() => parseYamlSource('a: [1, 2\nb: 3\n', 'c.yaml')).toThrow(/^c\.yaml:\d+: YAML 语法错误/);
  });

  it('names file and line of an alias to an undefined anchor (a config error, not a crash)', () => {
    const run = () => parseYamlSource('extends: recommended\nrules:\n  x: *y\n', '.replylintrc.yaml');
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/^\.replylintrc\.yaml:3: YAML 语法错误（引用了没有定义的锚点/);
  });

  it('reports the line of a value that fails validation', () => {
    const { source, data } = parseYamlSource('id: a\noptions:\n  max: two\n', 'r.yaml');
    const schema = z.strictObject({ id: z.string(), options: z.strictObject({ max: z.number() }) });
    expect(() => validateSource(schema, data, source)).toThrow(/^r\.yaml:3: options\.max: 应为数字/);
  });
});

describe('decodeYamlBytes', () => {
  it('reads UTF-8 (dropping a BOM) and GBK Chinese, and refuses other encodings in Chinese', async () => {
    const { decodeYamlBytes } = await import('../../src/util/yaml-source.js');
    expect(decodeYamlBytes(Buffer.from('\uFEFFunit: 城管局\n'), 'a.yaml')).toBe('unit: 城管局\n');
    // 'unit: 城管局' in GBK
    expect(decodeYamlBytes(Buffer.from('756e69743a20b3c7b9dcbed60a', 'hex'), 'b.yaml')).toBe('unit: 城管局\n');
    // Latin-1 'café'
    expect(() => decodeYamlBytes(Buffer.from('6e616d653a20636166e90a', 'hex'), 'c.yaml')).toThrow('c.yaml: 既不是有效的 UTF-8，也不像 GBK/GB18030 编码的中文：请另存为 UTF-8');
  });
});

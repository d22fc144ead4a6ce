// The flat front-matter reader must return exactly what js-yaml (core schema) returns, or nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '@replylint/core/testing';
import { readFlatYaml } from '../../src/parse/flat-yaml.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

const core = (text: string): unknown => {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return 'js-yaml error';
  }
};

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* markdownFiles(p);
    else if (name.endsWith('.md')) yield p;
  }
}

describe('readFlatYaml', () => {
  it('reads the usual ticket front matter', () => {
    const fm = 'id: GD202403120001\nchannel: 12345\ntype: complaint\ndispatchedAt: 2024-03-12 09:30\nanonymous: false\nhandler: { name: 王磊, unit: 区城管局, phone: "0527-84361234" }\n诉求类型: 投诉';
    expect(readFlatYaml(fm)).toEqual(core(fm));
    expect(readFlatYaml(fm)).toMatchObject({ channel: 12345, anonymous: false, handler: { phone: '0527-84361234' } });
  });

  it('leaves everything else to js-yaml', () => {
    for (const fm of [
      'a: 1\n  b: 2', // indentation
      'a: 0x1F', // hex int
      'a: 1.5', // float
      'a: null',
      'a:',
      'a: b # comment',
      'a: [1, 2]',
      'a: |\n  text',
      'a: 1\na: 2', // duplicate key
      'a: "x\\ny"', // escape
      "a: 'it''s'",
      'a: { b: { c: d } }',
      'a: { b: "x, y" }',
      'a: &x y',
      '- a',
      '# only a comment',
    ]) {
      expect([fm, readFlatYaml(fm)]).toEqual([fm, undefined]);
    }
  });

  it('agrees with js-yaml on every fixture front matter it reads', () => {
    let read = 0;
    for (const f of markdownFiles(fixturesDir())) {
      const fm = parseMarkdown(readFileSync(f, 'utf8')).frontMatter;
      if (!fm) continue;
      const flat = readFlatYaml(fm.value);
      if (flat === undefined) continue;
      read++;
      expect([f, flat]).toEqual([f, core(fm.value)]);
    }
    expect(read).toBeGreaterThan(100);
  });

  it('agrees with js-yaml on generated front matter', () => {
    const atom = fc.constantFrom(
      'complaint', '市长信箱', '12345', '0', '007', '1e3', '0x1F', '0o17', '1_000', '.5', '-1', '+1', 'true', 'True', 'false', 'null', '~', 'yes', 'no', 'on',
      '2024-03-12', '2024-03-12 09:30', '2024-03-12T09:30:00+08:00', '09:30', 'a: b', 'a #b', 'a#b', '#x', '-x', '- x', '?x', '!x', '&a', '*a', '%x', '@x', '`x',
      '"0527-84361234"', '"a#b"', '"a\\"b"', "'x'", "'a''b'", '"', "'", '王磊', '王 磊', ' 王磊 ', 'a,b', '[x]', '{x}', '{ name: 王磊 }', '{ name: 王磊, phone: "1" }',
      '{name: 王磊}', '{ a: 1, a: 2 }', '{ a: b: c }', '{}', '{ a: 2024-03-12 09:30 }', '{ a: "x,y" }', '.inf', '-.inf', '.nan', 'é', 'ab', 'face',
      // CJK plain text and date-times (read without the general checks)
      '王磊:x', '王磊: x', '王磊 #注', '王磊#注', '王"磊"', "王'磊", '王[1]', '王{1}', '王磊,李四', '二〇二四', '区城管局　二科', '{ name: 王磊:x }', '{ name: 王 #x }',
      '2024-13-45 99:99', '2024-03-12  09:30', '2024-03-12 9:30', '{ at: 2024-03-12 09:30, by: 王磊 }',
      // flow-mapping keys and commas
      '{ 1a: x }', '{ -a: x }', '{ a-1: x, b_2: y }', '{ 姓名: 王磊, 电话: "1" }', '{ __proto__: x }', '{ a: x, }', '{ , a: x }', '{ a:x }',
      '{ a : x }', '{ a: x,b: y }', '{ a: "1", b: \'2\', c: 3 }',
    );
    const key = fc.constantFrom('id', 'channel', 'type', 'handler', '诉求类型', 'a_b', 'x-y', '1a', 'a b', '__proto__', 'a1', '-a', '_', 'A-Z9', '承办人2', 'é');
    const line = fc.tuple(key, fc.constantFrom(': ', ':  ', ':'), atom).map(([k, sep, v]) => `${k}${sep}${v}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constant(''), fc.constant('  indented: x')), { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const flat = readFlatYaml(text);
        if (flat !== undefined) expect(flat).toEqual(core(text));
      }),
      { numRuns: 3000 },
    );
  });
});

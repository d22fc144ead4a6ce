// The line scan for `key: value` ranges (parse/metadata.ts) must give exactly the range the
// `yaml` document gives, or decline. Checked over every front matter in fixtures/ plus edge cases.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { fixturesDir } from '@replylint/core/testing';
import { simpleValueRange } from '../../src/meta/front-matter.js';

function* markdownFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* markdownFiles(p);
    else if (name.endsWith('.md')) yield p;
  }
}

function yamlRanges(text: string): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: false });
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const r = (pair.value as { range?: number[] } | null)?.range;
    if (r) out.set(key, [r[0]!, Math.max(r[0]! + 1, r[1]!)]);
  }
  return out;
}

const EDGE = [
  'id: 1\ntype: complaint\n',
  'type:   complaint   \nchannel: "市长信箱"\n',
  "channel: '12345'\nrequest: |\n  一是噪音\n  二是灰尘\n",
  'approval: { role: 主要负责人 }\ntype: help # 求助\n',
  'type: complaint\ntype: help\n',
  'dispatchedAt: 2024-09-27 10:00\nrepliedAt: 2024-10-08T09:00:00+08:00\r\n',
  'title: a: b\nname: -x\nlist:\n  - a\n',
  'request: 小区噪音\n  扰民严重\ntype: complaint\n',
];

describe('metadata value ranges by line scan', () => {
  it('agree with the yaml document wherever they answer', () => {
    const texts = [...EDGE];
    for (const f of markdownFiles(fixturesDir())) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(f, 'utf8'));
      if (m) texts.push(`${m[1]!}\n`);
    }
    let answered = 0;
    for (const text of texts) {
      const expected = yamlRanges(text);
      for (const key of expected.keys()) {
        const got = simpleValueRange(text, key);
        if (!got) continue;
        answered++;
        expect([key, got]).toEqual([key, expected.get(key)]);
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('declines block scalars, flow collections, comments and duplicate keys', () => {
    expect(simpleValueRange("request: |\n  一是噪音\n", 'request')).toBeUndefined();
    expect(simpleValueRange('approval: { role: 主要负责人 }\n', 'approval')).toBeUndefined();
    expect(simpleValueRange('type: help # 求助\n', 'type')).toBeUndefined();
    expect(simpleValueRange('type: complaint\ntype: help\n', 'type')).toBeUndefined();
    expect(simpleValueRange('request: 小区噪音\n  扰民严重\n', 'request')).toBeUndefined();
    expect(simpleValueRange('type: complaint\n', 'type')).toEqual([6, 15]);
  });
});

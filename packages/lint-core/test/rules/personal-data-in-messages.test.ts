// Messages, suggestion titles and `data` reach CI logs, platform logs and JSON output: none of them
// may repeat a personal number written in the reply (7 or more of its digits in a row) or the full
// name of a person named in the metadata. Only the range points at the value (and a fix may write
// it when writing it is the point, e.g. the configured signature). Checked over every fixture,
// every YAML example, the whole replies and the corpus, and over crafted replies carrying an ID
// card, a bank card, a mobile, a landline and names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDocument, loadBuiltinRules, type Diagnostic, type LintOptions } from '@replylint/core';
import { fixtureLintOptions, fixturesDir, parseFixture } from '@replylint/core/testing';
import { isValidIdCard, luhnValid } from '../../src/detect/identifiers.js';

const rules = loadBuiltinRules();
const NOW = new Date('2025-12-31T10:00:00+08:00');

/** Every rule on (personal-info with its optional mobile check too) under `recommended`. */
const ALL_ON: LintOptions = {
  profile: 'recommended',
  now: NOW,
  rules: { ...Object.fromEntries([...rules.keys()].map((id) => [id, 'on'])), 'personal-info': ['on', { otherMobiles: true }] },
};

/** Digit runs of the text (single spaces or hyphens between groups) with 7 or more digits, dates excepted. */
function numbersIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d(?:[ \-－—]?\d)*/g)) {
    if (/^(?:19|20)\d\d[-－—]\d{1,2}[-－—]\d{1,2}(?: \d{1,2})?$/.test(m[0])) continue;
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 7) out.add(digits);
  }
  return [...out];
}

/**
 * The parts of `shown` that came from data: when it is `template` formatted, the placeholders'
 * values (the template's own words, such as an example phone in a hint, are the rule's, not the
 * reply's); otherwise all of it.
 */
function substituted(shown: string, template: string | undefined): string[] {
  if (!template) return [shown];
  const literals = template.split(/\{\{\s*\w+\s*\}\}/);
  if (literals.length === 1) return shown === template ? [] : [shown];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^${literals.map(escape).join('([\\s\\S]*?)')}$`).exec(shown);
  return m ? m.slice(1) : [shown];
}

interface Leak {
  where: string;
  shown: string;
  leaked: string;
}

function leaks(text: string, diagnostics: readonly Diagnostic[], names: readonly string[]): Leak[] {
  const windows = new Set<string>();
  for (const n of numbersIn(text)) for (let i = 0; i + 7 <= n.length; i++) windows.add(n.slice(i, i + 7));
  const out: Leak[] = [];
  const check = (where: string, shown: string) => {
    const joined = shown.replace(/(?<=\d)[ \-－—](?=\d)/g, '');
    for (const w of windows) if (joined.includes(w)) out.push({ where, shown, leaked: w });
    for (const n of names) if (shown.includes(n)) out.push({ where, shown, leaked: n });
  };
  for (const d of diagnostics) {
    const messages = rules.get(d.ruleId)?.messages ?? {};
    const id = `${d.ruleId}/${d.messageId}`;
    for (const part of substituted(d.message, messages[d.messageId])) check(`${id} message`, part);
    for (const [k, v] of Object.entries(d.data)) check(`${id} data.${k}`, String(v));
    for (const s of d.suggestions ?? []) {
      for (const part of substituted(s.desc, messages[s.messageId])) check(`${id} suggestion`, part);
      for (const [k, v] of Object.entries(s.data)) check(`${id} suggestion data.${k}`, String(v));
    }
  }
  return out;
}

/** Lints with the given options and returns the leaks, checking the names the metadata gives. */
function leaksOf(text: string, options: LintOptions): { leaks: Leak[]; diagnostics: Diagnostic[] } {
  const { diagnostics, meta } = lintDocument(text, options);
  const names = [meta.citizen?.name, meta.handler?.name].filter((n): n is string => !!n && [...n.trim()].length >= 2).map((n) => n.trim());
  return { leaks: leaks(text, diagnostics, names), diagnostics };
}

function mdFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? mdFiles(p) : name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}

const root = fixturesDir();
const files = mdFiles(root);

describe('no personal data in messages, data or suggestion titles', () => {
  it('finds the fixtures to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [relative(root, f), f] as const))('fixture %s', (_name, file) => {
    const folder = relative(root, file).split(/[\\/]/)[0]!;
    const fx = parseFixture(readFileSync(file, 'utf8'), folder);
    const found = [...leaksOf(fx.text, ALL_ON).leaks, ...(rules.has(folder) ? leaksOf(fx.text, fixtureLintOptions(fx, folder)).leaks : [])];
    expect(found).toEqual([]);
  });

  it.each([...rules.values()].map((r) => [r.id, r] as const))('YAML examples of %s', (_id, rule) => {
    const found: Leak[] = [];
    for (const ex of [...rule.examples.valid, ...rule.examples.invalid]) {
      const e = typeof ex === 'string' ? { text: ex } : ex;
      found.push(...leaksOf(e.text, ALL_ON).leaks);
      if (e.options) found.push(...leaksOf(e.text, { ...ALL_ON, rules: { ...ALL_ON.rules, [rule.id]: ['on', e.options] } }).leaks);
    }
    expect(found).toEqual([]);
  });

  // crafted: every identifier kind, names in the metadata, a request quoting them, a signature to suggest
  const ID = '320311199003074576';
  const CARD = '6217001234567890122';
  const crafted: Record<string, string> = {
    'ID card, bank card, citizen mobile, other mobile, reporter name': `---
type: report
request: 请处理以下问题：1. 我家（林晓燕，电话13812345678）门口烧烤摊油烟扰民；2. 烧烤摊夜间经营到凌晨两点。
citizen:
  name: 林晓燕
  phone: "13812345678"
handler:
  name: 赵文博
  unit: 宿城区城管局
  phone: 0527-84361234
---
经核实，举报人林晓燕（身份证号${ID}）反映的情况属实，退款已转入其银行卡${CARD}。
已致电138 1234 5678告知结果，网格员手机13905271188。

承办单位：宿城区城管局
`,
    'citizen landline, handler named otherwise, signature suggested': `---
type: complaint
citizen:
  name: 欧阳娜娜
  phone: 0527-84361234
handler:
  name: 王磊
  unit: 宿城区城管局
  phone: "13812345678"
---
欧阳女士：您好！您来电（0527-84361234）反映的小区噪声问题，我局已于6月2日到现场核查并责令整改。

6月3日承办人李明与您电话联系，告知了处理结果，您表示满意。
`,
    'reporter named without metadata, ID in a table cell': `---
type: report
---
经核实，举报人任强反映的无证经营问题属实。

| 项目 | 内容 |
|---|---|
| 身份证 | ${ID} |
`,
    'personal number in a metadata value of the wrong type': `---
type: "13812345678"
anonymous: "${ID}"
---
您好！您反映的问题已处理。
`,
  };

  it('the crafted identifiers are valid (ID checksum, Luhn)', () => {
    expect(isValidIdCard(ID)).toBe(true);
    expect(luhnValid(CARD)).toBe(true);
  });

  it.each(Object.entries(crafted))('crafted: %s', (_name, text) => {
    const { leaks: found } = leaksOf(text, ALL_ON);
    expect(found).toEqual([]);
  });

  it('the crafted replies do report what the check is about', () => {
    const reported = new Set<string>();
    let suggestionWithName = false;
    for (const text of Object.values(crafted)) {
      for (const d of lintDocument(text, ALL_ON).diagnostics) {
        reported.add(`${d.ruleId}/${d.messageId}`);
        // the signature fix writes the handler's own name and phone: only its title is masked
        if (d.suggestions?.some((s) => s.fix.text.includes('王磊') && s.fix.text.includes('13812345678'))) suggestionWithName = true;
      }
    }
    expect([...reported].sort()).toEqual(
      expect.arrayContaining([
        'front-matter/invalidValue',
        'handler-name/mismatch',
        'on-topic/unaddressed',
        'personal-info/bankCard',
        'personal-info/citizenPhone',
        'personal-info/idCard',
        'personal-info/namedReporter',
        'personal-info/otherMobile',
        'personal-info/reporterName',
        'signature-block/missing',
      ]),
    );
    expect(suggestionWithName).toBe(true);
  });
});

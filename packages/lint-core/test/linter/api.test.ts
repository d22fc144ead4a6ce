// The core API the front ends build on: metadata passed as data, a config built in memory, the
// complete diagnostic (suppressed ones kept, metadata findings naming their key), and lint()
// throwing nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ReplylintError, computeDeadlines, createConfig, createLinter, loadConfig, loadResources, requestTypeOf, rulesDir } from '@replylint/core';

const root = join(rulesDir(), '..');
const reply = (name: string) => readFileSync(join(root, 'fixtures', 'replies', name), 'utf8');
const NOW = new Date('2025-12-01T10:00:00+08:00');
const linter = createLinter();
/** Findings as `ruleId/messageId` (sorted), the comparable part of a result. */
const ids = (ds: readonly { ruleId: string; messageId: string }[]) => ds.map((d) => `${d.ruleId}/${d.messageId}`).sort();

function splitFrontMatter(text: string): { yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
  return { yaml: m[1]!, body: text.slice(m[0].length) };
}

describe('metadata as data', () => {
  it('a reply without front matter, its metadata given as an object, gets the same findings as with front matter', async () => {
    const { parse } = await import('yaml');
    for (const name of ['01-shigong-zaoyin-complaint-12345.md', '18-xiaowai-peixun-tuifei-chinese-keys.md', '14-weijian-zhengshou-final-answer.md', '04-zhandao-jingying-anonymous.md']) {
      const text = reply(name);
      const { yaml, body } = splitFrontMatter(text);
      const meta = parse(yaml, { schema: 'core' }) as Record<string, unknown>;
      const withFm = linter.lintDocument(text, { now: NOW });
      const asData = linter.lintDocument(body, { meta, now: NOW });
      expect(ids(asData.diagnostics), name).toEqual(ids(withFm.diagnostics));
      expect(asData.meta.type).toBe(withFm.meta.type);
      expect(asData.meta.handler).toEqual(withFm.meta.handler);
    }
  });

  it('the metadata decides which rules apply: anonymous, type, channel and profile from data', () => {
    const body = '您好！经查，您反映的占道经营问题属实，已责令商户当日清理。';
    const found = linter.lint(body, { now: NOW });
    const plain = ids(found);
    // no name and no signature: one report, signature-block's, standing for handler-name too
    expect(plain).toContain('signature-block/missing');
    expect(found.find((d) => d.ruleId === 'signature-block')!.covers).toEqual(['handler-name']);
    expect(plain).toContain('contact-time/noContact');
    const anonymous = ids(linter.lint(body, { meta: { 匿名: true }, now: NOW }));
    expect(anonymous).toContain('anonymous-contact/noName');
    expect(anonymous.filter((x) => x.startsWith('contact-time/'))).toEqual([]); // does not apply to anonymous requests
    const duban = linter.lint(body, { meta: { channel: '督办件', profile: 'suzhou-jkq' }, now: NOW });
    expect(ids(duban)).toContain('approval-required/missing');
    // a finding about a value passed as data names the key and points at no text
    const approval = duban.find((d) => d.ruleId === 'approval-required')!;
    expect(approval).toMatchObject({ metaKey: 'channel', inText: false, range: [0, 0] });
  });

  it('front matter merges under the data: data wins key by key, person fields one by one', () => {
    const text = '---\ntype: consultation\nhandler: { name: 王磊, unit: 宿城区城管局 }\nchannel: "12345"\n---\n您好！';
    const r = linter.lintDocument(text, { meta: { 诉求类型: '投诉类', handler: { phone: '0527-84361234' } }, now: NOW });
    expect(r.meta.type).toBe('complaint');
    expect(r.meta.channel).toBe('12345');
    expect(r.meta.handler).toEqual({ name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' });
    // a finding about a front matter value points into the front matter
    const onChannel = linter.lint('---\nchannel: 督办件\n---\n您好！', { meta: { profile: 'suzhou-jkq' }, now: NOW }).find((d) => d.ruleId === 'approval-required')!;
    expect(onChannel.metaKey).toBe('channel');
    expect(onChannel.inText).toBeUndefined();
    expect(onChannel.range).toEqual([13, 16]);
  });

  it('a wrong value passed as data is a front-matter diagnostic naming the key, and the other keys still count', () => {
    const r = linter.lintDocument('您好！', { meta: { dispatchedAt: '明天上午', type: 'complaint', 承办人: { 电话: 13812345678 } } });
    const bad = r.diagnostics.filter((d) => d.ruleId === 'front-matter');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ messageId: 'invalidValue', metaKey: 'dispatchedAt', inText: false, range: [0, 0] });
    expect(bad[0]!.message).toContain('dispatchedAt');
    expect(r.meta.type).toBe('complaint');
    expect(r.meta.handler).toEqual({ phone: '13812345678' });
    const notObject = linter.lint('您好！', { meta: ['complaint'] }).filter((d) => d.ruleId === 'front-matter');
    expect(notObject.map((d) => d.messageId)).toEqual(['metaNotMapping']);
    const twice = linter.lint('您好！', { meta: { type: 'complaint', 诉求类型: '投诉' } }).filter((d) => d.ruleId === 'front-matter');
    expect(twice.map((d) => [d.messageId, d.metaKey])).toEqual([['metaDuplicateKey', '诉求类型']]);
  });

  it('one table of request-type labels: front matter, data and the deadline calculator accept the same ones', () => {
    for (const label of ['complaint', '投诉', '投诉类', '投诉件']) {
      expect(requestTypeOf(label)).toBe('complaint');
      expect(linter.lintDocument(`---\ntype: ${label}\n---\n您好！`).meta.type).toBe('complaint');
      expect(linter.lintDocument('您好！', { meta: { type: label } }).meta.type).toBe('complaint');
      expect(computeDeadlines({ dispatchedAt: '2024-09-27 10:00', type: label, profile: 'suzhou-jkq' }).type).toBe('complaint');
    }
    expect(requestTypeOf('一般咨询')).toBe('consultation');
    expect(requestTypeOf('投诉建议')).toBeUndefined();
  });
});

describe('createConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const object = {
    extends: ['recommended', 'suqian'],
    rules: { 'no-bureaucratic-cliche': ['warn', { max: 1 }], 'signature-block': 'off', 'on-topic': 'off' },
    phrases: { 'no-evasive-phrase': ['已按程序处理'] },
    handler: { name: '王磊', unit: '宿城区城管局', phone: '0527-84361234' },
  };

  it('an object in memory lints like the same YAML file', () => {
    const file = join(dir, '.replylintrc.yaml');
    writeFileSync(
      file,
      [
        'extends: [recommended, suqian]',
        'rules:',
        '  no-bureaucratic-cliche: [warn, { max: 1 }]',
        '  signature-block: "off"',
        '  on-topic: "off"',
        'phrases:',
        '  no-evasive-phrase: [已按程序处理]',
        'handler: { name: 王磊, unit: 宿城区城管局, phone: 0527-84361234 }',
        '',
      ].join('\n'),
    );
    const fromFile = createLinter({ config: loadConfig({ configFile: file }) });
    const fromObject = createLinter({ config: createConfig(object) });
    const texts = [
      ...['01-shigong-zaoyin-complaint-12345.md', '05-youyan-raomin-complaint-yizhangwang.md', '13-gongnuan-complaint-duban-xiaoxian.md'].map(reply),
      '您好！经查，该路段共有流动摊贩12处，已于9月24日全部清理。我局高度重视，积极协调，已按程序处理。',
    ];
    for (const t of texts) {
      const a = fromObject.lint(t, { now: NOW });
      expect(a.map((d) => [d.ruleId, d.messageId, d.severity, d.range])).toEqual(fromFile.lint(t, { now: NOW }).map((d) => [d.ruleId, d.messageId, d.severity, d.range]));
    }
    expect(ids(fromObject.lint(texts[3]!, { now: NOW }))).toContain('no-evasive-phrase/found');
  });

  it('errors name the label and the key path, as for a file they name file:line', () => {
    expect(() => createConfig({ rules: { 'no-such-rule': 'error' } }, { label: '编辑器设置' })).toThrow(/^编辑器设置: rules\.no-such-rule: 未知的规则「no-such-rule」/);
    expect(() => createConfig({ rules: { 'no-bureaucratic-cliche': ['warn', { max: 'two' }] } })).toThrow(/^配置: rules\.no-bureaucratic-cliche\[1\]\.max: /);
    expect(() => createConfig({ extends: ['suqain'] })).toThrow(/^配置: extends\[0\]: 未知的规则配置「suqain」/);
    expect(() => createConfig({ colour: 'red' })).toThrow(ConfigError);
    expect(() => createConfig({ policies: './nowhere.yaml' }, { baseDir: dir })).toThrow(/policies: 找不到政策文件库/);
  });
});

describe('the complete diagnostic', () => {
  it('keeps what a directive suppressed, with its reason', () => {
    const text = '您好！\n\n<!-- replylint-disable-next-line no-harsh-language -- 引用诉求人原话 -->\n诉求人称对方无理取闹。\n';
    const r = linter.lintDocument(text, { now: NOW });
    expect(r.diagnostics.some((d) => d.ruleId === 'no-harsh-language')).toBe(false);
    expect(r.suppressed.map((d) => [d.ruleId, d.suppressions[0]!.justification])).toEqual([['no-harsh-language', '引用诉求人原话']]);
    expect(text.slice(...r.suppressed[0]!.range)).toBe('无理取闹');
  });

  it('a whole-reply finding is shown on the first sentence of the body', () => {
    const text = '---\ntype: complaint\n---\n\n您好，已转交相关部门处理。\n';
    const missing = linter.lint(text, { now: NOW }).filter((d) => ['missing', 'noContact', 'nonAnswer'].includes(d.messageId));
    expect(missing.map((d) => d.ruleId).sort()).toEqual(['contact-time', 'no-evasive-phrase', 'satisfaction', 'signature-block']);
    for (const d of missing) expect(text.slice(...d.range)).toBe('您好，已转交相关部门处理。');
  });
});

describe('lint() throws nothing', () => {
  it('text nested too deeply for Markdown is read as plain text with a warning, not an exception', () => {
    const deep = `${'>'.repeat(4000)} 该市民无理取闹`;
    let r: ReturnType<typeof linter.lintDocument> | undefined;
    expect(() => (r = linter.lintDocument(deep, { now: NOW }))).not.toThrow();
    const internal = r!.diagnostics.filter((d) => d.ruleId === 'internal-error');
    expect(internal.map((d) => [d.messageId, d.severity, d.fatal])).toEqual([['markdownFallback', 1, undefined]]);
    expect(r!.diagnostics.find((d) => d.ruleId === 'no-harsh-language')?.range).toEqual([4004, 4008]);
  });

  it('a rule that throws loses its own findings only', () => {
    const broken = createLinter({
      segmenter: () => {
        throw new RangeError('boom');
      },
      deferModules: true,
    });
    const text = '---\nrequest: 小区门口夜市噪音扰民，希望整治。\n---\n该市民无理取闹。\n';
    const ds = broken.lint(text, { now: NOW });
    expect(ds.find((d) => d.ruleId === 'internal-error')).toMatchObject({ messageId: 'ruleFailed', data: { rule: 'on-topic' } });
    expect(ds.some((d) => d.ruleId === 'no-harsh-language')).toBe(true);
  });

  it('a segmenter loader that is not ready yet does not fail the rules’ example verification', () => {
    // a rule pack whose on-topic rule is new to the examples cache, so its examples run now
    const copy = mkdtempSync(join(tmpdir(), 'replylint-rules-'));
    try {
      cpSync(rulesDir(), copy, { recursive: true });
      const file = join(copy, 'core', 'on-topic.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^  valid:\n/m, `  valid:\n    - 您好，这是第 ${Date.now()} 号测试答复。\n`));
      const notReady = () => {
        throw new ReplylintError('分词后端正在加载', 'segmenter-unavailable');
      };
      const l = createLinter({ resources: loadResources(copy), segmenter: notReady, deferModules: true });
      const ds = l.lint('---\nrequest: 小区门口夜市噪音扰民，希望整治。\n---\n您好！路灯已修复。', { now: NOW });
      expect(ds.find((d) => d.ruleId === 'internal-error')).toMatchObject({ messageId: 'segmenterUnavailable', data: { rule: 'on-topic' } });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('linter.deadlines uses the linter profile and calendar without reading files', () => {
    const l = createLinter({ profile: 'suzhou-jkq' });
    const r = l.deadlines({ dispatchedAt: '2024-09-27 10:00', type: '投诉' });
    expect(r.deadlines.find((d) => d.event === 'completion')!.due!.toISOString()).toBe('2024-10-12T09:30:00.000Z');
    expect(() => createLinter().deadlines({ dispatchedAt: '2024-09-27 10:00' })).toThrow(/没有时限表/);
  });
});

describe('plain text (format: text)', () => {
  // a cell of a platform export: paragraphs indented with spaces, a `#` and a `>` typed by the clerk
  const cell = [
    '    您好！您反映的幸福路夜间施工噪音问题，我局办理情况如下。',
    '    经查，该工地未取得夜间施工许可，我局已责令其每天22时前停止高噪声作业，并于9月24日夜间复查，工地已按要求停工。',
    '> 该市民无理取闹。',
    '#1 复查记录见附件。',
  ].join('\n');

  it('indentation, `#` and `>` are the writer’s typing: every paragraph is prose, positions point into the cell', () => {
    const asMarkdown = linter.lint(cell, { now: NOW });
    const asText = linter.lint(cell, { now: NOW, format: 'text' });
    // Markdown reads the indented lines as a code block: the reply looks almost empty
    expect(asMarkdown.some((d) => d.ruleId === 'substance' && d.messageId === 'tooShort')).toBe(true);
    expect(asText.some((d) => d.ruleId === 'substance')).toBe(false);
    const harsh = asText.find((d) => d.ruleId === 'no-harsh-language')!;
    expect(cell.slice(...harsh.range)).toBe('无理取闹');
  });

  it('full-width indentation (U+3000) too, and front matter is still read', () => {
    const text = '---\ntype: complaint\n---\n　　您好！该市民无理取闹。\n';
    const r = linter.lintDocument(text, { now: NOW, format: 'text' });
    expect(r.meta.type).toBe('complaint');
    const harsh = r.diagnostics.find((d) => d.ruleId === 'no-harsh-language')!;
    expect(text.slice(...harsh.range)).toBe('无理取闹');
  });
});

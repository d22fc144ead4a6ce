import { describe, expect, it } from 'vitest';
import { lintDocument } from '@replylint/core';

describe('front matter metadata', () => {
  it('accepts Chinese aliases and Chinese type names', () => {
    const text = '---\n工单编号: SQ001\n诉求类型: 投诉\n匿名: 否\n派单时间: 2024-09-23 09:30\n承办人: { 姓名: 王磊, 联系电话: 0527-84361234 }\n---\n正文。\n';
    const { meta, diagnostics } = lintDocument(text, { only: [] });
    expect(diagnostics).toEqual([]);
    expect(meta.id).toBe('SQ001');
    expect(meta.type).toBe('complaint');
    expect(meta.anonymous).toBe(false);
    expect(meta.dispatchedAt?.toISOString()).toBe('2024-09-23T01:30:00.000Z');
    expect(meta.handler).toEqual({ name: '王磊', phone: '0527-84361234' });
  });

  it('keeps unknown keys and reports each wrong value at its own line', () => {
    const text = '---\n自定义: 1\ntype: 吵架\ndispatchedAt: 昨天\nid: A1\n---\n正文。\n';
    const { meta, diagnostics } = lintDocument(text, { only: [] });
    expect(meta.extra).toEqual({ 自定义: 1 });
    expect(meta.id).toBe('A1');
    expect(diagnostics.map((d) => [d.ruleId, d.messageId, text.slice(d.range[0], d.range[1])])).toEqual([
      ['front-matter', 'invalidValue', '吵架'],
      ['front-matter', 'invalidValue', '昨天'],
    ]);
    expect(diagnostics[0]!.message).toContain('complaint');
  });

  it('reports broken YAML as one fatal diagnostic and still lints the body', () => {
    const text = '---\ntype: [complaint\n---\n该市民无理取闹。\n';
    const { diagnostics } = lintDocument(text);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'front-matter', messageId: 'yamlSyntax', fatal: true, severity: 2 });
    expect(diagnostics.some((d) => d.ruleId === 'no-harsh-language')).toBe(true);
  });

  it('reports an alias to an undefined anchor at the alias, in Chinese, instead of throwing', () => {
    const text = '---\ntype: complaint\nx: *y\n---\n该市民无理取闹。\n';
    const { diagnostics } = lintDocument(text);
    const fm = diagnostics.filter((d) => d.ruleId === 'front-matter');
    expect(fm.map((d) => [d.messageId, text.slice(d.range[0], d.range[1]), d.fatal])).toEqual([['yamlSyntax', '*y', true]]);
    expect(fm[0]!.message).toContain('引用了没有定义的锚点');
    expect(diagnostics.some((d) => d.ruleId === 'no-harsh-language')).toBe(true);
  });

  it('says what a YAML syntax error means, with the code', () => {
    const { diagnostics } = lintDocument('---\ntype: "complaint\n---\n正文。\n', { only: [] });
    expect(diagnostics[0]!.message).toContain('缺少配对的引号或括号，MISSING_CHAR');
  });

  it('reports a non-mapping front matter', () => {
    const { diagnostics } = lintDocument('---\n- a\n- b\n---\n正文\n');
    expect(diagnostics.filter((d) => d.ruleId === 'front-matter').map((d) => d.messageId)).toEqual(['notMapping']);
  });
});

describe('front matter: a field given twice', () => {
  it('reports a repeated key at its second occurrence, with the line of the first; the later value counts', () => {
    const text = '---\ntype: complaint\nid: A1\ntype: consultation\n---\n正文。\n';
    const { meta, diagnostics } = lintDocument(text, { only: [] });
    expect(meta.type).toBe('consultation');
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ ruleId: 'front-matter', messageId: 'duplicateKey', severity: 2, data: { key: 'type', first: 'type', line: '2' } });
    expect(d.range[0]).toBe(text.indexOf('type: consultation'));
    expect(text.slice(d.range[0], d.range[1])).toBe('type');
    expect(d.message).toBe('元数据 `type` 重复（第 2 行已有 `type`），现以此处的值为准：请删去多余的一处。');
  });

  it('reports the same field under its English and Chinese names', () => {
    const text = '---\nid: A1\nhandler: { name: 王磊 }\n承办人: { name: 李四 }\n---\n正文。\n';
    const { meta, diagnostics } = lintDocument(text, { only: [] });
    expect(meta.handler).toEqual({ name: '李四' });
    expect(diagnostics.map((d) => [d.messageId, d.data, text.slice(d.range[0], d.range[1])])).toEqual([
      ['duplicateKey', { key: '承办人', first: 'handler', line: '3' }, '{ name: 李四 }'],
    ]);
  });

  it('says nothing when every field is given once', () => {
    const text = '---\nid: A1\ntype: complaint\nhandler: { name: 王磊 }\n---\n正文。\n';
    expect(lintDocument(text, { only: [] }).diagnostics).toEqual([]);
  });
});

// Front matter typed with a Chinese keyboard: `诉求类型：投诉` is read as a key and value, reported
// once per line with a fix to `诉求类型: 投诉`; positions of other findings in it stay right.
import { describe, expect, it } from 'vitest';
import { createLinter, META_RULE_ID } from '@replylint/core';

const linter = createLinter({ verifyExamples: false });

describe('front matter with full-width colons', () => {
  it('reads the keys, reports each colon with a fix, and the fixed text reads the same', () => {
    const text = '---\n诉求类型：投诉\n派单时间： 2024-09-27 10:00\nhandler:\n  name：王磊\nrequest: "时间：晚上"\nextra: |\n  1. 问题一：噪音\n  2. 问题二：灰尘\n---\n您好！\n';
    const r = linter.lintDocument(text, { only: [] });
    expect(r.meta.type).toBe('complaint');
    expect(r.meta.dispatchedAt?.toISOString()).toBe('2024-09-27T02:00:00.000Z');
    expect(r.meta.handler?.name).toBe('王磊');
    expect(r.meta.request).toBe('时间：晚上'); // a colon inside a quoted value is the value's
    const colons = r.diagnostics.filter((d) => d.messageId === 'fullWidthColon');
    expect(colons.map((d) => text.slice(d.range[0], d.range[1]))).toEqual(['：', '：', '：']);
    expect(colons.every((d) => d.ruleId === META_RULE_ID && d.severity === 1)).toBe(true);
    const fixed = linter.fix(text, { only: [] }).output;
    expect(fixed).toBe('---\n诉求类型: 投诉\n派单时间: 2024-09-27 10:00\nhandler:\n  name: 王磊\nrequest: "时间：晚上"\nextra: |\n  1. 问题一：噪音\n  2. 问题二：灰尘\n---\n您好！\n');
    // the lines of a block scalar are text, not keys
    expect(r.meta.extra.extra).toBe('1. 问题一：噪音\n2. 问题二：灰尘\n');
    expect(linter.lintDocument(fixed, { only: [] }).meta).toEqual(r.meta);
  });

  it('a wrong value after a full-width colon is reported at the value as written', () => {
    const text = '---\n诉求类型：投诉\n派单时间：明天上午\n---\n您好！\n';
    const r = linter.lintDocument(text, { only: [] });
    const bad = r.diagnostics.find((d) => d.messageId === 'invalidValue')!;
    expect(bad).toBeDefined();
    expect(text.slice(bad.range[0], bad.range[1])).toBe('明天上午');
  });

  it('front matter without full-width colons is untouched', () => {
    const text = '---\ntype: complaint\nrequest: 路灯坏了：请修\n---\n您好！\n';
    const r = linter.lintDocument(text, { only: [] });
    expect(r.diagnostics.filter((d) => d.ruleId === META_RULE_ID)).toEqual([]);
    expect(r.meta.request).toBe('路灯坏了：请修');
  });
});

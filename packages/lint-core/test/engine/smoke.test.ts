import { describe, expect, it } from 'vitest';
import { fix } from '@replylint/core';
import { lintFocused as lint } from '../support/focus.js';

describe('engine smoke', () => {
  it('reports a harsh phrase with exact source range, through markup and front matter', () => {
    const text = '---\ntype: complaint\n---\n\n该市民**无理取闹**，不予理会。\n';
    const d = lint(text);
    expect(d.map((x) => x.ruleId)).toEqual(['no-harsh-language']);
    expect(text.slice(d[0]!.range[0], d[0]!.range[1])).toBe('无理取闹');
  });
  it('reports a bad metadata value at its line and keeps going', () => {
    const text = '---\ntype: 吵架\nid: 1\n---\n该市民无理取闹。\n';
    const d = lint(text);
    expect(d.map((x) => `${x.ruleId}/${x.messageId}`)).toEqual(['front-matter/invalidValue', 'no-harsh-language/found']);
    expect(text.slice(d[0]!.range[0], d[0]!.range[1])).toBe('吵架');
  });
  it('honours disable-next-line and reports unused directives', () => {
    const text = '<!-- replylint-disable-next-line no-harsh-language -- 引用原话 -->\n该市民无理取闹。\n\n<!-- replylint-disable no-harsh-language -->\n正常文字。\n';
    const d = lint(text);
    expect(d.map((x) => `${x.ruleId}/${x.messageId}`)).toEqual(['unused-directive/unused']);
    expect(fix(text).output).not.toContain('replylint-disable no-harsh');
  });
});

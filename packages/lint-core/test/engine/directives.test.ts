import { describe, expect, it } from 'vitest';
import { lintFocused as lint } from '../support/focus.js';

const ids = (text: string) => lint(text).map((d) => `${d.ruleId}/${d.messageId}`);

describe('inline directives', () => {
  it('disable … enable suppresses a region for the named rule only', () => {
    const text = '<!-- replylint-disable no-harsh-language -- 引用诉求原话 -->\n\n无理取闹。\n\n<!-- replylint-enable no-harsh-language -->\n\n胡搅蛮缠。\n';
    const d = lint(text);
    expect(d.map((x) => x.data.phrase)).toEqual(['胡搅蛮缠']);
  });

  it('disable without ids suppresses every rule', () => {
    expect(ids('<!-- replylint-disable -->\n\n无理取闹。\n')).toEqual([]);
  });

  it('disable-next-line only affects the next line', () => {
    const text = '<!-- replylint-disable-next-line no-harsh-language -->\n无理取闹。\n\n胡搅蛮缠。\n';
    expect(lint(text).map((x) => x.data.phrase)).toEqual(['胡搅蛮缠']);
  });

  it('disable-line affects its own line', () => {
    const text = '无理取闹。<!-- replylint-disable-line no-harsh-language -->\n\n胡搅蛮缠。\n';
    expect(lint(text).map((x) => x.data.phrase)).toEqual(['胡搅蛮缠']);
  });

  it('accepts comma-separated ids and a reason after --', () => {
    const text = '<!-- replylint-disable-next-line no-harsh-language, front-matter -- 原话引用 -->\n无理取闹。\n';
    expect(ids(text)).toEqual(['unused-directive/unused']);
    expect(lint(text)[0]!.message).toContain('front-matter');
  });

  it('reports unknown rule ids in directives', () => {
    expect(ids('<!-- replylint-disable no-such-rule -->\n正文。\n')).toEqual(['unused-directive/unknownRule']);
  });

  it('reports a directive that suppressed nothing, with a fix that removes it', () => {
    const text = '正文。<!-- replylint-disable-line no-harsh-language -->\n';
    const d = lint(text);
    expect(d.map((x) => x.messageId)).toEqual(['unused']);
    expect(d[0]!.fix).toEqual({ range: [3, text.length - 1], text: '' });
  });

  it('does not treat ordinary comments as directives', () => {
    expect(ids('<!-- 备注：replylint-disable 不是指令开头 -->\n无理取闹。\n')).toEqual(['no-harsh-language/found']);
  });
});

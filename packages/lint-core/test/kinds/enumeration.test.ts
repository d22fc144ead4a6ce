import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';

const run = (text: string) =>
  lint(text, { rules: { 'one-time-notice': 'error' }, only: ['one-time-notice'] }).map((d) => `${d.messageId}:${text.slice(d.range[0], d.range[1])}`);

describe('enumeration kind (one-time-notice)', () => {
  it('fails a bare request for more materials', () => {
    expect(run('您的申请材料不全，请补充相关材料后再来办理。')).toEqual(['missing:材料不全']);
  });
  it('accepts inline numbering, circled numbers and colon lists', () => {
    expect(run('材料不全，需补充：1. 身份证复印件；2. 户口簿复印件。')).toEqual([]);
    expect(run('材料不全，需补充①身份证复印件②户口簿复印件。')).toEqual([]);
    expect(run('材料不全，需补充：身份证复印件、户口簿复印件。')).toEqual([]);
  });
  it('does not take a decimal or a year for a numbered list', () => {
    expect(run('材料不全，补充后1.5个工作日办结，2.0版系统已上线。')).toEqual(['missing:材料不全']);
  });
  it('accepts a Markdown list in the following blocks, but not one far away', () => {
    expect(run('材料不全，现一次性告知：\n\n- 身份证复印件\n- 户口簿复印件\n')).toEqual([]);
    const far = `材料不全，请补充相关材料。\n\n${'第二段。\n\n'.repeat(6)}- 身份证复印件\n- 户口簿复印件\n`;
    expect(run(far)).toEqual(['missing:材料不全']);
  });
  it('reports once per document', () => {
    expect(run('材料不全。\n\n请补充相关材料。')).toEqual(['missing:材料不全']);
  });
});

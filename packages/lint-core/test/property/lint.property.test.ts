// Properties over arbitrary input: lint never throws, ranges stay inside the text,
// fixes stay inside the text, and fix() is idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fix, lint } from '@replylint/core';

const NOW = new Date('2025-06-30T10:00:00+08:00');

// Fragments that exercise markup, front matter, directives and the rules' vocabulary.
const fragments = fc.constantFrom(
  '---\n', 'type: complaint\n', 'anonymous: true\n', 'type: [\n', 'x: *y\n', 'a: &y 1\n', 'dispatchedAt: 2024-09-23 09:30\n', 'request: 1. 噪音 2. 油烟\n',
  '承办人：王磊', '经办人XXX', '9月23日上午10时电话联系了您', '近日', '告知', '满意', '不满意', '表示理解',
  '根据相关规定', '《宿迁市物业管理条例》第三十条', '宿政办发[2021]032号', '（宿政办发〔2021〕32号）', '依据中华人民共和国劳动合同法第三十条',
  '已联系市民解释', '请自行与物业联系', '电话无法接通', '非本单位职能', '暂时无法解决', '高度重视', '无理取闹', '胡攪蠻纏',
  '此为最终答复', '最终回复', '不予受理', '材料不全', '13812345678', '110101199003070016', '6222021234567890128',
  '**', '*', '`', '_', '[', '](x)', '\n', '\r\n', '\n\n', '# ', '- ', '1. ', '> ', '| a | b |\n|---|---|\n', '```\n',
  '<!-- replylint-disable -->', '<!-- replylint-disable-next-line no-harsh-language -- 引用 -->', '<!-- replylint-enable -->', '<!--',
  '。', '，', '！', '？', '；', '“', '”', '𠮷', '\u0000', '\uFEFF', ' ', '　',
);
const docs = fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 40 }).map((xs) => xs.join(''));

describe('lint properties', () => {
  it('never throws and every range is inside the text', () => {
    fc.assert(
      fc.property(docs, (text) => {
        for (const d of lint(text, { now: NOW })) {
          expect(d.range[0]).toBeGreaterThanOrEqual(0);
          expect(d.range[0]).toBeLessThanOrEqual(d.range[1]);
          expect(d.range[1]).toBeLessThanOrEqual(text.length);
          if (d.fix) {
            expect(d.fix.range[0]).toBeGreaterThanOrEqual(0);
            expect(d.fix.range[1]).toBeLessThanOrEqual(text.length);
          }
          expect(typeof d.message).toBe('string');
          expect(d.message).not.toMatch(/\{\{\w+\}\}/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fix is idempotent', () => {
    fc.assert(
      fc.property(docs, (text) => {
        const once = fix(text, { now: NOW }).output;
        expect(fix(once, { now: NOW }).output).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

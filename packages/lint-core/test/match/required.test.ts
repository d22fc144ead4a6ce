// Slow sources left out on texts without their literals (match/required.ts): the analysis, and
// that a pattern set gives the same matches as the plain alternation on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHold, slowSourceRequirement } from '../../src/match/required.js';
import { compilePatterns } from '../../src/match/index.js';
import { joinedRuns } from '../../src/match/source.js';

describe('slowSourceRequirement', () => {
  it('finds the literals of a pattern that opens with a long broad run', () => {
    expect(slowSourceRequirement('[^。！？，,]{0,16}(?:高度重视|非常重视)')).toEqual([[['高度重视', '非常重视']]]);
    expect(slowSourceRequirement('[^。，]{0,60}(?:电话|短信)[^。，]{0,30}向(?:您|你)|(?:您|你)已知晓结果')).toEqual([
      [['电话', '短信'], ['向'], ['您', '你']],
      [['您', '你'], ['已知晓结果']],
    ]);
    expect(slowSourceRequirement('(?<=^|[。，])[\\u4e00-\\u9fa5]{1,14}(?:所|队)回复如下')).toEqual([[['所', '队'], ['回复如下']]]);
  });
  it('leaves alone what is quick to rule out or has no literal to need', () => {
    expect(slowSourceRequirement('高度重视')).toBeUndefined(); // opens with a literal
    expect(slowSourceRequirement('^[^。]{0,20}(?:您好|你好)$')).toBeUndefined(); // anchored
    expect(slowSourceRequirement('\\d+(?:个|人)')).toBeUndefined(); // digits only
    expect(slowSourceRequirement('[^。]{0,16}(?:重视)?')).toBeUndefined(); // its literal may be skipped
    expect(slowSourceRequirement('[^。]{0,16}重视|[^。]{3,}')).toBeUndefined(); // a branch needs nothing
    expect(slowSourceRequirement('[^。]{0,16}(?:重视|(?:关注))')).toBeUndefined(); // not plain literals
    expect(slowSourceRequirement('[^。]{0,16}(')).toBeUndefined(); // malformed
  });
  it('says whether a text holds what some branch needs', () => {
    const req = slowSourceRequirement('[^。，]{0,60}(?:电话|短信)[^。，]{0,30}向您|[^。]{9}已知晓')!;
    expect(mayHold(req, '通过电话向您反馈')).toBe(true);
    expect(mayHold(req, '通过电话反馈')).toBe(false);
    expect(mayHold(req, '您已知晓')).toBe(true);
    expect(mayHold(req, '联系电话：0527-84361234')).toBe(false);
  });
});

// a set with slow sources and quick ones; texts made of their words and of filler
const SOURCES = [
  '^[^。！？，,]{0,20}(?:您好|你好)[！!，,。：:]?$',
  '[^。！？，,]{0,16}(?:高度重视|非常重视)',
  '(?:来信|留言)[^。！？，,]{0,8}(?:收悉|收到)',
  '[^。！？，,]{0,60}(?:电话|短信|上门)[^。！？，,]{0,30}向(?:您|你)(?:反馈|告知)(?:了)?(?:办理|处理)(?:情况|结果)|(?:您|你)已知晓(?:办理|处理)结果',
  '(?:感谢|谢谢)[^。！？，,]{0,40}',
];
const pieces = fc.constantFrom('您好', '你好', '，', '。', '！', '我局', '领导', '高度重视', '非常重视', '重视', '来信', '收悉', '电话', '短信', '向', '您', '你', '反馈', '告知', '了', '办理', '处理', '情况', '结果', '已知晓', '感谢', '经查', '该路段', '已修复', 'a', '1', '　');
const texts = fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(''));

function reference(text: string): { spans: number[]; test: boolean } {
  const [source] = joinedRuns(SOURCES);
  const re = new RegExp(source!, 'g');
  const spans: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push(m.index, m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return { spans, test: spans.length > 0 };
}

describe('a pattern set with slow sources', () => {
  it('gives the matches of the plain alternation on any text', () => {
    const set = compilePatterns(SOURCES);
    fc.assert(
      fc.property(texts, (text) => {
        const ref = reference(text);
        expect(set.spans(text)).toEqual(ref.spans);
        expect(set.test(text)).toBe(ref.test);
      }),
      { numRuns: 3000 },
    );
  });
  it('still finds a slow source where its literals are', () => {
    const set = compilePatterns(SOURCES);
    expect(set.spans('经查，我局领导高度重视。')).toEqual([3, 11]);
    expect(set.spans('经查，我局领导重视。')).toEqual([]);
    expect(set.test('已于3月2日通过电话向您反馈办理情况')).toBe(true);
  });
});

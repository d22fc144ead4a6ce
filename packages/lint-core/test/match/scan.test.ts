import { describe, expect, it } from 'vitest';
import { execAll } from '../../src/match/scan.js';

const spans = (re: RegExp, text: string) => execAll(re, text).map((m) => [m.index, m[0]]);
const reference = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('execAll', () => {
  it('finds what matchAll finds, including empty matches and surrogate pairs', () => {
    const cases: [RegExp, string][] = [
      [/高度重视|积极协调/g, '我局高度重视，积极协调，高度重视。'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/\d+/g, '无数字'],
    ];
    for (const [re, text] of cases) expect(spans(re, text)).toEqual(reference(re, text));
  });

  it('leaves lastIndex at 0 and refuses a regex without the g flag', () => {
    const re = /重视/g;
    execAll(re, '高度重视');
    expect(re.lastIndex).toBe(0);
    expect(() => execAll(/重视/, '高度重视')).toThrow(TypeError);
  });
});

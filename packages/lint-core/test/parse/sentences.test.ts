import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../src/parse/sentences.js';

// The straightforward definition (string-per-character); the implementation works on char codes.
function reference(text: string, start = 0, end = text.length): [number, number][] {
  const TERM = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
  const CLOSE = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"]);
  const out: [number, number][] = [];
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  };
  let s = start;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (TERM.has(ch) || (ch === '…' && text[i + 1] === '…')) {
      let j = ch === '…' ? i + 2 : i + 1;
      while (j < end && TERM.has(text[j]!) && text[j] !== '\n') j++;
      while (j < end && CLOSE.has(text[j]!)) j++;
      push(s, j);
      s = i = j;
    } else i++;
  }
  push(s, end);
  return out;
}

describe('splitSentences', () => {
  it('splits at Chinese terminators and keeps closing quotes with the sentence', () => {
    const t = '他说：“已经修好了。”随后离开！问题解决了吗？\n是的……好';
    expect(splitSentences(t).map(([s, e]) => t.slice(s, e))).toEqual(['他说：“已经修好了。”', '随后离开！', '问题解决了吗？', '是的……', '好']);
  });

  it('agrees with the per-character definition on any text and range', () => {
    const chars = fc.constantFrom(...'。！？!?；;\n…”’」』）)》"\' \t\u3000\u00a0您好已处理ab1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length ? a % (text.length + 1) : 0;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        expect(splitSentences(text, start, end)).toEqual(reference(text, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});

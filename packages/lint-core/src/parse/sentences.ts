// Chinese sentence splitting over a view range. Terminators: 。！？!?；; and line breaks;
// closing quotes and brackets that follow a terminator stay with its sentence.
import type { Range } from '../types.js';

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"]);

export function splitSentences(text: string, start = 0, end = text.length): Range[] {
  const out: Range[] = [];
  let s = start;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (TERMINATORS.has(ch) || (ch === '…' && text[i + 1] === '…')) {
      let j = ch === '…' ? i + 2 : i + 1;
      while (j < end && (TERMINATORS.has(text[j]!) && text[j] !== '\n')) j++;
      while (j < end && CLOSERS.has(text[j]!)) j++;
      pushTrimmed(text, s, j, out);
      s = j;
      i = j;
    } else {
      i++;
    }
  }
  pushTrimmed(text, s, end, out);
  return out;
}

function pushTrimmed(text: string, s: number, e: number, out: Range[]): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push([s, e]);
}

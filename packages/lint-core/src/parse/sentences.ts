// Chinese sentence splitting over a view range. Terminators: 。！？!?；; and line breaks;
// closing quotes and brackets that follow a terminator stay with its sentence.
// Works on char codes: indexing a CJK string character by character would allocate a string each.
import type { Range } from '../types.js';
import { isSpaceCode } from '../util/chars.js';

const NL = 0x0a;
const ELLIPSIS = 0x2026; // …

function isTerminator(c: number): boolean {
  // 。！？!?；; and \n
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b || c === NL;
}

function isCloser(c: number): boolean {
  // ”’」』）)》"'
  return c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29 || c === 0x300b || c === 0x22 || c === 0x27;
}

export function splitSentences(text: string, start = 0, end = text.length): Range[] {
  const out: Range[] = [];
  forEachSentence(text, start, end, (s, e) => out.push([s, e]));
  return out;
}

/**
 * The sentences of text[start, end), one call each: no range arrays are made (a document of
 * millions of one-line sentences would hold them all at once in buildView).
 */
export function forEachSentence(text: string, start: number, end: number, emit: (s: number, e: number) => void): void {
  let s = start;
  let i = start;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff) {
      // a CJK ideograph (most of the text) is neither a terminator nor an ellipsis
      i++;
      continue;
    }
    if (isTerminator(ch) || (ch === ELLIPSIS && text.charCodeAt(i + 1) === ELLIPSIS)) {
      let j = ch === ELLIPSIS ? i + 2 : i + 1;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (!isTerminator(c) || c === NL) break;
        j++;
      }
      while (j < end && isCloser(text.charCodeAt(j))) j++;
      pushTrimmed(text, s, j, emit);
      s = j;
      i = j;
    } else {
      i++;
    }
  }
  pushTrimmed(text, s, end, emit);
}

function pushTrimmed(text: string, s: number, e: number, emit: (s: number, e: number) => void): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) emit(s, e);
}

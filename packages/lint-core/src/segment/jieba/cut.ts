// jieba-rs's `cut(text, hmm = true)` in plain JavaScript: the same words for every input (tested
// against @node-rs/jieba on both real corpora and on random strings, test/segment/js.test.ts).
// Text splits into runs of "Han" characters (CJK ideographs, ASCII letters and digits, +#&._%-) and
// single other characters (\r\n kept together). A run is segmented by the most probable route
// through the dictionary DAG (sum of ln(freq / total) per word, computed from the end; a position no
// word starts at moves one character at frequency 1); consecutive single characters that are not a
// dictionary word together go to the HMM.
import { findSlot, HASH_A0, HASH_B0, PREFIX_ONLY, stepA, stepB, wordSlot, type DictTable } from './dict-table.js';
import { hmmCut, type HmmModel } from './hmm.js';

function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x2a6df) ||
    (c >= 0x2a700 && c <= 0x2ebef) || // 2A700–2B73F, 2B740–2B81F, 2B820–2CEAF, 2CEB0–2EBEF
    (c >= 0x2f800 && c <= 0x2fa1f)
  );
}

function isHanDefault(c: number): boolean {
  if (c < 0x80) {
    return (
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x2b || // +
      c === 0x23 || // #
      c === 0x26 || // &
      c === 0x2e || // .
      c === 0x5f || // _
      c === 0x25 || // %
      c === 0x2d // -
    );
  }
  return isCjk(c);
}

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

// String.prototype.toWellFormed (Node 20; ES2024, above this project's lib setting)
const wellFormed = (s: string): string => (s as unknown as { toWellFormed(): string }).toWellFormed();

export interface Cutter {
  /** jieba-rs `cut(text, hmm)`; `hmm` false is what its keyword extractor uses. */
  cut(text: string, hmm?: boolean): string[];
}

export function createCutter(table: DictTable, model: HmmModel): Cutter {
  const { tag, logFreq } = table;
  const logTotal = Math.log(table.total);
  const log1 = 0 - logTotal;
  let routeP = new Float64Array(1024);
  let routeE = new Int32Array(1024);

  /** One character (one or two code units) from `i` to `j` of `s`. */
  const isOneChar = (s: string, i: number, j: number): boolean => j - i === 1 || (j - i === 2 && isHigh(s.charCodeAt(i)));

  const splitChars = (word: string, out: string[]): void => {
    for (const ch of word) out.push(ch);
  };

  const flush = (word: string, out: string[]): void => {
    if (isOneChar(word, 0, word.length)) out.push(word);
    else if (wordSlot(table, word) < 0) hmmCut(model, word, out);
    else splitChars(word, out);
  };

  const cutRun = (s: string, out: string[], hmm: boolean): void => {
    const n = s.length;
    if (routeP.length < n + 1) {
      routeP = new Float64Array(2 * n + 1);
      routeE = new Int32Array(2 * n + 1);
    }
    routeP[n] = 0;
    routeE[n] = n;
    let next = n; // start of the character after position i
    for (let i = n - 1; i >= 0; i--) {
      if (i > 0 && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1))) continue;
      let a = HASH_A0;
      let b = HASH_B0;
      let best = 0;
      let bestEnd = -1;
      for (let j = i; j < n; j++) {
        const c = s.charCodeAt(j);
        a = stepA(a, c);
        b = stepB(b, c);
        const slot = findSlot(table, a, b || 1);
        if (slot < 0) break;
        const t = tag[slot]!;
        if (t === PREFIX_ONLY) continue;
        const end = j + 1;
        if (end < n && isHigh(c) && isLow(s.charCodeAt(end))) continue; // not a character boundary
        const p = logFreq[slot]! - logTotal + routeP[end]!;
        // Rust's max_by over (prob, end): the larger probability, on a tie the longer word
        if (bestEnd < 0 || p > best || (p === best && end >= bestEnd)) {
          best = p;
          bestEnd = end;
        }
      }
      if (bestEnd < 0) {
        routeP[i] = log1 + routeP[next]!;
        routeE[i] = next;
      } else {
        routeP[i] = best;
        routeE[i] = bestEnd;
      }
      next = i;
    }
    let x = 0;
    let left = -1;
    if (!hmm) {
      // jieba-rs `cut_dag_no_hmm`: only runs of single ASCII letters and digits are joined
      while (x < n) {
        const y = routeE[x]!;
        const c = s.charCodeAt(x);
        if (y - x === 1 && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) {
          if (left < 0) left = x;
        } else {
          if (left >= 0) {
            out.push(s.slice(left, x));
            left = -1;
          }
          out.push(s.slice(x, y));
        }
        x = y;
      }
      if (left >= 0) out.push(s.slice(left));
      return;
    }
    while (x < n) {
      const y = routeE[x]!;
      if (isOneChar(s, x, y)) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) {
          flush(s.slice(left, x), out);
          left = -1;
        }
        out.push(s.slice(x, y));
      }
      x = y;
    }
    if (left >= 0) flush(s.slice(left), out);
  };

  return {
    cut(input: string, hmm = true): string[] {
      const text = wellFormed(input); // a lone surrogate is one U+FFFD, as across N-API and wasm-bindgen
      const out: string[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c0 = text.codePointAt(i)!;
        const w0 = c0 > 0xffff ? 2 : 1;
        if (isHanDefault(c0)) {
          let j = i + w0;
          while (j < n) {
            const c = text.codePointAt(j)!;
            if (!isHanDefault(c)) break;
            j += c > 0xffff ? 2 : 1;
          }
          cutRun(i === 0 && j === n ? text : text.slice(i, j), out, hmm);
          i = j;
        } else if (c0 === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
          out.push('\r\n');
          i += 2;
        } else {
          out.push(text.slice(i, i + w0));
          i += w0;
        }
      }
      return out;
    },
  };
}

// jieba's hidden Markov model for words its dictionary does not have (jieba-rs `hmm.rs`): each
// character of a run of dictionary-less single characters is labelled Begin/End/Middle/Single by
// Viterbi over the model's log probabilities. The model file is jieba-rs's `hmm.model` (MIT).

const MIN_FLOAT = -3.14e100;
const B = 0;
const E = 1;
const M = 2;
const S = 3;
/** The states that may precede each state, in jieba-rs's order (ties go to the later one). */
const PREV: readonly (readonly [number, number])[] = [
  [E, S],
  [B, M],
  [M, B],
  [S, E],
];
const STATES = [B, M, E, S] as const;

export interface HmmModel {
  readonly start: Float64Array;
  /** trans[from * 4 + to] */
  readonly trans: Float64Array;
  /** Emission log probability per state, by character code. */
  readonly emit: readonly Map<number, number>[];
}

/** Parses jieba-rs's `hmm.model` text (comment lines start with '#'). */
export function parseHmmModel(text: string): HmmModel {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length < 9) throw new SyntaxError(`HMM model: expected 9 data lines, found ${lines.length}`);
  const numbers = (line: string, n: number): number[] => {
    const v = line.split(/\s+/).map(Number);
    if (v.length !== n || v.some((x) => Number.isNaN(x))) throw new SyntaxError(`HMM model: bad line ${line.slice(0, 40)}`);
    return v;
  };
  const start = Float64Array.from(numbers(lines[0]!, 4));
  const trans = Float64Array.from(lines.slice(1, 5).flatMap((l) => numbers(l, 4)));
  const emit = lines.slice(5, 9).map((line) => {
    const m = new Map<number, number>();
    for (const pair of line.split(',')) {
      const ch = pair.codePointAt(0)!;
      const colon = ch > 0xffff ? 2 : 1;
      if (pair[colon] !== ':') throw new SyntaxError(`HMM model: bad emission ${pair.slice(0, 20)}`);
      m.set(ch, Number(pair.slice(colon + 1)));
    }
    return m;
  });
  return { start, trans, emit };
}

let v = new Float64Array(256);
let prev = new Int8Array(256);
let path = new Int8Array(64);

/** Viterbi labels for `block[0..n)` (BMP characters only: the model's range is U+4E00–U+9FD5). */
function viterbi(model: HmmModel, block: string): Int8Array {
  const C = block.length;
  if (v.length < 4 * C) {
    v = new Float64Array(8 * C);
    prev = new Int8Array(8 * C);
    path = new Int8Array(2 * C);
  }
  const { start, trans, emit } = model;
  const c0 = block.charCodeAt(0);
  for (const y of STATES) v[y] = start[y]! + (emit[y]!.get(c0) ?? MIN_FLOAT);
  for (let t = 1; t < C; t++) {
    const ch = block.charCodeAt(t);
    const base = (t - 1) * 4;
    for (const y of STATES) {
      const em = emit[y]!.get(ch) ?? MIN_FLOAT;
      const [p0, p1] = PREV[y]!;
      const a = v[base + p0]! + trans[p0 * 4 + y]! + em;
      const b = v[base + p1]! + trans[p1 * 4 + y]! + em;
      // Rust's max_by over (prob, state): the larger probability, on a tie the larger state
      // (then the later one)
      const takeB = b > a || (b === a && p1 >= p0);
      v[t * 4 + y] = takeB ? b : a;
      prev[t * 4 + y] = takeB ? p1 : p0;
    }
  }
  const last = (C - 1) * 4;
  let curr = v[last + E]! > v[last + S]! ? E : S;
  path[C - 1] = curr;
  for (let t = C - 1; t > 0; t--) {
    curr = prev[t * 4 + curr]!;
    path[t - 1] = curr;
  }
  return path;
}

const isHmmHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fd5;
const SKIP = /[a-zA-Z0-9]+(?:.\d+)?%?/gu;

/** jieba-rs `hmm::cut`: appends the words of `word` (a run the dictionary cannot segment) to `out`. */
export function hmmCut(model: HmmModel, word: string, out: string[]): void {
  const n = word.length;
  let i = 0;
  while (i < n) {
    const c0 = word.codePointAt(i)!;
    const han = isHmmHan(c0);
    let j = i + (c0 > 0xffff ? 2 : 1);
    while (j < n) {
      const c = word.codePointAt(j)!;
      if (isHmmHan(c) !== han) break;
      j += c > 0xffff ? 2 : 1;
    }
    const block = word.slice(i, j);
    if (!han) {
      let last = 0;
      SKIP.lastIndex = 0;
      for (let m = SKIP.exec(block); m; m = SKIP.exec(block)) {
        if (m.index > last) out.push(block.slice(last, m.index));
        out.push(m[0]);
        last = m.index + m[0].length;
      }
      if (last < block.length) out.push(block.slice(last));
    } else if (block.length === 1) {
      out.push(block);
    } else {
      const labels = viterbi(model, block);
      let begin = 0;
      let next = 0;
      for (let k = 0; k < block.length; k++) {
        const st = labels[k];
        if (st === B) begin = k;
        else if (st === E) {
          out.push(block.slice(begin, k + 1));
          next = k + 1;
        } else if (st === S) {
          out.push(block.slice(k, k + 1));
          next = k + 1;
        }
      }
      if (next < block.length) out.push(block.slice(next));
    }
    i = j;
  }
}

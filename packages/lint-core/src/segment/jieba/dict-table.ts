// jieba's prefix dictionary as flat typed arrays: every dictionary word and every prefix of one
// (in UTF-16 code units) has a slot keyed by two 32-bit hashes computed one code unit at a time, so
// a scan from a position extends a word by one character per probe and stops at the first string
// that begins no word (what jieba-rs's double-array trie gives by common-prefix search). ~500,000
// entries in 2^20 slots: ~17 MB, against ~55 MB for jieba-rs's trie in WebAssembly memory.

/** Slot tag meaning "a prefix of some word, not a word". */
export const PREFIX_ONLY = 255;

export const HASH_A0 = 0x811c9dc5 | 0;
export const HASH_B0 = 0x9747b28c | 0;

/** FNV-1a over UTF-16 code units. */
export function stepA(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** A second, independent multiplicative hash; a string absent from the table is taken for one it has only if both collide. */
export function stepB(h: number, c: number): number {
  const x = Math.imul(h ^ c, 0x5bd1e995);
  return x ^ (x >>> 15);
}

export interface DictTable {
  /**
   * The two hashes of slot s at keys[2s] and keys[2s + 1] (side by side: a probe touches one cache
   * line); a second hash of 0 marks an empty slot (a hash of 0 is stored as 1).
   */
  readonly keys: Int32Array;
  /** ln(frequency) of the word in the slot. */
  readonly logFreq: Float64Array;
  /** Index into `tagNames`, or PREFIX_ONLY. */
  readonly tag: Uint8Array;
  readonly tagNames: readonly string[];
  readonly mask: number;
  /** Sum of all words' frequencies (jieba's `total`). */
  readonly total: number;
  /** Words and prefixes stored. */
  readonly size: number;
}

/** The slot of the string with hashes (a, b), or -1. `b` must already be non-zero. */
export function findSlot(t: DictTable, a: number, b: number): number {
  const { keys, mask } = t;
  let s = (a ^ (a >>> 16)) & mask;
  for (;;) {
    const kb = keys[2 * s + 1]!;
    if (kb === 0) return -1;
    if (kb === b && keys[2 * s] === a) return s;
    s = (s + 1) & mask;
  }
}

/** The slot of `word` when it is a dictionary word, else -1. */
export function wordSlot(t: DictTable, word: string): number {
  let a = HASH_A0;
  let b = HASH_B0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    a = stepA(a, c);
    b = stepB(b, c);
  }
  const s = findSlot(t, a, b || 1);
  return s >= 0 && t.tag[s] !== PREFIX_ONLY ? s : -1;
}

export interface ExtraWord {
  word: string;
  freq: number;
  tag: string;
}

/**
 * Builds the table from jieba dictionary text (`word [freq [tag]]` lines, whitespace-separated) and
 * then `extra` words, with jieba-rs's semantics for a word seen again (`load_dict`, `add_word`): its
 * frequency is replaced and its first tag kept.
 */
export function buildDictTable(text: string, extra: readonly ExtraWord[] = []): DictTable {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  // prefixes add about half as many entries again as there are words; at most ~60% full
  let capacity = 1 << 10;
  while (capacity < (lines + extra.length) * 2.2) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Int32Array(2 * capacity);
  const freq = new Float64Array(capacity); // the raw frequency while building, then its log
  const tag = new Uint8Array(capacity).fill(PREFIX_ONLY);
  const tagNames: string[] = [];
  const tagIndex = new Map<string, number>();
  let total = 0;
  let size = 0;

  const put = (src: string, from: number, to: number, f: number, tagName: string): void => {
    let a = HASH_A0;
    let b = HASH_B0;
    let s = -1;
    for (let i = from; i < to; i++) {
      const c = src.charCodeAt(i);
      a = stepA(a, c);
      b = stepB(b, c);
      const bb = b || 1;
      s = (a ^ (a >>> 16)) & mask;
      for (;;) {
        const kb = keys[2 * s + 1]!;
        if (kb === 0) {
          if (size >= capacity - 1) throw new RangeError('segmenter dictionary table is full');
          keys[2 * s] = a;
          keys[2 * s + 1] = bb;
          size++;
          break;
        }
        if (kb === bb && keys[2 * s] === a) break;
        s = (s + 1) & mask;
      }
    }
    if (s < 0) return;
    if (tag[s] === PREFIX_ONLY) {
      let ti = tagIndex.get(tagName);
      if (ti === undefined) {
        ti = tagNames.length;
        if (ti >= PREFIX_ONLY) throw new RangeError('too many part-of-speech tags in the dictionary');
        tagNames.push(tagName);
        tagIndex.set(tagName, ti);
      }
      tag[s] = ti;
    } else total -= freq[s]!;
    freq[s] = f;
    total += f;
  };

  const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    // fields: word, freq (digits; 0 when missing), tag (rest of the line's next field)
    let i = pos;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const wStart = i;
    while (i < end && !isSpace(text.charCodeAt(i))) i++;
    const wEnd = i;
    if (wEnd > wStart) {
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      let f = 0;
      while (i < end && !isSpace(text.charCodeAt(i))) {
        const d = text.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) throw new SyntaxError(`dictionary line ${text.slice(pos, end)}: frequency is not an integer`);
        f = f * 10 + d;
        i++;
      }
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      const tStart = i;
      while (i < end && !isSpace(text.charCodeAt(i))) i++;
      put(text, wStart, wEnd, f, text.slice(tStart, i));
    }
    pos = end + 1;
  }
  for (const w of extra) if (w.word) put(w.word, 0, w.word.length, w.freq, w.tag);
  for (let s = 0; s < capacity; s++) if (tag[s] !== PREFIX_ONLY) freq[s] = Math.log(freq[s]!);
  return { keys, logFreq: freq, tag, tagNames, mask, total, size };
}

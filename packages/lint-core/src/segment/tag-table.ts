// Part-of-speech tags without the native `tag()`: @node-rs/jieba's `tag()` returns one JS object
// per word across N-API, which costs over twice its `cut()`. jieba-rs tags a word by looking it up in its
// dictionary (and by its characters when it is not there), so `cut()` plus the same lookup on this
// side gives the same words and tags. The dictionary (~350,000 words) is kept as an open-addressing
// table of two 32-bit hashes per word and a tag index (~5 MB), not as a Map of strings (~40 MB).

export interface TagTable {
  /** The dictionary tag of `word`, undefined when the dictionary does not have it. */
  get(word: string): string | undefined;
  readonly size: number;
}

// two independent string hashes over UTF-16 code units: a word absent from the dictionary is taken
// for one it has only if both collide (about one lookup in 10^13 at this table's fill)
function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function murmurish(s: string, from: number, to: number): number {
  let h = 0x9747b28c ^ (to - from);
  for (let i = from; i < to; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) || 1; // 0 marks an empty slot
}

/** Builds the table from jieba dictionary text (`word freq tag` lines; a later line of a word wins, as in jieba-rs). */
export function buildTagTable(dictText: string): TagTable {
  let lines = 0;
  for (let i = dictText.indexOf('\n'); i >= 0; i = dictText.indexOf('\n', i + 1)) lines++;
  let capacity = 1;
  while (capacity < (lines + 1) * 1.25) capacity <<= 1; // at most 80% full
  const mask = capacity - 1;
  const keyA = new Uint32Array(capacity);
  const keyB = new Uint32Array(capacity); // 0: empty
  const tagOf = new Uint8Array(capacity);
  const tagNames: string[] = [];
  const tagIndex = new Map<string, number>();
  let size = 0;

  let start = 0;
  while (start < dictText.length) {
    let end = dictText.indexOf('\n', start);
    if (end < 0) end = dictText.length;
    const space = dictText.indexOf(' ', start);
    if (space > start && space < end) {
      const second = dictText.lastIndexOf(' ', end - 1);
      const tag = second > space ? dictText.slice(second + 1, end).trim() : '';
      if (tag) {
        let t = tagIndex.get(tag);
        if (t === undefined) {
          t = tagNames.length;
          if (t > 255) throw new RangeError('more than 256 part-of-speech tags in the dictionary');
          tagNames.push(tag);
          tagIndex.set(tag, t);
        }
        const a = fnv1a(dictText, start, space);
        const b = murmurish(dictText, start, space);
        let slot = a & mask;
        while (keyB[slot] !== 0 && (keyA[slot] !== a || keyB[slot] !== b)) slot = (slot + 1) & mask;
        if (keyB[slot] === 0) size++;
        keyA[slot] = a;
        keyB[slot] = b;
        tagOf[slot] = t;
      }
    }
    start = end + 1;
  }

  return {
    size,
    get(word) {
      const a = fnv1a(word, 0, word.length);
      const b = murmurish(word, 0, word.length);
      for (let slot = a & mask; keyB[slot] !== 0; slot = (slot + 1) & mask) {
        if (keyA[slot] === a && keyB[slot] === b) return tagNames[tagOf[slot]!];
      }
      return undefined;
    },
  };
}

/**
 * jieba-rs's tag for a word its dictionary does not have: `m` when its ASCII letters and digits
 * are all digits, `eng` when it has ASCII letters, `x` when it has neither.
 */
export function tagByCharacters(word: string): string {
  let alnum = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      alnum++;
      digits++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) alnum++;
  }
  return alnum === 0 ? 'x' : alnum === digits ? 'm' : 'eng';
}

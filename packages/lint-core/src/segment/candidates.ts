// The words of a text that a caller wants, with their tags: the cheap tests on the word first, the
// tag lookup only for the words that pass them, and no object per word that does not (most words
// of a sentence are particles, verbs or punctuation a keyword search drops).
import type { Segmenter } from './types.js';

/** Words of `text` (in order) for which `wanted(word)` holds, with their tags. */
export function taggedWhere(seg: Segmenter, text: string, wanted: (word: string) => boolean): { word: string; tag: string }[] {
  const out: { word: string; tag: string }[] = [];
  if (seg.tagWord) {
    for (const word of seg.cut(text)) if (wanted(word)) out.push({ word, tag: seg.tagWord(word) });
  } else {
    for (const t of seg.tag(text)) if (wanted(t.word)) out.push(t);
  }
  return out;
}

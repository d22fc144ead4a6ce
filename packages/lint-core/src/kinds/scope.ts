// Scopes (sentence / block / document) over a document view, shared by kinds.
import type { DocumentView, Sentence } from '../parse/views.js';
import type { Scope } from './options.js';
import { execAll } from '../match/scan.js';
import type { Prefilter } from '../match/first-chars.js';

/** View range [start, end) of the scope around a sentence. */
export function scopeRange(doc: DocumentView, sentence: Sentence, scope: Scope): [number, number] {
  if (scope === 'sentence') return [sentence.start, sentence.end];
  if (scope === 'block') {
    const b = doc.blocks[sentence.block]!;
    return [b.start, b.end];
  }
  return [0, doc.simp.length];
}

/** Whether any pattern matches inside doc.simp[start, end). */
export function anyMatch(res: readonly RegExp[], text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  return anyTest(res, text.slice(start, end));
}

/** Whether any pattern matches `text` (global or not: each is tested from the start). */
export function anyTest(res: readonly RegExp[], text: string): boolean {
  return res.some((re) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

/**
 * Which sentences can hold a match, from one scan of the whole text with a widened pattern
 * (compileAnyOf with the g flag: it matches wherever the real patterns match on any slice).
 * Returns undefined when nothing matches anywhere (the rule has no per-sentence work), else a
 * test to call for the sentences in text order: false means no real pattern can match in it.
 * Without a widened pattern every sentence is a candidate. `prefilter`: the widened pattern's
 * (match/first-chars.ts), when it has one.
 */
export function sentenceGate(any: RegExp | undefined, text: string, prefilter?: Prefilter): ((s: Sentence) => boolean) | undefined {
  if (!any) return () => true;
  const hits: number[] = []; // start, end pairs in text order
  for (const m of execAll(any, text, prefilter)) hits.push(m.index, m.index + m[0].length);
  if (!hits.length) return undefined;
  let h = 0;
  let last = -1;
  return (s) => {
    if (s.start < last) h = 0; // not in text order: start over
    last = s.start;
    // drop hits that end before this sentence (an empty hit at s.start stays)
    while (h < hits.length && hits[h + 1]! <= s.start && hits[h]! < s.start) h += 2;
    return h < hits.length && hits[h]! < s.end;
  };
}

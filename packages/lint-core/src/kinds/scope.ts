// Scopes (sentence / block / document) over a document view, shared by kinds.
import type { DocumentView, Sentence } from '../parse/views.js';
import type { Scope } from './options.js';

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
  const slice = text.slice(start, end);
  return res.some((re) => {
    re.lastIndex = 0;
    return re.test(slice);
  });
}

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

// The document's citations as several kinds read them (conditional's skipInTitles, count's
// ignoreInTitles, citation-format, citation-registry): worked out once per document.
import { findCitedDocuments, findTitles, type CitedDocument, type TitleMatch } from '../detect/citation.js';
import type { DocumentView } from '../parse/views.js';
import { perDocument } from '../util/memo.js';

/** The document's 《…》 titles, in text order (findTitles on the Simplified view). */
export function documentTitles(doc: DocumentView): TitleMatch[] {
  return perDocument(doc, 'citations:titles', () => findTitles(doc.simp));
}

/** The document numbers it cites with the title each is attached to, and its titles (findCitedDocuments). */
export function citedDocuments(doc: DocumentView): { documents: CitedDocument[]; titles: TitleMatch[] } {
  return perDocument(doc, 'citations:documents', () => findCitedDocuments(doc.simp, documentTitles(doc)));
}

/** Names of the segmenter backends (config key `segmenter`). */
export type SegmenterName = 'node-rs' | 'nodejieba' | 'wasm' | 'js';

/**
 * Chinese word segmentation (jieba) with the domain user dictionary loaded.
 * Input should be the Simplified view of the text. For well-formed strings the words of `cut` and
 * `tag` concatenate back to the input exactly (whitespace and punctuation are words too); a lone
 * surrogate comes back as one U+FFFD, so the total length is always preserved.
 */
export interface Segmenter {
  name: SegmenterName;
  /** Words in order (HMM enabled for unknown words). */
  cut(text: string): string[];
  /** Words with jieba part-of-speech tags (n, v, nr person, ns place, nt organisation, m, x …). */
  tag(text: string): { word: string; tag: string }[];
  /**
   * The tag `tag()` gives `word` (jieba tags a word by its dictionary entry, whatever surrounds
   * it), for backends that can look one up alone: a caller that only wants some words' tags cuts
   * the text and asks for those (see segment/candidates.ts).
   */
  tagWord?(word: string): string;
  /** Top `topN` TF-IDF keywords, highest weight first; weights are only comparable within one backend. */
  keywords(text: string, topN: number): { keyword: string; weight: number }[];
}

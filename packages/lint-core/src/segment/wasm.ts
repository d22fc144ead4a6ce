// Portable backend: jieba-wasm (jieba-rs compiled to WebAssembly with wasm-bindgen). No native
// binary, no WASI, no threads: one .wasm file (with jieba's default dictionary built in) that runs on
// every platform and in VS Code's extension host. Same jieba-rs segmentation and tags as node-rs
// (bench/README.md, "Portable segmentation"); about a third of its throughput.
// The library keeps one global instance per process; words added to it stay added.
import { createRequire } from 'node:module';
import { userTags, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import { tfIdfKeywords } from './tfidf.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

/** The part of jieba-wasm's API used here. */
interface JiebaWasmModule {
  cut(text: string, hmm?: boolean | null): string[];
  tag(sentence: string, hmm?: boolean | null): { word: string; tag: string }[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

let loader: (() => unknown) | undefined;

/**
 * How to load jieba-wasm when a bundle carries it (the VS Code extension's server bundles its JS and
 * ships the .wasm beside the bundle): `setJiebaWasmLoader(() => require('jieba-wasm'))` in the
 * bundle's entry. Called lazily, on the first need for segmentation, like the default require.
 */
export function setJiebaWasmLoader(load: () => unknown): void {
  loader = load;
}

let loaded: JiebaWasmModule | undefined;
let failure: { cause: unknown } | undefined;

/**
 * Loads jieba-wasm (compiles its ~4 MB module synchronously). A failure is remembered: a bundler's
 * module wrapper hands out the half-initialised exports on a second require after the first threw.
 */
function loadModule(): JiebaWasmModule {
  if (loaded) return loaded;
  if (failure) throw new SegmenterUnavailableError('wasm', failure);
  try {
    const mod = (loader ? loader() : require('jieba-wasm')) as JiebaWasmModule;
    mod.cut('', false); // the module is usable (its .wasm was found and instantiated)
    return (loaded = mod);
  } catch (cause) {
    failure = { cause };
    throw new SegmenterUnavailableError('wasm', failure);
  }
}

/** Whether jieba-wasm resolves here (its module is not compiled). */
export function wasmAvailable(): boolean {
  if (loader) return true;
  try {
    require.resolve('jieba-wasm');
    return true;
  } catch {
    return false;
  }
}

export function createWasmSegmenter(words: readonly SegmentWord[]): Segmenter {
  const lib = loadModule();
  // like node-rs's loadDict: new words are added, known words get our frequency (and keep their tag)
  for (const w of words) lib.add_word(w.word, w.freq, w.tag);
  const tags = userTags(words);
  return {
    name: 'wasm',
    cut: (text) => lib.cut(text, true),
    tag: (text) => lib.tag(text, true).map((t) => ({ word: t.word, tag: tags.get(t.word) ?? t.tag })),
    // @node-rs/jieba's idf.txt (the table jieba-rs embeds)
    keywords: tfIdfKeywords(
      (text) => lib.cut(text, false),
      () => require.resolve('@node-rs/jieba/idf.txt'),
      (cause) => new SegmenterUnavailableError('wasm', { cause }),
    ),
  };
}

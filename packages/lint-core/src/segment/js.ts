// Pure-JavaScript backend: jieba-rs's segmentation re-implemented over flat typed arrays
// (segment/jieba/), with jieba's default dictionary (the dict.txt @node-rs/jieba ships) and
// jieba-rs's HMM model (data/jieba/hmm.model). No native binary and no WebAssembly: it runs wherever
// Node runs, gives the same words and tags as node-rs (test/segment/js.test.ts), cuts as fast as the
// native backend, and holds its dictionary in ~17 MB instead of ~40 MiB (native) or ~55 MiB of
// WebAssembly memory (bench/README.md, "分词后端对比"). The VS Code extension's server uses it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userTags, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import { createCutter } from './jieba/cut.js';
import { buildDictTable, wordSlot, type DictTable } from './jieba/dict-table.js';
import { parseHmmModel, type HmmModel } from './jieba/hmm.js';
import { tagByCharacters } from './tag-table.js';
import { tfIdfKeywords } from './tfidf.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

/** Where the backend's data files are. */
export interface JiebaDataFiles {
  /** jieba's dictionary (`word freq tag` lines). */
  dict: string;
  /** jieba-rs's `hmm.model`. */
  hmm: string;
  /** jieba's IDF table, read only for keywords(). */
  idf: string;
}

let configured: JiebaDataFiles | undefined;

/**
 * Data files for the js backend when a bundle ships them itself (the VS Code extension copies them
 * beside its server): `setJiebaDataFiles({ dict, hmm, idf })`. Without it, the dictionary and IDF
 * table come from the @node-rs/jieba package and the model from this package's data/ folder.
 */
export function setJiebaDataFiles(files: JiebaDataFiles | undefined): void {
  configured = files;
}

/** data/jieba/hmm.model from src/ or dist/, or from the CLI's or language server's bundle. */
function modelFile(): string {
  const candidates = [
    new URL('../../data/jieba/hmm.model', import.meta.url), // packages/lint-core/{src,dist}/segment/
    new URL('../../../lint-core/data/jieba/hmm.model', import.meta.url), // packages/{cli,language-server}/dist/bundle/
  ].map((u) => fileURLToPath(u));
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

function dataFiles(): JiebaDataFiles {
  if (configured) return configured;
  const dict = require.resolve('@node-rs/jieba/dict.txt');
  return { dict, hmm: modelFile(), idf: join(dirname(dict), 'idf.txt') };
}

/** Whether the backend's data files are there (nothing is read). */
export function jsAvailable(): boolean {
  try {
    const files = dataFiles();
    return existsSync(files.dict) && existsSync(files.hmm);
  } catch {
    return false;
  }
}

export function createJsSegmenter(words: readonly SegmentWord[]): Segmenter {
  let files: JiebaDataFiles;
  let dictText: string;
  let modelText: string;
  try {
    files = dataFiles();
    dictText = readFileSync(files.dict, 'utf8');
    modelText = readFileSync(files.hmm, 'utf8');
  } catch (cause) {
    throw new SegmenterUnavailableError('js', { cause });
  }
  let table: DictTable;
  let model: HmmModel;
  try {
    // like node-rs's loadDict: new words are added, known words get our frequency (and keep their tag)
    table = buildDictTable(dictText, words);
    model = parseHmmModel(modelText);
  } catch (cause) {
    throw new SegmenterUnavailableError('js', { cause });
  }
  const cutter = createCutter(table, model);
  const tags = userTags(words); // …and our tags are applied to the results, as the other backends do
  const { tag, tagNames } = table;
  const tagOf = (word: string): string => {
    const user = tags.get(word);
    if (user !== undefined) return user;
    const slot = wordSlot(table, word);
    return slot >= 0 ? tagNames[tag[slot]!]! : tagByCharacters(word);
  };
  return {
    name: 'js',
    cut: (text) => cutter.cut(text),
    tag: (text) => cutter.cut(text).map((word) => ({ word, tag: tagOf(word) })),
    tagWord: tagOf,
    keywords: tfIdfKeywords(
      (text) => cutter.cut(text, false),
      () => files.idf,
      (cause) => new SegmenterUnavailableError('js', { cause }),
    ),
  };
}

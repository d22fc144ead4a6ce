// Default backend: @node-rs/jieba v2 (jieba-rs, prebuilt N-API binaries, no compiler needed).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as NodeRsJieba from '@node-rs/jieba';
import { toNodeRsDict, userTags, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import { buildTagTable, tagByCharacters } from './tag-table.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

type JiebaModule = typeof NodeRsJieba;

function loadLibrary(): JiebaModule {
  try {
    return require('@node-rs/jieba') as JiebaModule;
  } catch (cause) {
    throw new SegmenterUnavailableError('node-rs', { cause });
  }
}

function loadModules(): { jieba: JiebaModule; idfFile: string; dict: Buffer } {
  const jieba = loadLibrary();
  try {
    // the bundled dict.txt (5 MB) and idf.txt (3 MB) are read from their files, not through
    // `@node-rs/jieba/dict` (which keeps both in memory for good): the dictionary's bytes are let go
    // once the segmenter and the tag table are built, the IDF table is read only when keywords are
    // asked for (no rule does)
    const dictFile = require.resolve('@node-rs/jieba/dict.txt');
    const idfFile = join(dirname(dictFile), 'idf.txt');
    return { jieba, idfFile, dict: readFileSync(dictFile) };
  } catch (cause) {
    throw new SegmenterUnavailableError('node-rs', { cause });
  }
}

/** Whether @node-rs/jieba and its native binary load (no dictionary is read). */
export function nodeRsAvailable(): boolean {
  try {
    loadLibrary();
    return true;
  } catch {
    return false;
  }
}

export function createNodeRsSegmenter(words: readonly SegmentWord[]): Segmenter {
  const { jieba: lib, idfFile, dict } = loadModules();
  const jieba = lib.Jieba.withDict(dict);
  jieba.loadDict(toNodeRsDict(words)); // merges: new words are added, known words get our frequency
  const tags = userTags(words); // …but keep their built-in tag, so ours are applied to the results
  let tfIdf: NodeRsJieba.TfIdf | undefined; // the IDF table is only built when keywords are asked for
  // jieba-rs tags a word by its dictionary entry (or its characters): the same lookup here on `cut()`
  // words gives the same tags at about half the cost of the native `tag()` on a 120-character
  // sentence (see tag-table.ts). Built now, from the bytes at hand: a check reads no file once its
  // segmenter is loaded
  const table = buildTagTable(dict.toString('utf8'));
  const tagOf = (word: string): string => tags.get(word) ?? table.get(word) ?? tagByCharacters(word);
  return {
    name: 'node-rs',
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.cut(text, true).map((word) => ({ word, tag: tagOf(word) })),
    tagWord: tagOf,
    keywords(text, topN) {
      const n = Math.floor(topN);
      if (!(n > 0) || text === '') return [];
      tfIdf ??= lib.TfIdf.withDict(readFileSync(idfFile));
      return tfIdf.extractKeywords(jieba, text, n).map((k) => ({ keyword: k.keyword, weight: k.weight }));
    },
  };
}

// Default backend: @node-rs/jieba v2 (jieba-rs, prebuilt N-API binaries, no compiler needed).
import { createRequire } from 'node:module';
import type * as NodeRsJieba from '@node-rs/jieba';
import { toNodeRsDict, userTags, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import { buildTagTable, tagByCharacters, type TagTable } from './tag-table.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

type JiebaModule = typeof NodeRsJieba;
type DictModule = { dict: Uint8Array; idf: Uint8Array };

function loadLibrary(): JiebaModule {
  try {
    return require('@node-rs/jieba') as JiebaModule;
  } catch (cause) {
    throw new SegmenterUnavailableError('node-rs', { cause });
  }
}

function loadModules(): { jieba: JiebaModule; data: DictModule } {
  const jieba = loadLibrary();
  try {
    // reads the bundled dict.txt and idf.txt (~8 MB)
    return { jieba, data: require('@node-rs/jieba/dict') as DictModule };
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
  const { jieba: lib, data } = loadModules();
  const jieba = lib.Jieba.withDict(data.dict);
  jieba.loadDict(toNodeRsDict(words)); // merges: new words are added, known words get our frequency
  const tags = userTags(words); // …but keep their built-in tag, so ours are applied to the results
  let tfIdf: NodeRsJieba.TfIdf | undefined; // the IDF table is only built when keywords are asked for
  // jieba-rs tags a word by its dictionary entry (or its characters): the same lookup here on `cut()`
  // words gives the same tags at 40% of the cost of the native `tag()` (see tag-table.ts)
  let table: TagTable | undefined;
  const tagOf = (word: string): string => tags.get(word) ?? (table ??= buildTagTable(Buffer.from(data.dict.buffer, data.dict.byteOffset, data.dict.byteLength).toString('utf8'))).get(word) ?? tagByCharacters(word);
  return {
    name: 'node-rs',
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.cut(text, true).map((word) => ({ word, tag: tagOf(word) })),
    keywords(text, topN) {
      const n = Math.floor(topN);
      if (!(n > 0) || text === '') return [];
      tfIdf ??= lib.TfIdf.withDict(data.idf);
      return tfIdf.extractKeywords(jieba, text, n).map((k) => ({ keyword: k.keyword, weight: k.weight }));
    },
  };
}

// Default backend: @node-rs/jieba v2 (jieba-rs, prebuilt N-API binaries, no compiler needed).
import { createRequire } from 'node:module';
import type * as NodeRsJieba from '@node-rs/jieba';
import { toNodeRsDict, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

type JiebaModule = typeof NodeRsJieba;
type DictModule = { dict: Uint8Array; idf: Uint8Array };

function loadModules(): { jieba: JiebaModule; data: DictModule } {
  try {
    return { jieba: require('@node-rs/jieba') as JiebaModule, data: require('@node-rs/jieba/dict') as DictModule };
  } catch (cause) {
    throw new SegmenterUnavailableError('node-rs', { cause });
  }
}

/** Whether @node-rs/jieba and its native binary load (no dictionary is built). */
export function nodeRsAvailable(): boolean {
  try {
    loadModules();
    return true;
  } catch {
    return false;
  }
}

export function createNodeRsSegmenter(words: readonly SegmentWord[]): Segmenter {
  const { jieba: lib, data } = loadModules();
  const jieba = lib.Jieba.withDict(data.dict);
  jieba.loadDict(toNodeRsDict(words)); // merges: user entries override the built-in ones
  let tfIdf: NodeRsJieba.TfIdf | undefined; // the IDF table is only built when keywords are asked for
  return {
    name: 'node-rs',
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.tag(text, true).map((t) => ({ word: t.word, tag: t.tag })),
    keywords(text, topN) {
      const n = Math.floor(topN);
      if (!(n > 0) || text === '') return [];
      tfIdf ??= lib.TfIdf.withDict(data.idf);
      return tfIdf.extractKeywords(jieba, text, n).map((k) => ({ keyword: k.keyword, weight: k.weight }));
    },
  };
}

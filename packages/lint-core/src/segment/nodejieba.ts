// Optional backend: nodejieba v3 (cppjieba, compiled on install with node-gyp).
// The library keeps one global instance per process; `load` replaces it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { userTags, writeNodejiebaUserDict, type SegmentWord } from './dict.js';
import { SegmenterUnavailableError } from './errors.js';
import type { Segmenter } from './types.js';

const require = createRequire(import.meta.url);

/** The part of nodejieba's API used here (declared locally: the package may not be installed). */
interface NodejiebaModule {
  load(options?: { userDict?: string }): unknown;
  cut(sentence: string, hmm?: boolean): string[];
  tag(sentence: string): { word: string; tag: string }[];
  extract(sentence: string, topN: number): { word: string; weight: number }[];
}

/**
 * Requires nodejieba and its native binding. nodejieba's index.js loads the binding only on first
 * use, so the binding file (package.json `binary.module_path`/`module_name`) is probed here to
 * fail early, with our message, instead of in the middle of linting.
 */
function loadModule(): NodejiebaModule {
  try {
    const pkgFile = require.resolve('nodejieba/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { binary?: { module_path?: string; module_name?: string } };
    const binding = join(dirname(pkgFile), pkg.binary?.module_path ?? 'build/Release', `${pkg.binary?.module_name ?? 'nodejieba'}.node`);
    require(binding);
    return require('nodejieba') as NodejiebaModule;
  } catch (cause) {
    throw new SegmenterUnavailableError('nodejieba', { cause });
  }
}

/** Whether nodejieba is installed and its native binding was built (no dictionary is loaded). */
export function nodejiebaAvailable(): boolean {
  try {
    loadModule();
    return true;
  } catch {
    return false;
  }
}

export function createNodejiebaSegmenter(words: readonly SegmentWord[]): Segmenter {
  const lib = loadModule();
  const userDict = writeNodejiebaUserDict(words);
  try {
    lib.load({ userDict: userDict.file }); // reads all dictionaries synchronously
  } finally {
    userDict.dispose();
  }
  const tags = userTags(words); // cppjieba already uses them; applied for symmetry with node-rs
  return {
    name: 'nodejieba',
    // the binding's default is hmm=false (unlike cppjieba's), which also splits ASCII words into letters
    cut: (text) => lib.cut(text, true),
    tag: (text) => lib.tag(text).map((t) => ({ word: t.word, tag: tags.get(t.word) ?? t.tag })),
    keywords(text, topN) {
      const n = Math.floor(topN);
      if (!(n > 0) || text === '') return [];
      return lib.extract(text, n).map((k) => ({ keyword: k.word, weight: k.weight }));
    },
  };
}

// The domain user dictionary shared by both segmenter backends: rules/lists/segment-dict.yaml.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { rulesDir } from '../util/paths.js';
import { readYamlSource, validateSource } from '../util/yaml-source.js';

/** Frequency for words without `freq` (jieba's total is ~6e7; common words are 1e3–1e5). */
export const DEFAULT_WORD_FREQ = 1000;
/** Part-of-speech tag for words without `tag`. */
export const DEFAULT_WORD_TAG = 'n';

const wordSchema = z.strictObject({
  // both backends split dictionary lines on spaces
  word: z.string().regex(/^\S+$/u, '应为不含空白的词语'),
  freq: z.number().int().min(1).optional(),
  tag: z.string().regex(/^[a-z]{1,4}$/, '应为小写字母的词性标记，如 n、v、nt、nz、l').optional(),
});

export const segmentDictSchema = z
  .strictObject({
    description: z.string().optional(),
    words: z.array(wordSchema).min(1),
  })
  .superRefine((dict, ctx) => {
    const seen = new Set<string>();
    dict.words.forEach((w, i) => {
      if (seen.has(w.word)) ctx.addIssue({ code: 'custom', path: ['words', i, 'word'], message: `词语「${w.word}」重复` });
      seen.add(w.word);
    });
  });

export interface SegmentWord {
  word: string;
  freq: number;
  tag: string;
}

/** rules/lists/segment-dict.yaml (REPLYLINT_RULES_DIR is honoured like for the rest of rules/). */
export function segmentDictPath(): string {
  return join(rulesDir(), 'lists', 'segment-dict.yaml');
}

const cache = new Map<string, SegmentWord[]>();

/** Reads and validates the dictionary (cached per file); throws ConfigError with file:line on problems. */
export function loadSegmentDict(file = segmentDictPath()): SegmentWord[] {
  let words = cache.get(file);
  if (!words) {
    const { source, data } = readYamlSource(file);
    const dict = validateSource(segmentDictSchema, data, source);
    words = dict.words.map((w) => ({ word: w.word, freq: w.freq ?? DEFAULT_WORD_FREQ, tag: w.tag ?? DEFAULT_WORD_TAG }));
    cache.set(file, words);
  }
  return words;
}

/**
 * jieba dictionary lines `word freq tag`. This is the format of jieba-rs dictionaries and of
 * cppjieba user dictionaries; all three columns are always written because cppjieba reads a
 * two-column line as `word tag`.
 */
export function toJiebaDictText(words: readonly SegmentWord[]): string {
  return words.map((w) => `${w.word} ${w.freq} ${w.tag}\n`).join('');
}

/**
 * Word → tag of the user dictionary. @node-rs/jieba's `loadDict` updates only the frequency of a
 * word its built-in dictionary already has (物业公司 stays `n`, 约谈 stays `vn`), so the backends
 * apply these tags to `tag()` results themselves.
 */
export function userTags(words: readonly SegmentWord[]): Map<string, string> {
  return new Map(words.map((w) => [w.word, w.tag]));
}

/** @node-rs/jieba: a buffer for `Jieba#loadDict`. */
export function toNodeRsDict(words: readonly SegmentWord[]): Uint8Array {
  return Buffer.from(toJiebaDictText(words), 'utf8');
}

/**
 * nodejieba reads its user dictionary from a file path (`load({ userDict })`): writes one to a
 * fresh temporary directory. Call `dispose()` once `load` has returned (it reads the file eagerly).
 */
export function writeNodejiebaUserDict(words: readonly SegmentWord[]): { file: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'replylint-segdict-'));
  const file = join(dir, 'user.dict.utf8');
  // cppjieba splits userDict on '|' and ';' (several files)
  if (/[|;]/.test(file)) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`temporary directory path contains '|' or ';': ${file}`);
  }
  writeFileSync(file, toJiebaDictText(words), 'utf8');
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

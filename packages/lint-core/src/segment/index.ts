// Word segmentation behind one small interface. Backends load lazily and synchronously (rules call
// `ctx.segmenter()` from synchronous code), only on first use, once per backend and process.
import { loadSegmentDict } from './dict.js';
import { createNodeRsSegmenter, nodeRsAvailable } from './node-rs.js';
import { createNodejiebaSegmenter, nodejiebaAvailable } from './nodejieba.js';
import { createWasmSegmenter, wasmAvailable } from './wasm.js';
import { createJsSegmenter, jsAvailable } from './js.js';
import type { SegmentWord } from './dict.js';
import type { Segmenter, SegmenterName } from './types.js';

export type { Segmenter, SegmenterName } from './types.js';
export { SegmenterUnavailableError } from './errors.js';
export { setJiebaWasmLoader } from './wasm.js';
export { setJiebaDataFiles, type JiebaDataFiles } from './js.js';
export { loadSegmentDict, segmentDictPath, segmentDictSchema, type SegmentWord } from './dict.js';

/** Each backend: how to build it, and whether it can load here (cheap: no dictionary is built). */
const BACKENDS: Record<SegmenterName, { create(words: readonly SegmentWord[]): Segmenter; available(): boolean }> = {
  'node-rs': { create: createNodeRsSegmenter, available: nodeRsAvailable },
  nodejieba: { create: createNodejiebaSegmenter, available: nodejiebaAvailable },
  wasm: { create: createWasmSegmenter, available: wasmAvailable },
  js: { create: createJsSegmenter, available: jsAvailable },
};

export const SEGMENTER_NAMES = Object.keys(BACKENDS) as readonly SegmenterName[];

const cache = new Map<SegmenterName, Segmenter>();
const availability = new Map<SegmenterName, boolean>();

function checkName(name: string): asserts name is SegmenterName {
  if (!(SEGMENTER_NAMES as readonly string[]).includes(name)) {
    throw new TypeError(`未知的分词后端「${name}」：应为 ${SEGMENTER_NAMES.join('、')} 之一`);
  }
}

/**
 * The segmenter `name` with the domain dictionary (rules/lists/segment-dict.yaml) loaded.
 * Throws SegmenterUnavailableError when the backend is not installed / built, and ConfigError
 * when the dictionary file is invalid.
 */
export function getSegmenter(name: SegmenterName = 'node-rs'): Segmenter {
  checkName(name);
  const cached = cache.get(name);
  if (cached) return cached;
  const segmenter = BACKENDS[name].create(loadSegmentDict());
  cache.set(name, segmenter);
  availability.set(name, true);
  return segmenter;
}

/** Whether `getSegmenter(name)` can load its backend here (cheap: no dictionary is built). */
export function isSegmenterAvailable(name: SegmenterName): boolean {
  checkName(name);
  let ok = availability.get(name);
  if (ok === undefined) {
    ok = BACKENDS[name].available();
    availability.set(name, ok);
  }
  return ok;
}

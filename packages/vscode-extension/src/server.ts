// The language server as the extension runs it (bundled into dist/server.js): the pure-JavaScript
// segmenter (jieba-rs's segmentation re-implemented, same words as the native backend), so that one
// .vsix works on every platform with no native binary and no WebAssembly. Its data files (jieba's
// dictionary and IDF table, jieba-rs's HMM model) are read from beside the bundle (scripts/build.mjs
// copies them), when a rule first needs segmentation.
import { join } from 'node:path';
import { startServer } from '@replylint/language-server'; // first: it bounds V8's young generation before the engine loads
import { setJiebaDataFiles } from '@replylint/core';
import { SERVER_MAX_SEMI_SPACE_MIB } from './memory.js';

setJiebaDataFiles({
  dict: join(__dirname, 'jieba', 'dict.txt'),
  hmm: join(__dirname, 'jieba', 'hmm.model'),
  idf: join(__dirname, 'jieba', 'idf.txt'),
});
startServer(undefined, { segmenter: 'js', maxSemiSpaceMiB: SERVER_MAX_SEMI_SPACE_MIB });

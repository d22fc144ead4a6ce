// The language server as the extension runs it (bundled into dist/server.js): the portable wasm
// segmenter, so that one .vsix works on every platform without a native binary. jieba-wasm's JS is
// bundled here; its .wasm is read from beside the bundle (scripts/build.mjs copies it), when a rule
// first needs segmentation.
import { setJiebaWasmLoader } from '@replylint/core';
import { startServer } from '@replylint/language-server';

setJiebaWasmLoader(() => require('jieba-wasm'));
startServer(undefined, { segmenter: 'wasm' });

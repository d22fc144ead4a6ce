// The language server as the extension runs it (bundled into dist/server.js): the portable wasm
// segmenter, so that one .vsix works on every platform without a native binary. jieba-wasm's JS is
// bundled here; its .wasm is read from beside the bundle (scripts/build.mjs copies it), when a rule
// first needs segmentation.
import { setFlagsFromString } from 'node:v8';
import { startServer } from '@replylint/language-server'; // first: it bounds V8's young generation before the engine loads
import { setJiebaWasmLoader } from '@replylint/core';
import { SERVER_MAX_SEMI_SPACE_MIB } from './memory.js';

// jieba-wasm is compiled by Liftoff only, never tiered up to TurboFan: the optimising compiles of its
// hot functions left ~25 MiB more in the server's memory for good, and the editor tags only the
// edited sentences (bench/README.md, "语言服务器的内存"). Read when the module is compiled, i.e. on
// the first need for segmentation, so setting it here is in time.
setFlagsFromString('--liftoff-only');
setJiebaWasmLoader(() => require('jieba-wasm'));
startServer(undefined, { segmenter: 'wasm', maxSemiSpaceMiB: SERVER_MAX_SEMI_SPACE_MIB });

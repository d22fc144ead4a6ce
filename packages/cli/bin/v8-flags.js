// V8 settings for the command line, applied before the CLI's code is loaded (the long-lived
// language server and HTTP server keep V8's defaults).
//
// Less inlining into optimized functions: a `check` run spends much of its time before V8 has
// optimized the rule code (the first ~1,000 files take twice as long as later ones), and on a
// 2-core machine the optimizing compiler competes with the checking threads. With a cumulative
// inlining budget of 230 bytecodes (V8's default: 920) a single-threaded check of 1,000 files
// executes 14% fewer instructions, and a 10,000-file check was 3–14% faster in most sets of
// interleaved runs (one set showed no difference); 100 was as good, 460 no better than the
// default (bench/README.md, fourth round). Not applied when NODE_OPTIONS or the command line set it.
import { setFlagsFromString } from 'node:v8';

const FLAG = '--max-inlined-bytecode-size-cumulative';
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith(FLAG));
if (!given) setFlagsFromString(`${FLAG}=230`);

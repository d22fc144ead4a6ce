// Bundles the compiled CLI (packages/cli/dist) into a few files so `replylint check one.md`
// starts without resolving hundreds of small modules (~700 ms → ~300 ms, bench/README.md).
// Native segmenters stay external; the rule data stays in rules/ (found by rulesDir()).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { lazyChildProcess, zodEnglishOnly } from './esbuild-plugins.mjs';

const cli = fileURLToPath(new URL('../packages/cli/', import.meta.url));
const outdir = join(cli, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
// segmenters stay external (loaded only when a rule needs segmentation)
const NATIVE = ['@node-rs/jieba', '@node-rs/jieba/*', 'nodejieba', 'jieba-wasm'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [zodEnglishOnly, lazyChildProcess],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { main: join(cli, 'dist', 'main.js'), 'runner-worker': join(cli, '..', 'lint-core', 'dist', 'runner', 'runner-worker.js') },
  outdir,
  splitting: true,
  format: 'esm',
  // the engine is core.cjs (below), loaded by core-loader.js (the import is its unbundled fallback);
  // runner-worker.js is the worker threads' module of the core's runner (runner/pool.ts starts the one
  // beside core.cjs); it carries its own copy of the engine
  external: [...NATIVE, '@replylint/core'],
  // CommonJS dependencies bundled into ESM use require(), __filename and __dirname
  banner: {
    js: [
      "import { createRequire as __rlCreateRequire } from 'node:module';",
      "import { fileURLToPath as __rlFileURLToPath } from 'node:url';",
      "import { dirname as __rlDirname } from 'node:path';",
      'const require = __rlCreateRequire(import.meta.url);',
      'const __filename = __rlFileURLToPath(import.meta.url);',
      'const __dirname = __rlDirname(__filename);',
    ].join(' '),
  },
});

// The engine as one CommonJS file: core-loader.js compiles it with V8's code cache (ES modules
// cannot use one on Node 20), which saves most of its parse and compile time at every start.
await build({
  ...common,
  entryPoints: [join(cli, '..', 'lint-core', 'dist', 'index.js')],
  outfile: join(outdir, 'core.cjs'),
  format: 'cjs',
  external: NATIVE,
  // the engine finds rules/ and its cache folder from its own location
  define: { 'import.meta.url': '__rlModuleUrl' },
  banner: { js: "const __rlModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The language server as one CommonJS file (packages/language-server/dist/bundle/server.cjs), the
// engine and vscode-languageserver included: a new server answers in ~0.1 s of loading instead of
// ~0.5 s for the engine's hundreds of ES modules (bench/lsp.mjs). The bin falls back to dist/server.js.
const lsp = fileURLToPath(new URL('../packages/language-server/', import.meta.url));
await build({
  ...common,
  plugins: [zodEnglishOnly],
  entryPoints: [join(lsp, 'dist', 'server.js')],
  outfile: join(lsp, 'dist', 'bundle', 'server.cjs'),
  format: 'cjs',
  external: NATIVE,
  define: { 'import.meta.url': '__rlModuleUrl' },
  banner: { js: "const __rlModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

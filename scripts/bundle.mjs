// Bundles the compiled CLI (packages/cli/dist) into a few files so `replylint check one.md`
// starts without resolving hundreds of small modules (~700 ms → ~300 ms, bench/README.md).
// Native segmenters stay external; the rule data stays in rules/ (found by rulesDir()).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { rmSync } from 'node:fs';

// zod's namespace export `z.locales` pulls ~40 translations (~300 KB minified) into the bundle,
// and the whole bundle is parsed at every start. replylint writes its own Chinese messages and
// never uses z.locales, so the bundle gets a locales module with English only (zod's default).
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|mini|core)[\\/][^\\/]+\.js$/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

const cli = fileURLToPath(new URL('../packages/cli/', import.meta.url));
const outdir = join(cli, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(cli, 'dist', 'main.js'), worker: join(cli, 'dist', 'check', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // tinypool finds its own worker entry next to its files, so it stays a package import
  external: ['@node-rs/jieba', '@node-rs/jieba/*', 'nodejieba', 'tinypool'],
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
  plugins: [zodEnglishOnly],
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

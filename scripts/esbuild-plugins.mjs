// esbuild plugins shared by scripts/bundle.mjs (CLI, engine, language server) and the VS Code
// extension's build (packages/vscode-extension/scripts/build.mjs).
import { dirname, join } from 'node:path';

// zod's namespace export `z.locales` pulls ~40 translations (~300 KB minified) into the bundle,
// and the whole bundle is parsed at every start. replylint writes its own Chinese messages and
// never uses z.locales, so the bundle gets a locales module with English only (zod's default).
export const zodEnglishOnly = {
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

// commander requires node:child_process when it loads, for executable subcommands replylint does
// not have; loading it (with net, dgram and their internals) took ~10 ms of every start
// (`node --cpu-prof`). commander gets a stand-in that loads it on first use.
export const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]lib[\\/]command\.js$/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// The engine loads the `yaml` package on first use with createRequire (util/lazy-yaml.ts), which
// esbuild leaves alone, so a bundle resolves it at run time from its own package. A bundle that
// ships without node_modules (the VS Code extension) gets a lazy-yaml whose require() esbuild can
// follow: `yaml` is then inside the bundle, still evaluated only on first use.
export const inlineLazyYaml = {
  name: 'inline-lazy-yaml',
  setup(b) {
    b.onLoad({ filter: /[\\/]lint-core[\\/]dist[\\/]util[\\/]lazy-yaml\.js$/ }, () => ({
      contents: "let mod; export function yaml() { return (mod ??= require('yaml')); }",
      loader: 'js',
    }));
  },
};

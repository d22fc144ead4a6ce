// Builds the VS Code extension into dist/extension/, the folder that becomes the .vsix:
//   package.json, package.nls*.json, README.md        (the manifest, Chinese texts)
//   dist/extension.js   the client (vscode-languageclient), one CommonJS bundle
//   dist/server.js      the language server with the engine, one CommonJS bundle (js segmenter)
//   dist/jieba/         the js segmenter's data: jieba's dict.txt and idf.txt, jieba-rs's hmm.model
//   rules/, docs/rules/ the rule data the engine reads and the rule pages diagnostics link to
// Run after `tsc -b` (the server is bundled from packages/*/dist). Type-checks src/ first.
//   node scripts/build.mjs [--out DIR]   (default dist/extension)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineLazyYaml, zodEnglishOnly } from '../../../scripts/esbuild-plugins.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(pkgDir, '..', '..');
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]) : join(pkgDir, 'dist', 'extension');
const require = createRequire(join(pkgDir, 'package.json'));

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(pkgDir, 'tsconfig.json')], { stdio: 'inherit' });

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', legalComments: 'none', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };
await build({ ...common, entryPoints: [join(pkgDir, 'src', 'extension.ts')], outfile: join(out, 'dist', 'extension.js'), external: ['vscode'] });
await build({
  ...common,
  entryPoints: [join(pkgDir, 'src', 'server.ts')],
  outfile: join(out, 'dist', 'server.js'),
  plugins: [zodEnglishOnly, inlineLazyYaml],
  // only the js segmenter is shipped; the native and wasm ones are never loaded by this server
  external: ['@node-rs/jieba', '@node-rs/jieba/*', 'nodejieba', 'jieba-wasm'],
  // the engine finds its files from its own location (the extension also sets REPLYLINT_RULES_DIR)
  define: { 'import.meta.url': '__rlModuleUrl' },
  banner: { js: "const __rlModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

cpSync(join(root, 'rules'), join(out, 'rules'), { recursive: true });
cpSync(join(root, 'docs', 'rules'), join(out, 'docs', 'rules'), { recursive: true });
const requireCore = createRequire(join(root, 'packages', 'lint-core', 'package.json'));
const jiebaDict = requireCore.resolve('@node-rs/jieba/dict.txt');
const jiebaData = join(root, 'packages', 'lint-core', 'data', 'jieba');
mkdirSync(join(out, 'dist', 'jieba'));
cpSync(jiebaDict, join(out, 'dist', 'jieba', 'dict.txt'));
cpSync(join(dirname(jiebaDict), 'idf.txt'), join(out, 'dist', 'jieba', 'idf.txt'));
cpSync(join(jiebaData, 'hmm.model'), join(out, 'dist', 'jieba', 'hmm.model'));
cpSync(join(jiebaData, 'LICENSE'), join(out, 'dist', 'jieba', 'hmm.model.LICENSE.txt'));
cpSync(join(dirname(jiebaDict), 'LICENSE'), join(out, 'dist', 'jieba', 'dict.txt.LICENSE.txt'));

// the manifest without what only the workspace needs (vsce reads it as is); no "type": "module",
// the bundles are CommonJS as VS Code 1.100 loads extensions
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
delete manifest.devDependencies;
delete manifest.dependencies;
delete manifest.scripts;
delete manifest.private;
delete manifest.type;
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of ['package.nls.json', 'package.nls.zh-cn.json', 'README.md', '.vscodeignore']) cpSync(join(pkgDir, f), join(out, f));

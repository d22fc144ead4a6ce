// Packs replylint as one npm package, `replylint-<version>.tgz`, for installing where the
// repository is not: `npm install -g ./replylint-<version>.tgz` puts `replylint` and
// `replylint-language-server` on PATH. The package carries the bundles (`npm run build` first),
// rules/ and docs/; its dependencies are the prebuilt segmenter (@node-rs/jieba) and yaml, from the
// registry or a mirror, so it installs without a compiler. nodejieba is left out.
//
//   npm run build && node scripts/pack.mjs [out-dir]      # default out-dir: dist/
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const cli = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8'));
const core = JSON.parse(readFileSync(join(root, 'packages', 'lint-core', 'package.json'), 'utf8'));
const cliBundle = join(root, 'packages', 'cli', 'dist', 'bundle');
const lspBundle = join(root, 'packages', 'language-server', 'dist', 'bundle', 'server.cjs');
for (const p of [join(cliBundle, 'main.js'), join(cliBundle, 'core.cjs'), lspBundle]) {
  if (!existsSync(p)) {
    console.error(`缺少构建产物 ${p}：请先运行 npm run build`);
    process.exit(2);
  }
}

const stage = join(out, 'replylint');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'bin'), { recursive: true });
cpSync(cliBundle, join(stage, 'dist', 'bundle'), { recursive: true });
cpSync(lspBundle, join(stage, 'dist', 'bundle', 'server.cjs'));
// the engine finds rules/ two folders up from dist/bundle/core.cjs; docs/ beside it (docs links)
cpSync(join(root, 'rules'), join(stage, 'rules'), { recursive: true });
// the js segmenter's HMM model: ../../data/jieba/ from dist/bundle/ (its dictionary is @node-rs/jieba's)
cpSync(join(root, 'packages', 'lint-core', 'data'), join(stage, 'data'), { recursive: true });
cpSync(join(root, 'docs'), join(stage, 'docs'), { recursive: true, filter: (src) => !src.includes(`${join('docs', 'dev')}`) });
cpSync(join(root, 'packages', 'cli', 'bin', 'v8-flags.js'), join(stage, 'bin', 'v8-flags.js'));
writeFileSync(
  join(stage, 'bin', 'replylint.js'),
  "#!/usr/bin/env node\n// replylint CLI (packed: scripts/pack.mjs)\nimport './v8-flags.js';\nimport '../dist/bundle/main.js';\n",
);
writeFileSync(
  join(stage, 'bin', 'replylint-language-server.js'),
  [
    '#!/usr/bin/env node',
    '// replylint language server (packed: scripts/pack.mjs). Transports: --stdio, --node-ipc, --socket=<port>.',
    "import { createRequire } from 'node:module';",
    "if (!process.argv.slice(2).some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {",
    "  process.stderr.write('用法：replylint-language-server --stdio（也支持 --node-ipc、--socket=端口）\\n');",
    '  process.exit(2);',
    '}',
    "createRequire(import.meta.url)('../dist/bundle/server.cjs').startServer();",
    '',
  ].join('\n'),
);
const pkg = {
  name: 'replylint',
  version: cli.version,
  description: cli.description.replace('命令行：', '：'),
  type: 'module',
  bin: { replylint: 'bin/replylint.js', 'replylint-language-server': 'bin/replylint-language-server.js' },
  engines: { node: '>=20' },
  // loaded at run time, not bundled: the native segmenter, and yaml (read lazily, for the source
  // ranges of metadata)
  dependencies: { '@node-rs/jieba': cli.dependencies['@node-rs/jieba'], yaml: core.dependencies.yaml },
  files: ['bin', 'dist', 'rules', 'docs', 'data'],
  license: 'UNLICENSED',
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(join(stage, 'README.md'), readFileSync(join(root, 'README.md'), 'utf8'));
const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
console.log(join(out, name));

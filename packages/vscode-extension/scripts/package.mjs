// Packages dist/extension/ (scripts/build.mjs) as dist/replylint-<version>.vsix with @vscode/vsce
// (pinned to 3.9.2: vsce 4 needs Node 22). Everything is already bundled: --no-dependencies.
//   node scripts/package.mjs [--stage DIR] [--out FILE.vsix]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => (process.argv.indexOf(name) > 0 ? resolve(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const stage = arg('--stage') ?? join(pkgDir, 'dist', 'extension');
const { version } = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
const vsix = arg('--out') ?? join(pkgDir, 'dist', `replylint-${version}.vsix`);
const vsce = createRequire(join(pkgDir, 'package.json')).resolve('@vscode/vsce/vsce');
// vsce lists every file it packs: only its last line (DONE Packaged: … (N files, size)) is shown
const log = execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
console.log(log.trim().split('\n').filter((l) => l.includes('DONE')).join('\n') || log);

// The textlint yardstick shared by bench/textlint.mjs and bench/batch.mjs: textlint with
// textlint-rule-prh and a 30-entry dictionary (the first 30 plain entries of rules/lists/cliches.yaml),
// installed once into bench/out/textlint (needs the npm registry).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VERSIONS = { textlint: '15.8.0', 'textlint-rule-prh': '6.1.0' };
export const TEXTLINT_DIR = join(root, 'bench/out/textlint');
const textlintBin = join(TEXTLINT_DIR, 'node_modules/textlint/bin/textlint.js');

function fail(message) {
  console.error(message);
  process.exit(2);
}

/** Installs textlint (once) and writes the 30-entry prh dictionary. */
export function ensureTextlint() {
  if (!existsSync(textlintBin)) {
    mkdirSync(TEXTLINT_DIR, { recursive: true });
    writeFileSync(join(TEXTLINT_DIR, 'package.json'), JSON.stringify({ private: true, dependencies: VERSIONS }, null, 2));
    console.error(`安装 ${Object.entries(VERSIONS).map(([n, v]) => `${n}@${v}`).join('、')} 到 bench/out/textlint …`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: TEXTLINT_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !existsSync(textlintBin)) fail('安装 textlint 失败（需要能访问 npm 仓库）');
  }
  const items = readFileSync(join(root, 'rules/lists/cliches.yaml'), 'utf8')
    .split('\n')
    .map((l) => /^ {2}- ([\u4e00-\u9fa5]+)$/.exec(l)?.[1])
    .filter(Boolean)
    .slice(0, 30);
  if (items.length !== 30) fail(`rules/lists/cliches.yaml 里的纯文字条目不足 30 个（${items.length}）`);
  const prh = ['version: 1', 'rules:', ...items.flatMap((p) => [`  - expected: 删去“${p}”`, `    pattern: ${p}`])].join('\n');
  writeFileSync(join(TEXTLINT_DIR, 'prh.yml'), `${prh}\n`);
  writeFileSync(join(TEXTLINT_DIR, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
}

/** Runs textlint over `target` (a folder), its JSON report to `resultFile`; wall milliseconds. */
export function runTextlint(target, resultFile) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [textlintBin, '--format', 'json', '--output-file', resultFile, target], { cwd: TEXTLINT_DIR, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) fail(`textlint 退出码 ${r.status}：${r.stderr.slice(0, 500)}`);
  return ms;
}

/** The report covers every file and has findings (the yardstick did its work); its message count. */
export function checkTextlintResult(resultFile, files) {
  const found = JSON.parse(readFileSync(resultFile, 'utf8'));
  const messages = found.reduce((n, f) => n + f.messages.length, 0);
  if (found.length !== files || messages === 0) fail(`textlint 的结果不对：${found.length} 个文件、${messages} 条提示`);
  return messages;
}

// Calibrates target (c) against the yardstick the core issue gives for it: "textlint with one
// 30-pattern dictionary rule does ~820 files/s here". Runs textlint (with textlint-rule-prh and a
// 30-entry dictionary) and `replylint check` on the same 10,000-file corpus, alternating, and
// reports both throughputs, their ratio, and replylint's throughput scaled to a machine where
// textlint does 820 files/s. The targets were set on such a machine; the bench VMs differ in speed
// by more than 2× from one day to the next, so the scaled figure is the one to hold against them.
// replylint is also run single-threaded (REPLYLINT_WORKERS=0), like textlint: that ratio does not
// depend on how much a second core gives on the machine at hand.
//
//   node bench/check.mjs --skip a,b        # writes the corpus bench/out/corpus (and measures (c))
//   node bench/textlint.mjs                # installs textlint into bench/out/textlint on first use
//   node bench/textlint.mjs --runs 5 --json
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTextlintResult, ensureTextlint, runTextlint, TEXTLINT_DIR, VERSIONS } from './yardstick.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const RUNS = Number(arg('runs', 3));
const JSON_OUT = process.argv.includes('--json');
/** The figure for textlint on the machine the targets were set on. */
const REFERENCE_TEXTLINT = 820;
const TARGET = 4000;

const corpus = join(root, 'bench/out/corpus');
const replylintBin = join(root, 'packages/cli/bin/replylint.js');

function fail(message) {
  console.error(message);
  process.exit(2);
}

function countFiles() {
  try {
    return JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')).files;
  } catch {
    fail('没有找到语料 bench/out/corpus：请先运行 node bench/check.mjs --skip a,b');
  }
}

function timed(args, cwd, env = process.env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) fail(`「${args.slice(0, 2).join(' ')}」退出码 ${r.status}：${r.stderr.slice(0, 500)}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const files = countFiles();
ensureTextlint();
const textlintOut = join(TEXTLINT_DIR, 'result.json');
const replylintOut = join(root, 'bench/out/check-result.json');
const commands = {
  textlint: () => runTextlint(corpus, textlintOut),
  replylint: () => timed([replylintBin, 'check', corpus, '--format', 'json', '--output-file', replylintOut], root),
  replylintSingle: () =>
    timed([replylintBin, 'check', corpus, '--format', 'json', '--output-file', replylintOut], root, { ...process.env, REPLYLINT_WORKERS: '0' }),
};
const runs = { textlint: [], replylint: [], replylintSingle: [] };
const tools = Object.keys(commands);
for (let i = 0; i < RUNS; i++) {
  // rotate the order so that a drift of the machine's speed hits all alike
  for (let k = 0; k < tools.length; k++) {
    const tool = tools[(i + k) % tools.length];
    runs[tool].push(commands[tool]());
  }
}
const textlintMessages = checkTextlintResult(textlintOut, files);

const perSecond = (ms) => files / (ms / 1000);
const rate = Object.fromEntries(tools.map((t) => [t, perSecond(median(runs[t]))]));
const scaled = (r) => (r * REFERENCE_TEXTLINT) / rate.textlint;
const out = {
  node: process.version,
  files,
  runs: RUNS,
  versions: VERSIONS,
  textlint: { medianMs: median(runs.textlint), filesPerSecond: rate.textlint, messages: textlintMessages },
  replylint: { medianMs: median(runs.replylint), filesPerSecond: rate.replylint, ratio: rate.replylint / rate.textlint, scaledToReference: scaled(rate.replylint) },
  replylintSingleThread: {
    medianMs: median(runs.replylintSingle),
    filesPerSecond: rate.replylintSingle,
    ratio: rate.replylintSingle / rate.textlint,
    scaledToReference: scaled(rate.replylintSingle),
  },
};
if (JSON_OUT) {
  console.log(JSON.stringify(out, null, 2));
} else {
  const n = (x) => Math.round(x).toLocaleString('en-US');
  const row = (label, r) =>
    console.log(`${label}  ${n(r.filesPerSecond)} 篇/秒（${(r.medianMs / 1000).toFixed(2)} s），textlint 的 ${r.ratio.toFixed(2)} 倍，换算 ${n(r.scaledToReference)} 篇/秒`);
  console.log(`语料 ${n(files)} 个文件，轮流运行 ${RUNS} 次取中位数（Node ${process.version}）`);
  console.log(`textlint ${VERSIONS.textlint} + prh（30 条）     ${n(rate.textlint)} 篇/秒（${(out.textlint.medianMs / 1000).toFixed(2)} s，${n(textlintMessages)} 条提示）`);
  row('replylint check（recommended）   ', out.replylint);
  row('replylint check，单线程          ', out.replylintSingleThread);
  console.log(`“换算”= 在 textlint 为 ${REFERENCE_TEXTLINT} 篇/秒的机器上的预计吞吐；目标 ≥ ${n(TARGET)} 篇/秒`);
}

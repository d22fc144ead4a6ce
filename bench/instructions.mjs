#!/usr/bin/env node
// Instruction counts of lint work (valgrind --tool=cachegrind, V8 --predictable), see bench/README.md.
//
// Wall time on a shared 2-core VM drifts by ±30 % over minutes, which hides changes of a few per
// cent. Instruction counts do not drift: this counts
//   (1) instructions per lint() in steady state: a process linting 1,500 + 1,000 replies against one
//       linting 1,500 + 5,000, difference / 4,000;
//   (2) instructions of one single-threaded `replylint check` run over --files corpus files (JIT
//       warm-up included, as a user's run has it).
// They ignore cache misses, so confirm a gain with wall-time runs as well. Needs valgrind
// (`apt-get install -y valgrind`) and the corpus of bench/check.mjs (run that first).
//
//   node bench/instructions.mjs [--core packages/lint-core/dist/index.js] [--bin packages/cli/dist/bundle/main.js] [--files 1000] [--workers 0] [--skip lint|cli] [--node-flags "--flag ..."]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const core = resolve(arg('core', join(root, 'packages/lint-core/dist/index.js')));
const bin = resolve(arg('bin', join(root, 'packages/cli/dist/bundle/main.js')));
const FILES = Number(arg('files', 1000));
const skip = arg('skip', '');
const nodeFlags = arg('node-flags', '').split(/\s+/).filter(Boolean); // e.g. --node-flags "--always-sparkplug"

const corpus = join(root, 'bench/out/corpus');

if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write('需要 valgrind：apt-get install -y valgrind\n');
  process.exit(2);
}
if (!existsSync(corpus)) {
  process.stderr.write('没有语料：请先运行 node bench/check.mjs\n');
  process.exit(2);
}

const VALGRIND = ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null'];
// --workers N: count a run with N worker threads (valgrind runs the threads one at a time, so
// the count is the run's total work: each worker's start-up and JIT warm-up included)
const WORKERS = arg('workers', '0');
// the engine's code cache is off unless REPLYLINT_CACHE=1 is set (a cache written by a run with other
// V8 flags is rejected and rewritten: run twice)
const env = { ...process.env, REPLYLINT_CACHE: process.env.REPLYLINT_CACHE === '1' ? '1' : '0', REPLYLINT_WORKERS: WORKERS };

/** Instructions executed by `node --predictable ...args` under valgrind. */
function count(args) {
  return new Promise((done, fail) => {
    const p = spawn('valgrind', [...VALGRIND, process.execPath, '--predictable', ...nodeFlags, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', () => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      m ? done(Number(m[1].replaceAll(',', ''))) : fail(new Error(err.slice(-2000)));
    });
  });
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

if (skip !== 'lint') {
  const harness = join(tmpdir(), `replylint-instr-${process.pid}.mjs`);
  writeFileSync(
    harness,
    `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const core = await import(${JSON.stringify(core)});
const root = ${JSON.stringify(corpus)};
const texts = [];
for (const d of readdirSync(root).filter((x) => x.startsWith('unit')).sort().slice(0, 30)) for (const f of readdirSync(join(root, d)).sort()) texts.push(readFileSync(join(root, d, f), 'utf8'));
const now = new Date('2024-12-31T12:00:00+08:00');
const n = 1500 + Number(process.argv[2]);
let problems = 0;
for (let i = 0; i < n; i++) problems += core.lintDocument(texts[i % texts.length], { now }).diagnostics.length;
if (problems < 0) console.log(problems);
`,
  );
  const [a, b] = await Promise.all([count([harness, '1000']), count([harness, '5000'])]);
  rmSync(harness);
  process.stdout.write(`(1) lint() 稳态每篇指令数：${fmt((b - a) / 4000)}（${core}）\n`);
}

if (skip !== 'cli') {
  const dir = join(tmpdir(), `replylint-instr-corpus-${FILES}`);
  if (!existsSync(dir) || readdirSync(dir).length !== FILES) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = readdirSync(corpus)
      .filter((x) => x.startsWith('unit'))
      .sort()
      .flatMap((d) => readdirSync(join(corpus, d)).sort().map((f) => join(corpus, d, f)));
    for (const f of files.slice(0, FILES)) cpSync(f, join(dir, f.slice(f.lastIndexOf('/') + 1)));
  }
  const total = await count([bin, 'check', dir, '--format', 'json', '--output-file', join(tmpdir(), 'replylint-instr-out.json')]);
  process.stdout.write(`(2) check ${WORKERS === '0' ? '单线程' : `${WORKERS} 个工作线程 + 主线程`} ${FILES} 个文件总指令数：${fmt(total)}，每个文件 ${fmt(total / FILES)}（${bin}）\n`);
}

// How well does linting scale to two cores on this machine? Runs the same fixed work (lint every
// reply of the generated corpus, in memory, `--rounds` times) in one process alone, then in two
// processes at once, and does the same for a control workload (regex scan + short-lived
// objects). Reports each process's time and the slowdown when both run at once.
//
//   node bench/check.mjs --skip a,b,c   # generates bench/out/corpus if missing
//   node bench/parallel.mjs [--runs 3] [--rounds 2] [--files 5000]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = join(here, 'out', 'corpus');

if (process.argv[2] === '--child') {
  const [, , , what, rounds, files] = process.argv;
  const t0 = performance.now();
  if (what === 'lint') {
    const core = await import('../packages/lint-core/dist/index.js');
    const texts = [];
    for (const d of readdirSync(corpus).filter((x) => x.startsWith('unit')).sort()) {
      for (const f of readdirSync(join(corpus, d)).sort()) if (texts.length < Number(files)) texts.push(readFileSync(join(corpus, d, f), 'utf8'));
    }
    const start = performance.now();
    for (let r = 0; r < Number(rounds); r++) for (const t of texts) core.lintDocument(t, {});
    process.stdout.write(String(performance.now() - start));
  } else {
    const s = '您好，经核查，您反映的问题已由承办人于2024年3月12日电话联系说明情况。'.repeat(2000);
    const re = /(?:高度重视|进一步加强|积极协调|(\d{4})年(\d{1,2})月(\d{1,2})日)/g;
    let n = 0;
    for (let r = 0; r < 300 * Number(rounds); r++) {
      re.lastIndex = 0;
      while (re.exec(s)) n++;
      const o = [];
      for (let i = 0; i < 20000; i++) o.push({ a: i, b: `x${i & 1023}` });
    }
    if (n === 0) throw new Error('the control workload matched nothing');
    process.stdout.write(String(performance.now() - t0));
  }
  process.exit(0);
}

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '3' }, rounds: { type: 'string', default: '2' }, files: { type: 'string', default: '5000' } } });
if (!existsSync(corpus)) {
  console.error('bench/out/corpus 不存在：请先运行 node bench/check.mjs --skip a,b,c 生成语料');
  process.exit(2);
}

const child = (what) =>
  new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', what, opts.rounds, opts.files], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`child exited ${code}`))));
  });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const what of ['lint', 'control']) {
  const alone = [];
  const both = [];
  for (let r = 0; r < Number(opts.runs); r++) {
    alone.push(await child(what));
    both.push(...(await Promise.all([child(what), child(what)])));
  }
  rows.push({ what, alone: median(alone), both: median(both) });
}
const label = { lint: `lint（${opts.files} 篇 × ${opts.rounds} 轮，内存中）`, control: '对照：正则扫描 + 短命对象' };
console.log('工作负载'.padEnd(34), '单独运行', '两个进程同时运行', '变慢');
for (const r of rows) console.log(label[r.what].padEnd(30), `${r.alone.toFixed(0)} ms`.padStart(10), `${r.both.toFixed(0)} ms`.padStart(14), `${(r.both / r.alone).toFixed(2)}×`.padStart(8));

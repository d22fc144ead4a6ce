// `replylint batch` over an export built from the real corpus (../shared/corpora/tipdm-2020-replies.jsonl:
// 2,653 published replies, each with its request), its rows repeated up to --rows, as a platform export
// carries them (JSONL or CSV with the data set's own Chinese headers). Reports replies/s end to end,
// peak RSS (/usr/bin/time), time to first output line, for each worker count in --workers.
//
//   node bench/batch.mjs                          # 100,000 rows, JSONL, workers 0 and 1
//   node bench/batch.mjs --rows 1000000 --workers 1
//   node bench/batch.mjs --format csv --rows 20000
//   node bench/batch.mjs --textlint 0           # without the yardstick
//
// The yardstick, in the same run (the machines vary by 2× between days): textlint with a 30-entry
// prh dictionary (bench/yardstick.mjs, installed on first use) over the same replies written as .txt files, one
// file per reply (--textlint N: the first N rows, default 10,000; textlint reads no request).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { checkTextlintResult, ensureTextlint, runTextlint } from './yardstick.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const rows = Number(arg('rows', '100000'));
const format = arg('format', 'jsonl');
const workerCounts = arg('workers', '0,1').split(',').map(Number);
const textlintFiles = Math.min(rows, Number(arg('textlint', '10000')));
const corpus = join(root, '..', 'shared', 'corpora', 'tipdm-2020-replies.jsonl');
if (!existsSync(corpus)) {
  console.error(`找不到语料 ${corpus}`);
  process.exit(2);
}
const out = join(root, 'bench', 'out', 'batch');
mkdirSync(out, { recursive: true });
const input = join(out, `export-${rows}.${format}`);

const HEADERS = ['留言编号', '留言主题', '留言详情', '留言时间', '答复意见', '答复时间'];
if (!existsSync(input)) {
  const records = readFileSync(corpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const w = createWriteStream(input);
  const cell = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  if (format === 'csv') w.write(`\uFEFF${HEADERS.join(',')}\r\n`);
  for (let i = 0; i < rows; i++) {
    const r = records[i % records.length];
    const values = [`${r.id}-${i}`, r.title, r.request, r.askedAt, r.reply, r.repliedAt];
    const line = format === 'csv' ? `${values.map(cell).join(',')}\r\n` : `${JSON.stringify(Object.fromEntries(HEADERS.map((h, k) => [h, values[k]])))}\n`;
    if (!w.write(line)) await once(w, 'drain');
  }
  w.end();
  await once(w, 'finish');
}
console.log(`输入：${input}（${rows.toLocaleString('en-US')} 行，${(statSync(input).size / 1e6).toFixed(0)} MB；每行带诉求内容）`);

const bin = join(root, 'packages', 'cli', 'bin', 'replylint.js');

// the yardstick: textlint + prh (30 entries) over the same replies as files
let measureTextlint;
const textlintRates = [];
if (textlintFiles > 0) {
  ensureTextlint();
  const dir = join(out, `textlint-${textlintFiles}`);
  if (!existsSync(join(dir, 'done'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const records = readFileSync(corpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    for (let i = 0; i < textlintFiles; i++) writeFileSync(join(dir, `${String(i).padStart(7, '0')}.txt`), records[i % records.length].reply ?? '');
    writeFileSync(join(dir, 'done'), '');
  }
  const result = join(out, 'textlint-result.json');
  // run before and after replylint, the rate the mean of the two: the machine's speed drifts
  measureTextlint = () => {
    const ms = runTextlint(dir, result);
    checkTextlintResult(result, textlintFiles);
    return (textlintFiles / ms) * 1000;
  };
  textlintRates.push(measureTextlint());
}
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
const rates = [];
for (const workers of workerCounts) {
  const result = join(out, `results-${workers}.jsonl`);
  const tmpPrefix = `.results-${workers}.jsonl.replylint-`; // io/atomic.ts tempBeside()
  let first = 0;
  const t0 = performance.now();
  // the first output line appears in the temporary file beside results.jsonl
  const watcher = watch(out, (_e, name) => {
    if (!first && name && name.startsWith(tmpPrefix)) {
      try {
        if (statSync(join(out, name)).size > 0) first = performance.now() - t0;
      } catch {
        // renamed already
      }
    }
  });
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const args = [...(hasTime ? ['-f', '%M', process.execPath] : []), bin, 'batch', input, '-o', result, '--workers', String(workers), '--no-progress'];
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  const ms = performance.now() - t0;
  watcher.close();
  const rss = hasTime ? Number(stderr.trim().split('\n').at(-1)) / 1024 : NaN;
  const rate = (rows / ms) * 1000;
  rates.push({ workers, rate });
  console.log(
    `工作线程 ${workers}：${Math.round(rate).toLocaleString('en-US')} 篇/秒（${(ms / 1000).toFixed(1)} s，退出码 ${code}），` +
      `最大 RSS ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MiB（主线程与工作线程合计）`}，首行输出 ${first ? `${(first / 1000).toFixed(2)} s` : '—'}`,
  );
}
if (runTextlint) {
  textlintRates.push(measureTextlint());
  const mean = (textlintRates[0] + textlintRates[1]) / 2;
  const n = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`标尺：textlint + prh（30 条）检查同样的答复（${n(textlintFiles)} 个 .txt 文件）：${n(textlintRates[0])} / ${n(textlintRates[1])} 篇/秒（之前 / 之后），平均 ${n(mean)}`);
  for (const { workers, rate } of rates) console.log(`工作线程 ${workers}：textlint 的 ${(rate / mean).toFixed(2)} 倍`);
}

// Paired wall-time comparison of two commands on a machine whose speed drifts (see bench/README.md).
//
// Runs A and B back to back N times, alternating which goes first, and reports each command's
// median and minimum and the median of the per-pair differences B − A: slow drift of the machine
// affects both halves of a pair alike, so the paired difference is steadier than two medians.
//
//   node bench/pair.mjs 12 "node packages/cli/bin/replylint.js check bench/out/corpus --format json --output-file /tmp/a.json" \
//                          "REPLYLINT_WORKERS=0 node packages/cli/bin/replylint.js check bench/out/corpus --format json --output-file /tmp/b.json"
import { spawnSync } from 'node:child_process';

const [n, a, b] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
if (!(n > 0) || !a || !b) {
  console.error('用法：node bench/pair.mjs 次数 "命令A" "命令B"');
  process.exit(2);
}
const run = (cmd) => {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', cmd], { stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) console.error(`注意：「${cmd}」退出码 ${r.status}`);
  return performance.now() - t0;
};
const ta = [];
const tb = [];
const diff = [];
for (let i = 0; i < n; i++) {
  let x, y;
  if (i % 2) {
    y = run(b);
    x = run(a);
  } else {
    x = run(a);
    y = run(b);
  }
  ta.push(x);
  tb.push(y);
  diff.push(y - x);
}
const median = (v) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)];
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`A：中位数 ${ms(median(ta))}，最快 ${ms(Math.min(...ta))}`);
console.log(`B：中位数 ${ms(median(tb))}，最快 ${ms(Math.min(...tb))}`);
console.log(`B − A 差值中位数 ${ms(median(diff))}；${n} 对中 B 更快 ${diff.filter((d) => d < 0).length} 次`);

// Every labelled set side by side: runs scripts/eval.mjs on each (same --profile / --config) and
// prints one line per set — other rules' precision and recall, error-level precision, good replies
// given an error, on-topic — the table of eval/README.md's "现在的数字".
//
//   npm run build && node scripts/eval-all.mjs
//   node scripts/eval-all.mjs --config try.yaml      # the same configuration on every set
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passed = process.argv.slice(2);
// the sets that have labels, in eval.mjs's order (real first, then holdout, holdout2, …)
const sets = readdirSync(join(root, 'eval'))
  .filter((d) => d === 'real' || /^holdout\d*$/.test(d))
  .filter((d) => readdirSync(join(root, 'eval', d)).some((f) => /^labels.*\.jsonl$/.test(f)))
  .sort((a, b) => (a === 'real' ? -1 : b === 'real' ? 1 : Number(a.slice(7) || 1) - Number(b.slice(7) || 1)));

const grab = (out, re) => out.match(re)?.[1]?.trim() ?? '—';
const rows = [['集合', '篇数', '其他规则 准确率 / 召回率', '错误级别的准确率', '标注没有错误、工具报了错误的', 'on-topic 准确率 / 召回率']];
for (const set of sets) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'eval.mjs'), '--set', set, ...passed], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr || run.stdout);
    process.exit(run.status ?? 1);
  }
  const out = run.stdout;
  const other = out.match(/其他规则合计：准确率 (\S+)，召回率 (\S+)/);
  const onTopic = out.match(/^on-topic\s+\d+\s+\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)/m);
  const good = out.match(/标注没有错误的答复：(\d+) 篇，其中工具报了错误的 (\d+) 篇/);
  rows.push([
    grab(out, /^(\S+?)：/m),
    grab(out, /：(\d+) 篇真实答复/),
    other ? `${other[1]} / ${other[2]}` : '—',
    grab(out, /错误级别的准确率[^：]*：(.+)$/m),
    good ? `${good[2]} / ${good[1]}` : '—',
    onTopic ? `${onTopic[1]} / ${onTopic[2]}` : '—',
  ]);
}
const width = (s) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const cols = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
for (const r of rows) console.log(r.map((c, i) => c + ' '.repeat(cols[i] - width(c))).join('  ').trimEnd());
